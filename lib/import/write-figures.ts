import "server-only";
// Writes town monthly figures and annual plans. New reports made by a reviewer's import are
// 已报送 (the bureau loads figures it has received); a reporter's import makes a draft to submit;
// a reviewer's history import (decision 017) makes them 已审核.
import { ApiError } from "@/lib/api/errors";
import type { YearPlanWrite } from "./history-plans";
import type { PlanWrite, TownWrite } from "./plan-figures";
import type { AuditEntry } from "@/lib/audit";
import { booleanArray, numberArray, textArray } from "./bulk";
import { HISTORY_LABEL, historyReason, PLAIN_IMPORT, reopenReason, STATUS_WORDS, type ImportMode } from "./history";
import { BATCH, type WriteContext } from "./write-context";

const key = (r: { townId: number; year: number; month: number }) => `${r.townId}|${r.year}|${r.month}`;
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * In bulk: one INSERT for the new reports, one UPDATE bumping the versions of the existing ones (a
 * report changed since the plan refuses the whole import), one upsert of the figures per batch. A
 * county's 36-month workbook writes ≈10k figures: one statement each took minutes on a busy server.
 * A history import (lib/import/history.ts) makes its reports 已审核 by the importer in the same
 * statements and keeps its checks' warnings as the figures' 说明.
 */
export async function writeTownValues(ctx: WriteContext, writes: TownWrite[], mode: ImportMode = PLAIN_IMPORT, plans: YearPlanWrite[] = []) {
  const { tx, actor } = ctx;
  // The bureau loads figures it has received: a county's reviewer its towns', the city's reviewer the city's table of counties.
  const submitted = actor.role === "REVIEWER" || actor.role === "CITY_REVIEWER";
  const history = mode.history;
  const newStatus = history ? "APPROVED" : submitted ? "SUBMITTED" : "DRAFT";
  const ids = new Map<string, number>();
  const why = history ? historyReason(ctx.jobId) : null;
  for (let i = 0; i < writes.length; i += BATCH) {
    const chunk = writes.slice(i, i + BATCH);
    const fresh = chunk.filter((w) => !w.report).map((w) => w.record);
    if (fresh.length > 0) {
      const stamped = history || submitted;
      const created = await tx.$queryRawUnsafe<{ id: number; regionId: number; year: number; month: number }[]>(
        `INSERT INTO "TownReport" ("regionId", year, month, status, "submittedAt", "submittedById", "reviewedAt", "reviewerId", "reviewerComment", "updatedById", "updatedAt")
         SELECT k.r, k.y, k.m, '${newStatus}'::"ReportStatus", ${stamped ? UTC_NOW : "NULL"}, ${stamped ? "$4::int" : "NULL::int"},
                ${history ? UTC_NOW : "NULL"}, ${history ? "$4::int" : "NULL::int"}, ${history ? "$5::text" : "NULL::text"}, $4::int, ${UTC_NOW}
           FROM unnest($1::int[], $2::int[], $3::int[]) AS k(r, y, m)
         RETURNING id, "regionId", year, month`,
        numberArray(fresh.map((r) => r.townId)), numberArray(fresh.map((r) => r.year)), numberArray(fresh.map((r) => r.month)), actor.id, ...(history ? [HISTORY_LABEL] : []),
      );
      for (const c of created) {
        ids.set(`${c.regionId}|${c.year}|${c.month}`, c.id);
        ctx.audit.push({ action: "import", entity: "TownReport", entityId: c.id, regionId: c.regionId, year: c.year, month: c.month, field: "状态", newValue: STATUS_WORDS[newStatus], reason: why });
      }
    }
    const existing = chunk.filter((w) => w.report);
    if (existing.length > 0) {
      const bumped = await tx.$executeRawUnsafe(
        `UPDATE "TownReport" t SET version = t.version + 1, "updatedById" = $3::int, "updatedAt" = ${UTC_NOW},
                status = CASE WHEN k.a THEN 'APPROVED'::"ReportStatus" ELSE t.status END,
                "submittedAt" = CASE WHEN k.a THEN COALESCE(t."submittedAt", ${UTC_NOW}) ELSE t."submittedAt" END,
                "submittedById" = CASE WHEN k.a THEN COALESCE(t."submittedById", $3::int) ELSE t."submittedById" END,
                "reviewedAt" = CASE WHEN k.a THEN ${UTC_NOW} ELSE t."reviewedAt" END,
                "reviewerId" = CASE WHEN k.a THEN $3::int ELSE t."reviewerId" END,
                "reviewerComment" = CASE WHEN k.a THEN $4::text ELSE t."reviewerComment" END
           FROM unnest($1::int[], $2::int[], $5::boolean[]) AS k(id, v, a) WHERE t.id = k.id AND t.version = k.v`,
        numberArray(existing.map((w) => w.report!.id)), numberArray(existing.map((w) => w.report!.version)), actor.id, HISTORY_LABEL, booleanArray(existing.map((w) => !!w.approve)),
      );
      if (bumped !== existing.length) throw new ApiError("conflict", "有乡镇的月报在导入期间被他人修改，请重新上传预览");
      for (const w of existing) {
        const { townId: regionId, year, month } = w.record;
        const entityId = w.report!.id;
        ids.set(key(w.record), entityId);
        if (w.reopen) ctx.audit.push({ action: "reopen", entity: "TownReport", entityId, regionId, year, month, field: "状态", oldValue: STATUS_WORDS.APPROVED, newValue: "重新打开（导入覆盖）", reason: reopenReason(ctx.jobId, mode.reopen?.reason ?? "") });
        if (w.approve) ctx.audit.push({ action: "import", entity: "TownReport", entityId, regionId, year, month, field: "状态", oldValue: w.reopen ? "重新打开（导入覆盖）" : STATUS_WORDS[w.report!.status], newValue: STATUS_WORDS.APPROVED, reason: why });
      }
    }
    const cols: { report: number[]; indicator: number[]; region: number[]; year: number[]; month: number[]; value: string[] } = { report: [], indicator: [], region: [], year: [], month: [], value: [] };
    const notes: { report: number[]; indicator: number[]; text: string[]; entry: AuditEntry[] } = { report: [], indicator: [], text: [], entry: [] };
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
        ctx.audit.push({ action: "import", entity: "TownReport", entityId: reportId, regionId, year, month, field: ctx.indicatorName(s.code), oldValue: s.old, newValue: s.value, reason: why });
      }
      for (const n of w.notes ?? []) {
        notes.report.push(reportId);
        notes.indicator.push(ctx.indicatorId(n.code));
        notes.text.push(n.text);
        notes.entry.push({ action: "import", entity: "TownReport", entityId: reportId, regionId, year, month, field: `${ctx.indicatorName(n.code)}（说明）`, newValue: n.text, reason: why });
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
    if (notes.report.length > 0) {
      // The warnings become the figures' 说明 where none was written: an explanation a town gave stays.
      const noted = await tx.$queryRawUnsafe<{ r: number; i: number }[]>(
        `UPDATE "ReportValue" v SET explanation = k.t FROM unnest($1::int[], $2::int[], $3::text[]) AS k(r, i, t)
          WHERE v."reportId" = k.r AND v."indicatorId" = k.i AND (v.explanation IS NULL OR btrim(v.explanation) = '')
          RETURNING k.r AS r, k.i AS i`,
        numberArray(notes.report), numberArray(notes.indicator), textArray(notes.text),
      );
      const done = new Set(noted.map((n) => `${n.r}|${n.i}`));
      notes.entry.forEach((e, j) => { if (done.has(`${notes.report[j]}|${notes.indicator[j]}`)) ctx.audit.push(e); });
    }
    await ctx.rowsWritten(chunk.length);
  }
  if (plans.length > 0) await writeYearPlans(ctx, plans, why);
}

