import "server-only";
// Create and edit enterprises: parse, permission first, one transaction with the audit entry,
// optimistic locking on `version`, unique credit code → a field error.
import { recordAudit, type Tx } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { canEditRegistry } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { diffEntries, isUniqueViolation } from "@/lib/dashboard/registry";
import { recordScaleChanges } from "./scale-history";
import { CONFLICT_MESSAGE, enterpriseSchema, enterpriseUpdateSchema, type FormState } from "./schema";

export async function saveEnterprise(user: CurrentUser, raw: Record<string, unknown>): Promise<FormState> {
  const isUpdate = raw.id !== undefined && raw.id !== "";
  const parsed = enterpriseSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  const key = isUpdate ? enterpriseUpdateSchema.pick({ id: true, version: true }).safeParse(raw) : null;
  if (key && !key.success) return { message: "请求无效，请刷新页面后重试" };
  const { townCode, ...input } = parsed.data;
  const town = await getRegionByCode(townCode);
  if (!town || town.level !== "TOWN") return { fieldErrors: { townCode: ["请选择所在乡镇"] } };
  if (!(await canEditRegistry(user, town.id))) return { message: "没有权限维护该乡镇的企业名录" };
  const db = getPrisma();
  if (input.parkId !== null && !(await db.park.findFirst({ where: { id: input.parkId, townId: town.id }, select: { id: true } }))) {
    return { fieldErrors: { parkId: ["所选园区不在该乡镇"] } };
  }
  const data = { name: input.name, creditCode: input.creditCode, townId: town.id, parkId: input.parkId, industryCode: input.industryCode, ownership: input.ownership, aboveScale: input.aboveScale };
  // Checked before the transaction: with PGlite, queries outside `tx` inside it would wait on it.
  if (key?.success) {
    const existing = await getPrisma().enterprise.findUnique({ where: { id: key.data.id }, select: { townId: true } });
    if (!existing || !(await canEditRegistry(user, existing.townId))) return { message: "未找到该企业，或没有权限修改" };
  }
  try {
    return await db.$transaction(async (tx: Tx): Promise<FormState> => {
      if (!key?.success) {
        const created = await tx.enterprise.create({ data, select: { id: true } });
        if (data.aboveScale) await recordScaleChanges(tx, [{ enterpriseId: created.id, aboveScale: true }], "名录维护");
        await recordAudit(tx, user, [{ action: "create", entity: "enterprise", entityId: created.id, regionId: town.id, newValue: JSON.stringify(data) }]);
        return { id: created.id };
      }
      const { id, version } = key.data;
      const before = await tx.enterprise.findUnique({ where: { id }, select: { name: true, creditCode: true, townId: true, parkId: true, industryCode: true, ownership: true, aboveScale: true } });
      if (!before) return { message: "未找到该企业" };
      const updated = await tx.enterprise.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) return { message: CONFLICT_MESSAGE };
      if (before.aboveScale !== data.aboveScale) await recordScaleChanges(tx, [{ enterpriseId: id, aboveScale: data.aboveScale }], "名录维护");
      await recordAudit(tx, user, diffEntries("enterprise", id, town.id, before, data));
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { fieldErrors: { creditCode: ["该统一社会信用代码已存在"] } };
    throw error;
  }
}

