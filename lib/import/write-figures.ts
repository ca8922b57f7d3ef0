import "server-only";
// Writes town monthly figures and annual plans. New reports made by a reviewer's import are
// 已报送 (the bureau loads figures it has received); a reporter's import makes a draft to submit.
import { ApiError } from "@/lib/api/errors";
import type { PlanWrite, TownWrite } from "./plan-figures";
import type { WriteContext } from "./write-context";

export async function writeTownValues(ctx: WriteContext, writes: TownWrite[]) {
  const { tx, actor } = ctx;
  for (const w of writes) {
    const { townId: regionId, year, month } = w.record;
    const where = { regionId, year, month };
    let reportId = w.report?.id ?? null;
    if (reportId === null) {
      const submitted = actor.role === "REVIEWER";
      const created = await tx.townReport.create({
        data: { ...where, status: submitted ? "SUBMITTED" : "DRAFT", submittedAt: submitted ? new Date() : null, submittedById: submitted ? actor.id : null, updatedById: actor.id },
        select: { id: true },
      });
      reportId = created.id;
      ctx.audit.push({ action: "import", entity: "TownReport", entityId: reportId, ...where, field: "状态", newValue: submitted ? "已报送" : "草稿" });
    } else {
      const bumped = await tx.townReport.updateMany({ where: { id: reportId, version: w.report!.version }, data: { version: { increment: 1 }, updatedById: actor.id } });
      if (bumped.count === 0) throw new ApiError("conflict", `${w.record.townName}的月报在导入期间被他人修改，请重新上传预览`);
    }
    for (const s of w.set) {
      const indicatorId = ctx.indicatorId(s.code);
      await tx.reportValue.upsert({
        where: { reportId_indicatorId: { reportId, indicatorId } },
        create: { reportId, indicatorId, ...where, value: s.value },
        update: { value: s.value },
      });
      ctx.audit.push({ action: "import", entity: "TownReport", entityId: reportId, ...where, field: ctx.indicatorName(s.code), oldValue: s.old, newValue: s.value });
    }
    await ctx.rowsWritten(1);
  }
}

export async function writePlans(ctx: WriteContext, writes: PlanWrite[]) {
  for (const w of writes) {
    const { regionId, year } = w.record;
    for (const s of w.set) {
      const indicatorId = ctx.indicatorId(s.code);
      const row = await ctx.tx.annualPlan.upsert({
        where: { regionId_indicatorId_year: { regionId, indicatorId, year } },
        create: { regionId, indicatorId, year, value: s.value },
        update: { value: s.value },
        select: { id: true },
      });
      ctx.audit.push({ action: "import", entity: "AnnualPlan", entityId: row.id, regionId, year, field: ctx.indicatorName(s.code), oldValue: s.old, newValue: s.value });
    }
    await ctx.rowsWritten(1);
  }
}
