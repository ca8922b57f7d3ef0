import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { formatPeriod } from "@/lib/stats";

export type PeriodKey = { year: number; month: number };

/** Why nothing can be entered for a period that has not begun (report form, entry grids). */
export const futurePeriodMessage = (p: PeriodKey) => `${formatPeriod(p.year, p.month)}尚未到来，不能填报该期数据`;

/**
 * Whose figures dashboards count. By default approved reports only; a viewer may ask to include
 * submitted (not yet reviewed) ones as well (`?include=submitted`), unless the county counts
 * approved reports only (its approvedOnly setting).
 */
export type Counting = { includeSubmitted: boolean };
export const APPROVED_ONLY: Counting = { includeSubmitted: false };

/** The `include` query parameter: "submitted" asks for submitted reports as well. */
export function countingFrom(include: string | string[] | null | undefined): Counting {
  return { includeSubmitted: include === "submitted" };
}

/** What a page says about its figures, and the toggle's other choice. */
export const COUNTING_LABELS = { approved: "仅统计已审核数据", submitted: "含已报送未审核数据" } as const;

/** The report statuses counted for a county's figures under `counting`. */
export async function countedStatuses(countyId: number, counting: Counting = APPROVED_ONLY): Promise<ReportStatus[]> {
  if (!counting.includeSubmitted) return ["APPROVED"];
  const county = await getPrisma().region.findUnique({ where: { id: countyId }, select: { approvedOnly: true } });
  return county?.approvedOnly ? ["APPROVED"] : ["SUBMITTED", "APPROVED"];
}

/** Periods that have counted reports somewhere below the region, newest first. */
export async function listReportedPeriods(regionId: number): Promise<PeriodKey[]> {
  const rows = await getPrisma().$queryRaw<PeriodKey[]>`
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM "Region" WHERE id = ${regionId}
      UNION ALL SELECT r.id FROM "Region" r JOIN sub ON r."parentId" = sub.id
    )
    SELECT DISTINCT t.year, t.month FROM "TownReport" t
    WHERE t."regionId" IN (SELECT id FROM sub) AND t.status IN ('SUBMITTED', 'APPROVED')
    ORDER BY t.year DESC, t.month DESC`;
  return rows.map((r) => ({ year: Number(r.year), month: Number(r.month) }));
}
