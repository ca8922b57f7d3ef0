import "server-only";
// The period dashboards, the wall, the bulletin and the read API show when none is asked for: the
// latest closed month (China time) in which most towns' reports are counted — approved, or
// submitted as well when the viewer asks for that. One early report must not move everyone to a
// month that is barely reported; a newer month is still one pick away in the period picker.
// A city counts its reporting units the same way: the towns of its counties with town detail and
// the counties without (their county-level reports), each by its own county's approvedOnly rule,
// against the city's own share setting (docs/decisions/016-city-and-peer-counties.md).
import { getPrisma } from "@/lib/db/client";
import { chinaMonth, type Period } from "@/lib/stats";
import { APPROVED_ONLY, type Counting } from "./periods";

/** Per period (newest first): how many towns have a counted report, of how many towns. */
export type PeriodCoverage = { year: number; month: number; counted: number; towns: number };

/**
 * The newest period whose counted share reaches `sharePercent`; when none does, the newest period
 * with any counted report (a new county with only a few months still sees its data).
 */
export function pickDefaultPeriod(rows: PeriodCoverage[], sharePercent: number): Period | null {
  const enough = rows.find((r) => r.towns > 0 && r.counted * 100 >= sharePercent * r.towns);
  const chosen = enough ?? rows[0];
  return chosen ? { year: chosen.year, month: chosen.month } : null;
}

/** The share setting that applies to a region: a town's county's, else the region's own (a county's, a city's). */
async function shareOf(regionId: number): Promise<number | null> {
  const region = await getPrisma().region.findUnique({
    where: { id: regionId },
    select: { level: true, defaultPeriodShare: true, parent: { select: { defaultPeriodShare: true } } },
  });
  if (!region) return null;
  return region.level === "TOWN" && region.parent ? region.parent.defaultPeriodShare : region.defaultPeriodShare;
}

/**
 * Closed months (before the current China month) with counted reports below the region, newest
 * first. The units that report are the towns, and the counties without towns (their own county-level
 * report); each unit's report counts by its own county's approvedOnly rule (lib/reports/periods).
 */
async function coverage(regionId: number, counting: Counting, now: Date): Promise<PeriodCoverage[]> {
  const current = chinaMonth(now);
  const rows = await getPrisma().$queryRaw<{ year: number; month: number; counted: number; towns: number }[]>`
    WITH RECURSIVE sub(id, level, county) AS (
      SELECT id, level, CASE WHEN level = 'COUNTY' THEN id WHEN level = 'TOWN' THEN "parentId" END FROM "Region" WHERE id = ${regionId}
      UNION ALL SELECT r.id, r.level, CASE WHEN r.level = 'COUNTY' THEN r.id ELSE sub.county END FROM "Region" r JOIN sub ON r."parentId" = sub.id
    ), units AS (
      SELECT s.id, coalesce(c."approvedOnly", false) AS approved_only
      FROM sub s LEFT JOIN "Region" c ON c.id = s.county
      WHERE s.level = 'TOWN' OR (s.level = 'COUNTY' AND NOT EXISTS (SELECT 1 FROM "Region" k WHERE k."parentId" = s.id AND k.level = 'TOWN'))
    )
    SELECT t.year, t.month, count(DISTINCT t."regionId")::int AS counted, (SELECT count(*) FROM units)::int AS towns
    FROM "TownReport" t JOIN units u ON u.id = t."regionId"
    WHERE (t.status = 'APPROVED' OR (${counting.includeSubmitted}::boolean AND NOT u.approved_only AND t.status = 'SUBMITTED'))
      AND t.year * 12 + t.month < ${current.year * 12 + current.month}
    GROUP BY t.year, t.month
    ORDER BY t.year DESC, t.month DESC`;
  return rows.map((r) => ({ year: Number(r.year), month: Number(r.month), counted: Number(r.counted), towns: Number(r.towns) }));
}

/** The default period for a region (see the file comment); null when nothing is counted yet. */
export async function defaultPeriod(regionId: number, counting: Counting = APPROVED_ONLY, now = new Date()): Promise<Period | null> {
  const share = await shareOf(regionId);
  if (share === null) return null;
  return pickDefaultPeriod(await coverage(regionId, counting, now), share);
}
