"use server";
// Creating and revoking wall links. Public endpoints: each checks the admin first, parses its
// input with zod, and writes the change and its audit entry in one transaction.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { newToken } from "@/lib/api/tokens";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { safeText } from "@/lib/input/text";
import { canAdminister } from "@/lib/permissions";
import { administeredCounties, KIOSK_TOKEN_PREFIX } from "./index";

export type CreateKioskState = {
  fieldErrors?: Partial<Record<"label" | "county" | "expiresOn", string>>;
  message?: string;
  /** The new link, shown once: only its hash is stored. */
  link?: { path: string; label: string; county: string };
};
export type RevokeKioskState = { ok?: boolean; message?: string };

const NOT_ALLOWED = "没有权限管理大屏链接";

const createSchema = z.object({
  label: safeText().trim().min(1, "请填写链接名称，例如“三楼会议室大屏”").max(60, "名称不超过60个字"),
  county: z.string().regex(/^\d{12}$/, "请选择县（市、区）"),
  expiresOn: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "到期日期格式应为 YYYY-MM-DD")
    .transform((s) => (s === "" ? null : s)),
});

/** A link given an expiry date works through the end of that day, China time. */
function endOfChinaDay(date: string): Date | null {
  const d = new Date(`${date}T23:59:59.999+08:00`);
  // "2024-02-30" must not roll over into March.
  const chinaDate = Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return chinaDate === date ? d : null;
}

export async function createKioskLink(_prev: CreateKioskState, form: FormData): Promise<CreateKioskState> {
  const user = await getCurrentUser();
  if (!user || !canAdminister(user)) return { message: NOT_ALLOWED };
  const parsed = createSchema.safeParse({ label: form.get("label") ?? "", county: form.get("county") ?? "", expiresOn: form.get("expiresOn") ?? "" });
  if (!parsed.success) {
    const fieldErrors: CreateKioskState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as keyof typeof fieldErrors] ??= issue.message;
    return { fieldErrors };
  }
  const { label, county: code, expiresOn } = parsed.data;
  const county = (await administeredCounties(user)).find((c) => c.code === code);
  if (!county) return { fieldErrors: { county: "只能为本人管理范围内的县（市、区）创建大屏链接" } };
  const expiresAt = expiresOn ? endOfChinaDay(expiresOn) : null;
  if (expiresOn && !expiresAt) return { fieldErrors: { expiresOn: "到期日期不是有效日期" } };
  if (expiresAt && expiresAt <= new Date()) return { fieldErrors: { expiresOn: "到期日期不能早于今天" } };

  const { token, hash } = newToken(KIOSK_TOKEN_PREFIX);
  await getPrisma().$transaction(async (tx) => {
    const link = await tx.kioskLink.create({ data: { tokenHash: hash, label, regionId: county.id, createdById: user.id, expiresAt }, select: { id: true } });
    await recordAudit(tx, user, [
      { action: "create", entity: "KioskLink", entityId: link.id, regionId: county.id, newValue: `${label}（${expiresOn ? `${expiresOn}到期` : "长期有效"}）` },
    ]);
  });
  revalidatePath("/admin/kiosk");
  return { link: { path: `/wall?k=${token}`, label, county: county.name } };
}

const revokeSchema = z.object({ id: z.coerce.number().int().positive() });

export async function revokeKioskLink(_prev: RevokeKioskState, form: FormData): Promise<RevokeKioskState> {
  const user = await getCurrentUser();
  if (!user || !canAdminister(user)) return { message: NOT_ALLOWED };
  const parsed = revokeSchema.safeParse({ id: form.get("id") });
  if (!parsed.success) return { message: "链接不存在" };
  const countyIds = (await administeredCounties(user)).map((c) => c.id);
  const outcome = await getPrisma().$transaction(async (tx) => {
    const link = await tx.kioskLink.findFirst({ where: { id: parsed.data.id, regionId: { in: countyIds } }, select: { id: true, label: true, regionId: true } });
    if (!link) return "链接不存在";
    // Only an unrevoked link changes: a second click (or a second admin) is told, not re-audited.
    const { count } = await tx.kioskLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return "该链接已撤销";
    await recordAudit(tx, user, [{ action: "revoke", entity: "KioskLink", entityId: link.id, regionId: link.regionId, oldValue: link.label }]);
    return null;
  });
  if (outcome) return { message: outcome };
  revalidatePath("/admin/kiosk");
  return { ok: true, message: "已撤销，使用该链接的大屏将在下次刷新时停止显示" };
}