/** The 年计划 of a history import's sheets (lib/import/history-plans.ts), as the towns' annual plans: one upsert. */
async function writeYearPlans(ctx: WriteContext, plans: YearPlanWrite[], why: string | null) {
  const rows = plans.flatMap((p) => p.set.map((s) => ({ regionId: p.regionId, year: p.year, ...s, indicatorId: ctx.indicatorId(s.code) })));
  const written = await ctx.tx.$queryRawUnsafe<{ id: number; regionId: number; indicatorId: number; year: number }[]>(
    `INSERT INTO "AnnualPlan" ("regionId", "indicatorId", year, value)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::numeric[])
     ON CONFLICT ("regionId", "indicatorId", year) DO UPDATE SET value = EXCLUDED.value
     RETURNING id, "regionId", "indicatorId", year`,
    numberArray(rows.map((r) => r.regionId)), numberArray(rows.map((r) => r.indicatorId)), numberArray(rows.map((r) => r.year)), numberArray(rows.map((r) => r.value)),
  );
  const ids = new Map(written.map((w) => [`${w.regionId}|${w.indicatorId}|${w.year}`, w.id]));
  for (const r of rows) {
    ctx.audit.push({ action: "import", entity: "AnnualPlan", entityId: ids.get(`${r.regionId}|${r.indicatorId}|${r.year}`) ?? 0, regionId: r.regionId, year: r.year, field: ctx.indicatorName(r.code), oldValue: r.old, newValue: r.value, reason: why });
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
