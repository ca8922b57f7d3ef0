import "server-only";
// The period dashboards, the wall, the bulletin and the read API show when none is asked for: the
// latest closed month (China time) in which most towns' reports are counted — approved, or
// submitted as well when the viewer asks for that. One early report must not move everyone to a
// month that is barely reported; a newer month is still one pick away in the period picker.
import { getPrisma } from "@/lib/db/client";
import { chinaMonth, type Period } from "@/lib/stats";
import { APPROVED_ONLY, countedStatuses, type Counting } from "./periods";
import { statusList } from "@/lib/overview/query";

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

/** The county whose settings apply to a region: a town's county, else the region itself. */
async function settingsOf(regionId: number) {
  const region = await getPrisma().region.findUnique({
    where: { id: regionId },
    select: { id: true, level: true, parentId: true, defaultPeriodShare: true },
  });
  if (!region) return null;
  if (region.level !== "TOWN" || !region.parentId) return { countyId: region.id, share: region.defaultPeriodShare };
  const county = await getPrisma().region.findUnique({ where: { id: region.parentId }, select: { defaultPeriodShare: true } });
  return { countyId: region.parentId, share: county?.defaultPeriodShare ?? 80 };
}

/** Closed months (before the current China month) with counted reports below the region, newest first. */
async function coverage(regionId: number, statuses: string[], now: Date): Promise<PeriodCoverage[]> {
  const current = chinaMonth(now);
  const rows = await getPrisma().$queryRaw<{ year: number; month: number; counted: number; towns: number }[]>`
    WITH RECURSIVE sub(id, level) AS (
      SELECT id, level FROM "Region" WHERE id = ${regionId}
      UNION ALL SELECT r.id, r.level FROM "Region" r JOIN sub ON r."parentId" = sub.id
    ), towns AS (SELECT id FROM sub WHERE level = 'TOWN')
    SELECT t.year, t.month, count(DISTINCT t."regionId")::int AS counted, (SELECT count(*) FROM towns)::int AS towns
    FROM "TownReport" t
    WHERE t."regionId" IN (SELECT id FROM towns) AND t.status IN (${statusList(statuses)})
      AND t.year * 12 + t.month < ${current.year * 12 + current.month}
    GROUP BY t.year, t.month
    ORDER BY t.year DESC, t.month DESC`;
  return rows.map((r) => ({ year: Number(r.year), month: Number(r.month), counted: Number(r.counted), towns: Number(r.towns) }));
}

/** The default period for a region (see the file comment); null when nothing is counted yet. */
export async function defaultPeriod(regionId: number, counting: Counting = APPROVED_ONLY, now = new Date()): Promise<Period | null> {
  const settings = await settingsOf(regionId);
  if (!settings) return null;
  const statuses = await countedStatuses(settings.countyId, counting);
  return pickDefaultPeriod(await coverage(regionId, statuses, now), settings.share);
}
