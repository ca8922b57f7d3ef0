import "server-only";
// A town's page: its cells from the county overview (so 占比 and 排名 are against its siblings)
// and its enterprises counted by output tier.
import { getPrisma } from "@/lib/db/client";
import { getRegionOverview } from "@/lib/overview/query";
import type { RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, type Counting } from "@/lib/reports/periods";
import type { Period } from "@/lib/stats";

export async function getTownIndicators(county: RegionRef, town: RegionRef, period: Period, counting: Counting = APPROVED_ONLY) {
  const overview = await getRegionOverview(county, period.year, period.month, undefined, counting);
  const row = overview.children.find((c) => c.region.code === town.code);
  return { indicators: overview.indicators, cells: row?.values ?? {}, timeProgressPercent: overview.timeProgressPercent, siblings: overview.children.length };
}

export type TierCounts = { over100m: number; over50m: number; over20m: number; taxOverMillion: number; aboveScale: number; total: number };

export async function getTierCounts(townId: number, period: Period): Promise<TierCounts> {
  const [row] = await getPrisma().$queryRaw<Record<keyof TierCounts, bigint | number>[]>`
    SELECT COUNT(*) FILTER (WHERE o.value >= 10000) AS over100m,
           COUNT(*) FILTER (WHERE o.value >= 5000 AND o.value < 10000) AS over50m,
           COUNT(*) FILTER (WHERE o.value >= 2000 AND o.value < 5000) AS over20m,
           COUNT(*) FILTER (WHERE x.value >= 100) AS "taxOverMillion",
           COUNT(*) FILTER (WHERE e."aboveScale") AS "aboveScale",
           COUNT(*) AS total
    FROM "Enterprise" e
    LEFT JOIN ("EnterpriseValue" o JOIN "Indicator" oi ON oi.id = o."indicatorId" AND oi.code = 'gross_output')
      ON o."enterpriseId" = e.id AND o.year = ${period.year} AND o.month = ${period.month}
    LEFT JOIN ("EnterpriseValue" x JOIN "Indicator" xi ON xi.id = x."indicatorId" AND xi.code = 'tax')
      ON x."enterpriseId" = e.id AND x.year = ${period.year} AND x.month = ${period.month}
    WHERE e."townId" = ${townId}`;
  const n = (k: keyof TierCounts) => Number(row?.[k] ?? 0);
  return { over100m: n("over100m"), over50m: n("over50m"), over20m: n("over20m"), taxOverMillion: n("taxOverMillion"), aboveScale: n("aboveScale"), total: n("total") };
}
