import "server-only";
// Shared by the bulletin page and its print view: the target from the URL, checked, and the view.
import { ApiError } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { bulletinTarget, getBulletinView, parseRevision, statusLabel } from "@/lib/bulletin/service";
import { formatPeriodRange } from "@/lib/stats";

export type BulletinSearch = { region?: string; period?: string; revision?: string };

export async function loadBulletinPage(user: CurrentUser, search: BulletinSearch) {
  try {
    const { county, period } = await bulletinTarget(user, search.region, search.period);
    const revision = parseRevision(search.revision);
    const view = await getBulletinView(county, period, revision);
    return { ok: true as const, county, period, view, revision, subtitle: `${county.name}经济发展局　${formatPeriodRange(period.year, period.month)}　${statusLabel(view.current)}` };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false as const, message: e.message };
    throw e;
  }
}
