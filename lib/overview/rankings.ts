import "server-only";
import type { RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, type Counting } from "@/lib/reports/periods";
import { formatPeriodKey, type Period } from "@/lib/stats";
import { getRegionOverview, type OverviewIndicator } from "./query";

/** Children of a region ranked by total (总量) or by growth (增幅); regions without a value come last, unranked. */
export async function getRanking(region: RegionRef, period: Period, indicator: OverviewIndicator, by: "total" | "growth", counting: Counting = APPROVED_ONLY) {
  const overview = await getRegionOverview(region, period.year, period.month, [indicator.code], counting);
  const items = overview.children.map((c) => {
    const cell = c.values[indicator.code];
    return {
      rank: by === "total" ? cell.rank : cell.growthRank,
      rankChange: by === "total" ? cell.rankChange : cell.growthRankChange,
      region: { code: c.region.code, name: c.region.name },
      value: cell.value,
      yoyPercent: cell.yoyPercent,
      lossChange: cell.lossChange,
    };
  });
  items.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.region.code.localeCompare(b.region.code));
  return { region: { code: region.code, name: region.name }, period: formatPeriodKey(period), indicator, by, items };
}
