import "server-only";
// 必填指标 settings (decision 012): which town-form indicators every report of a county must fill,
// kept on Region.requiredIndicators. Admins set them per county they administer; every change is
// audited in the same transaction, and a change made meanwhile by another admin is a visible conflict.
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { administeredCounties } from "@/lib/kiosk";
import { canAdminister, type Caller } from "@/lib/permissions";

export type RequiredIndicatorOption = { code: string; name: string; unit: string };
export type CountyRequired = { code: string; name: string; required: string[] };

const NOT_ALLOWED = "只有管理员可以设置必填指标";
const MISSING_NAME = "（已停用的指标）";

/** The town form's indicators, in form order, as the checklist offers them. */
export async function listRequirableIndicators(): Promise<RequiredIndicatorOption[]> {
  return getPrisma().indicator.findMany({ where: { active: true, onTownForm: true }, select: { code: true, name: true, unit: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
}

/** The counties the admin administers, each with its 必填指标 in form order. */
export async function listRequiredSettings(user: CurrentUser): Promise<{ indicators: RequiredIndicatorOption[]; counties: CountyRequired[] }> {
  if (!canAdminister(user)) throw new ApiError("forbidden", NOT_ALLOWED);
  const [indicators, counties] = await Promise.all([listRequirableIndicators(), administeredCounties(user)]);
  const stored = await getPrisma().region.findMany({ where: { id: { in: counties.map((c) => c.id) } }, select: { id: true, requiredIndicators: true } });
  const byId = new Map(stored.map((r) => [r.id, r.requiredIndicators]));
  const order = new Map(indicators.map((i, n) => [i.code, n]));
  const sorted = (codes: string[]) => [...codes].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  return { indicators, counties: counties.map((c) => ({ code: c.code, name: c.name, required: sorted(byId.get(c.id) ?? []) })) };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");

/**
 * Sets a county's 必填指标 to `codes`. `previous` is the list the form was rendered with: if the stored
 * list is no longer that, another admin changed it and nothing is written (409). An unchanged list
 * writes nothing. Returns whether anything changed.
 */
export async function saveRequiredIndicators(user: Caller, input: { county: string; codes: string[]; previous: string[] }): Promise<{ changed: boolean; names: string[] }> {
  if (!canAdminister(user)) throw new ApiError("forbidden", NOT_ALLOWED);
  const county = (await administeredCounties(user)).find((c) => c.code === input.county);
  if (!county) throw new ApiError("forbidden", "只能设置本人管理范围内的县（市、区）");
  const indicators = await listRequirableIndicators();
  const known = new Map(indicators.map((i) => [i.code, i.name]));
  const unknown = input.codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new ApiError("bad_request", `不能设为必填的指标：${unknown.join("、")}（只能选择乡镇月报中的指标）`);
  const codes = indicators.map((i) => i.code).filter((c) => input.codes.includes(c));
  const names = (list: readonly string[]) => list.map((c) => known.get(c) ?? `${c}${MISSING_NAME}`);
  return getPrisma().$transaction(async (tx) => {
    const stored = await tx.region.findUniqueOrThrow({ where: { id: county.id }, select: { requiredIndicators: true } });
    if (!sameSet(stored.requiredIndicators, input.previous)) {
      throw new ApiError("conflict", `其他管理员已修改${county.name}的必填指标（现为：${names(stored.requiredIndicators).join("、") || "无"}），请刷新页面后再设置`);
    }
    if (sameSet(stored.requiredIndicators, codes)) return { changed: false, names: names(codes) };
    // Conditional on what was read, so two admins saving at once cannot both win.
    const { count } = await tx.region.updateMany({ where: { id: county.id, requiredIndicators: { equals: stored.requiredIndicators } }, data: { requiredIndicators: codes } });
    if (count === 0) throw new ApiError("conflict", `其他管理员刚刚修改了${county.name}的必填指标，请刷新页面后再设置`);
    await recordAudit(tx, user, [
      { action: "update", entity: "Region", entityId: county.id, regionId: county.id, field: "必填指标", oldValue: names(stored.requiredIndicators).join("、") || "（无）", newValue: names(codes).join("、") || "（无）" },
    ]);
    return { changed: true, names: names(codes) };
  });
}
