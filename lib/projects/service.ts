import "server-only";
// Create and edit projects; a stage change is also written to the stage history.
import { recordAudit, type Tx } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { diffEntries } from "@/lib/dashboard/registry";
import { getPrisma } from "@/lib/db/client";
import { CONFLICT_MESSAGE, versioned, type FormState } from "@/lib/enterprises/schema";
import { canEditRegistry } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import Decimal from "decimal.js";
import { z } from "zod";
import { projectSchema } from "./schema";

export async function saveProject(user: CurrentUser, raw: Record<string, unknown>): Promise<FormState> {
  const parsed = projectSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  const key = raw.id ? z.object(versioned).safeParse(raw) : null;
  if (key && !key.success) return { message: "请求无效，请刷新页面后重试" };
  const { townCode, plannedEndOn, ...input } = parsed.data;
  const town = await getRegionByCode(townCode);
  if (!town || town.level !== "TOWN") return { fieldErrors: { townCode: ["请选择所在乡镇"] } };
  if (!(await canEditRegistry(user, town.id))) return { message: "没有权限维护该乡镇的项目" };
  const db = getPrisma();
  if (input.parkId !== null && !(await db.park.findFirst({ where: { id: input.parkId, townId: town.id }, select: { id: true } }))) {
    return { fieldErrors: { parkId: ["所选园区不在该乡镇"] } };
  }
  const data = { ...input, townId: town.id, plannedEndOn: plannedEndOn ? new Date(`${plannedEndOn}T00:00:00Z`) : null };
  const today = new Date(new Date().toISOString().slice(0, 10));
  // Checked before the transaction: with PGlite, queries outside `tx` inside it would wait on it.
  if (key?.success) {
    const existing = await getPrisma().project.findUnique({ where: { id: key.data.id }, select: { townId: true } });
    if (!existing || !(await canEditRegistry(user, existing.townId))) return { message: "未找到该项目，或没有权限修改" };
  }
  return db.$transaction(async (tx: Tx): Promise<FormState> => {
    if (!key?.success) {
      const created = await tx.project.create({ data, select: { id: true } });
      await tx.projectStageChange.create({ data: { projectId: created.id, stage: data.stage, changedOn: today, userId: user.id } });
      await recordAudit(tx, user, [{ action: "create", entity: "project", entityId: created.id, regionId: town.id, newValue: JSON.stringify(data) }]);
      return { id: created.id };
    }
    const { id, version } = key.data;
    const before = await tx.project.findUnique({ where: { id }, select: { name: true, townId: true, parkId: true, sector: true, totalInvestment: true, stage: true, plannedEndOn: true } });
    if (!before) return { message: "未找到该项目" };
    const updated = await tx.project.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) return { message: CONFLICT_MESSAGE };
    if (before.stage !== data.stage) await tx.projectStageChange.create({ data: { projectId: id, stage: data.stage, changedOn: today, userId: user.id } });
    await recordAudit(tx, user, diffEntries("project", id, town.id, { ...before, totalInvestment: before.totalInvestment.toFixed(4) }, { ...data, totalInvestment: new Decimal(data.totalInvestment).toFixed(4) }));
    return { id };
  });
}
