import "server-only";
// Shared by the bulletin page and its print view: the target from the URL, checked, and the view.
import { ApiError } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { bulletinHeadSchema, defaultHead, type BulletinHead } from "@/lib/bulletin/head";
import { bulletinTarget, getBulletinView, parseRevision, statusLabel } from "@/lib/bulletin/service";

export type BulletinSearch = { region?: string; period?: string; revision?: string; issuer?: string; docNumber?: string; issueDate?: string };

/** The stored (else drafted) head, with each field the URL gives (the editor's print link) when it is valid. */
function headFrom(drafted: BulletinHead, search: BulletinSearch): BulletinHead {
  const shape = bulletinHeadSchema.shape;
  const pick = <K extends keyof BulletinHead>(k: K) => {
    const r = shape[k].safeParse(search[k]);
    return r.success ? r.data : drafted[k];
  };
  return { issuer: pick("issuer"), docNumber: pick("docNumber"), issueDate: pick("issueDate") };
}

export async function loadBulletinPage(user: CurrentUser, search: BulletinSearch) {
  try {
    const { county, period } = await bulletinTarget(user, search.region, search.period);
    const revision = parseRevision(search.revision);
    const view = await getBulletinView(county, period, revision);
    const drafted = defaultHead(county, period);
    // The head saved with the shown revision; the drafted one for generated text or an older revision.
    return { ok: true as const, county, period, view, revision, status: statusLabel(view.current), drafted, head: headFrom(view.current.head ?? drafted, search) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false as const, message: e.message };
    throw e;
  }
}
