import "server-only";
// Writes town monthly figures and annual plans. New reports made by a reviewer's import are
// 已报送 (the bureau loads figures it has received); a reporter's import makes a draft to submit.
import { ApiError } from "@/lib/api/errors";
import type { PlanWrite, TownWrite } from "./plan-figures";
import { numberArray } from "./bulk";
import { BATCH, type WriteContext } from "./write-context";

const key = (r: { townId: number; year: number; month: number }) => `${r.townId}|${r.year}|${r.month}`;
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * In bulk: one INSERT for the new reports, one UPDATE bumping the versions of the existing ones (a
 * report changed since the plan refuses the whole import), one upsert of the figures per batch. A
 * county's 36-month workbook writes ≈10k figures: one statement each took minutes on a busy server.
 */
export async function writeTownValues(ctx: WriteContext, writes: TownWrite[]) {
  const { tx, actor } = ctx;
  const submitted = actor.role === "REVIEWER";
  const ids = new Map<string, number>();
  for (let i = 0; i < writes.length; i += BATCH) {
    const chunk = writes.slice(i, i + BATCH);
    const fresh = chunk.filter((w) => !w.report).map((w) => w.record);
    if (fresh.length > 0) {
      const created = await tx.$queryRawUnsafe<{ id: number; regionId: number; year: number; month: number }[]>(
        `INSERT INTO "TownReport" ("regionId", year, month, status, "submittedAt", "submittedById", "updatedById", "updatedAt")
         SELECT k.r, k.y, k.m, '${submitted ? "SUBMITTED" : "DRAFT"}'::"ReportStatus", ${submitted ? UTC_NOW : "NULL"}, ${submitted ? "$4::int" : "NULL::int"}, $4::int, ${UTC_NOW}
           FROM unnest($1::int[], $2::int[], $3::int[]) AS k(r, y, m)
         RETURNING id, "regionId", year, month`,
        numberArray(fresh.map((r) => r.townId)), numberArray(fresh.map((r) => r.year)), numberArray(fresh.map((r) => r.month)), actor.id,
      );
      for (const c of created) {
        ids.set(`${c.regionId}|${c.year}|${c.month}`, c.id);
        ctx.audit.push({ action: "import", entity: "TownReport", entityId: c.id, regionId: c.regionId, year: c.year, month: c.month, field: "状态", newValue: submitted ? "已报送" : "草稿" });
      }
    }
    const existing = chunk.filter((w) => w.report);
    if (existing.length > 0) {
      const bumped = await tx.$executeRawUnsafe(
        `UPDATE "TownReport" t SET version = t.version + 1, "updatedById" = $3::int, "updatedAt" = ${UTC_NOW}
           FROM unnest($1::int[], $2::int[]) AS k(id, v) WHERE t.id = k.id AND t.version = k.v`,
        numberArray(existing.map((w) => w.report!.id)), numberArray(existing.map((w) => w.report!.version)), actor.id,
      );
      if (bumped !== existing.length) throw new ApiError("conflict", "有乡镇的月报在导入期间被他人修改，请重新上传预览");
      for (const w of existing) ids.set(key(w.record), w.report!.id);
    }
    const cols: { report: number[]; indicator: number[]; region: number[]; year: number[]; month: number[]; value: string[] } = { report: [], indicator: [], region: [], year: [], month: [], value: [] };
    for (const w of chunk) {
      const { townId: regionId, year, month } = w.record;
      const reportId = ids.get(key(w.record));
      if (reportId === undefined) throw new Error(`import: no report for ${key(w.record)}`);
      for (const s of w.set) {
        cols.report.push(reportId);
        cols.indicator.push(ctx.indicatorId(s.code));
        cols.region.push(regionId);
        cols.year.push(year);
        cols.month.push(month);
        cols.value.push(s.value);
        ctx.audit.push({ action: "import", entity: "TownReport", entityId: reportId, regionId, year, month, field: ctx.indicatorName(s.code), oldValue: s.old, newValue: s.value });
      }
    }
    if (cols.report.length > 0) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "ReportValue" ("reportId", "indicatorId", "regionId", year, month, value)
         SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::numeric[])
         ON CONFLICT ("reportId", "indicatorId") DO UPDATE SET value = EXCLUDED.value`,
        numberArray(cols.report), numberArray(cols.indicator), numberArray(cols.region), numberArray(cols.year), numberArray(cols.month), numberArray(cols.value),
      );
    }
    await ctx.rowsWritten(chunk.length);
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
