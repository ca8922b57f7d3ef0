// The plain-SQL floor of the county workbook's import: what the database has to do whatever the app
// does — the same 504 town reports, 10,080 figures and one audit row per report and per figure,
// written by three bulk statements in one transaction, with nothing read, parsed, checked or
// compared first. The import's time over this is the app's share. Measured on the rows the import
// itself wrote (read back, deleted untimed, written again timed), so both write the same data.
import type { Db } from "@/lib/db/client";
import { numberArray, textArray } from "@/lib/import/bulk";

type Row = { regionId: number; year: number; month: number; indicatorId: number; value: string };

export async function importFloorSeconds(db: Db, years: number[], actorId: number): Promise<number> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT tr."regionId", tr.year, tr.month, rv."indicatorId", rv.value::text AS value
       FROM "ReportValue" rv JOIN "TownReport" tr ON tr.id = rv."reportId"
      WHERE tr.year = ANY($1::int[]) ORDER BY tr."regionId", tr.year, tr.month, rv."indicatorId"`,
    numberArray(years),
  );
  const reports = [...new Map(rows.map((r) => [`${r.regionId}|${r.year}|${r.month}`, r])).values()];
  await db.townReport.deleteMany({ where: { year: { in: years } } });
  const started = performance.now();
  await db.$transaction(async (tx) => {
    const created = await tx.$queryRawUnsafe<{ id: number; regionId: number; year: number; month: number }[]>(
      `INSERT INTO "TownReport" ("regionId", year, month, status, "submittedAt", "submittedById", "updatedById", "updatedAt")
       SELECT k.r, k.y, k.m, 'SUBMITTED'::"ReportStatus", now(), $4::int, $4::int, now() FROM unnest($1::int[], $2::int[], $3::int[]) AS k(r, y, m)
       RETURNING id, "regionId", year, month`,
      numberArray(reports.map((r) => r.regionId)), numberArray(reports.map((r) => r.year)), numberArray(reports.map((r) => r.month)), actorId,
    );
    const ids = new Map(created.map((c) => [`${c.regionId}|${c.year}|${c.month}`, c.id]));
    const reportOf = rows.map((r) => ids.get(`${r.regionId}|${r.year}|${r.month}`)!);
    await tx.$executeRawUnsafe(
      `INSERT INTO "ReportValue" ("reportId", "indicatorId", "regionId", year, month, value)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::numeric[])`,
      numberArray(reportOf), numberArray(rows.map((r) => r.indicatorId)), numberArray(rows.map((r) => r.regionId)), numberArray(rows.map((r) => r.year)), numberArray(rows.map((r) => r.month)), numberArray(rows.map((r) => r.value)),
    );
    const audit = [...created.map((c) => ({ id: c.id, regionId: c.regionId, year: c.year, month: c.month, field: "状态", value: "已报送" })), ...rows.map((r, i) => ({ id: reportOf[i], regionId: r.regionId, year: r.year, month: r.month, field: String(r.indicatorId), value: r.value }))];
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("userId", actor, action, entity, "entityId", "regionId", year, month, field, "newValue", reason)
       SELECT $1::int, 'bench', 'import', 'TownReport', * , 'bench floor' FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[])`,
      actorId, textArray(audit.map((a) => String(a.id))), numberArray(audit.map((a) => a.regionId)), numberArray(audit.map((a) => a.year)), numberArray(audit.map((a) => a.month)), textArray(audit.map((a) => a.field)), textArray(audit.map((a) => a.value)),
    );
  }, { timeout: 120_000, maxWait: 60_000 });
  return (performance.now() - started) / 1000;
}

/** The p-th percentile (0–100) of a list, by nearest rank; NaN for none. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
