import "server-only";
// Shared by the bulletin page and its print view: the target from the URL, checked, and the view.
import { ApiError } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { bulletinTarget, getBulletinView } from "@/lib/bulletin/service";
import { formatPeriodRange } from "@/lib/stats";

export async function loadBulletinPage(user: CurrentUser, search: { region?: string; period?: string }) {
  try {
    const { county, period } = await bulletinTarget(user, search.region, search.period);
    const view = await getBulletinView(county, period);
    const status = view.current.source === "published" ? `已发布第${view.current.revision}版` : view.current.source === "draft" ? `草稿（第${view.current.revision}版）` : "系统根据数据生成";
    return { ok: true as const, county, period, view, subtitle: `${county.name}经济发展局　${formatPeriodRange(period.year, period.month)}　${status}` };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false as const, message: e.message };
    throw e;
  }
}
