import "server-only";
// Create and edit parks: parse, permission first, transaction with audit, optimistic lock on version.
import { recordAudit, type Tx } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { diffEntries } from "@/lib/dashboard/registry";
import { getPrisma } from "@/lib/db/client";
import { CONFLICT_MESSAGE, versioned, type FormState } from "@/lib/enterprises/schema";
import { canEditRegistry } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import Decimal from "decimal.js";
import { z } from "zod";
import { parkSchema } from "./schema";

export async function savePark(user: CurrentUser, raw: Record<string, unknown>): Promise<FormState> {
  const parsed = parkSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  const key = raw.id ? z.object(versioned).safeParse(raw) : null;
  if (key && !key.success) return { message: "请求无效，请刷新页面后重试" };
  const { townCode, ...input } = parsed.data;
  const town = await getRegionByCode(townCode);
  if (!town || town.level !== "TOWN") return { fieldErrors: { townCode: ["请选择所在乡镇"] } };
  if (!(await canEditRegistry(user, town.id))) return { message: "没有权限维护该乡镇的园区" };
  const data = { ...input, townId: town.id };
  // Checked before the transaction: with PGlite, queries outside `tx` inside it would wait on it.
  if (key?.success) {
    const existing = await getPrisma().park.findUnique({ where: { id: key.data.id }, select: { townId: true } });
    if (!existing || !(await canEditRegistry(user, existing.townId))) return { message: "未找到该园区，或没有权限修改" };
  }
  return getPrisma().$transaction(async (tx: Tx): Promise<FormState> => {
    if (!key?.success) {
      const created = await tx.park.create({ data, select: { id: true } });
      await recordAudit(tx, user, [{ action: "create", entity: "park", entityId: created.id, regionId: town.id, newValue: JSON.stringify(data) }]);
      return { id: created.id };
    }
    const { id, version } = key.data;
    const before = await tx.park.findUnique({ where: { id }, select: { name: true, level: true, townId: true, plannedArea: true, leadingIndustries: true } });
    if (!before) return { message: "未找到该园区" };
    const updated = await tx.park.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) return { message: CONFLICT_MESSAGE };
    await recordAudit(tx, user, diffEntries("park", id, town.id, { ...before, plannedArea: before.plannedArea.toFixed(2) }, { ...data, plannedArea: new Decimal(data.plannedArea).toFixed(2) }));
    return { id };
  });
}
