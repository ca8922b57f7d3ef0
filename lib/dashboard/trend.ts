import "server-only";
import { getPrisma } from "@/lib/db/client";
import { getSeries } from "@/lib/overview/series";
import type { RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, type Counting } from "@/lib/reports/periods";
import type { Period } from "@/lib/stats";
import { chartUnit, trendRows } from "./chart-rows";
import { getLikeForLikeSeries, type PartialMonth } from "./like-for-like";

/**
 * This year's months to the period beside last year's, for one indicator (by code). Above a town,
 * like for like: while towns are still reporting the period, both lines follow those that have.
 */
export async function getTrend(region: RegionRef, period: Period, code: string, counting: Counting = APPROVED_ONLY) {
  const indicator = await getPrisma().indicator.findUnique({ where: { code }, select: { id: true, code: true, name: true, unit: true, kind: true, precision: true } });
  if (!indicator) return null;
  const unit = chartUnit(indicator);
  const { points, partial } =
    region.level === "TOWN"
      ? { points: await getSeries(region, indicator, { year: period.year, month: 1 }, period, counting), partial: null as PartialMonth | null }
      : await getLikeForLikeSeries(region, indicator, period, counting);
  const childLabel = region.level === "CITY" ? "个县（市、区）" : "个乡镇";
  return { indicator: { code: indicator.code, name: indicator.name, kind: indicator.kind }, unit, rows: trendRows(points, unit), partial: partial && { ...partial, childLabel } };
}
