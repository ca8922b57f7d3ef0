// A county among its city's counties (全市位次), read off the CITY's overview so the ranks, shares and
// plan figures are the same numbers the city overview, /api/v1/rankings and the 通报 show: 总量 and 增幅
// ranks (competition ranking, lib/overview/compute), the change from last month, 占全市比重, 完成年计划
// and the gap to 时序进度. Pure. docs/decisions/016-city-and-peer-counties.md
import type { Cell } from "@/lib/overview/compute";
import type { OverviewIndicator, RegionOverview } from "@/lib/overview/query";

/** The indicators the 全市位次 panel, the wall panel and the 通报 rank, in this order (the first is the 经济总量). */
export const PEER_INDICATORS = ["gross_output", "above_scale_output", "sales_revenue", "profit_tax", "industrial_investment"] as const;

export type PeerIndicatorStanding = {
  indicator: OverviewIndicator;
  /** The county's own cell of the city overview (value, 同比, rank, growthRank, changes, share, plan). */
  cell: Cell;
  /** Counties with a figure for this indicator: what "在N个县（市、区）中" counts. */
  ranked: number;
  /** Counties with a 同比 for this indicator (the growth rank's field). */
  rankedByGrowth: number;
};

export type PeerCounty = { code: string; name: string; kind: string; cells: Record<string, Cell> };

export type PeerStanding = {
  city: { code: string; name: string };
  county: { code: string; name: string };
  period: string;
  timeProgressPercent: number | null;
  /** All the city's counties (children of the city), in the city's order. */
  countyCount: number;
  /** Per PEER_INDICATORS code the city has: the county's standing (null cell fields read "—"). */
  indicators: PeerIndicatorStanding[];
  /** Every county of the city with its cells (the bulletin's table, the wall panel), and the city's totals. */
  counties: PeerCounty[];
  totals: Record<string, Cell>;
  /** The county and at least one other have a figure for the first indicator (工业总产值): otherwise no rank is printed anywhere. */
  hasFigures: boolean;
  /**
   * Set when some of the county's own towns are not counted yet (not reported or not approved): its
   * total is then partial against whole peers, so no place is stated (sentence, wall) — the panel says why.
   */
  partial: { reported: number; of: number } | null;
};

/**
 * The standing of `countyCode` in the city's overview; null when the county is not one of its children.
 * `codes`: which indicators, in order (default PEER_INDICATORS; those the overview lacks are left out).
 */
export function peerStanding(city: RegionOverview, countyCode: string, codes: readonly string[] = PEER_INDICATORS): PeerStanding | null {
  const me = city.children.find((c) => c.region.code === countyCode);
  if (!me) return null;
  const indicators = codes.flatMap((code) => {
    const indicator = city.indicators.find((i) => i.code === code);
    const cell = me.values[code];
    if (!indicator || !cell) return [];
    const ranked = city.children.filter((c) => c.values[code]?.rank != null).length;
    const rankedByGrowth = city.children.filter((c) => c.values[code]?.growthRank != null).length;
    return [{ indicator, cell, ranked, rankedByGrowth }];
  });
  return {
    city: { code: city.region.code, name: city.region.name },
    county: { code: me.region.code, name: me.region.name },
    period: city.period,
    timeProgressPercent: city.timeProgressPercent,
    countyCount: city.children.length,
    indicators,
    counties: city.children.map((c) => ({ code: c.region.code, name: c.region.name, kind: c.region.kind, cells: c.values })),
    totals: city.totals,
    // A place among one (nobody else has figures yet) says nothing.
    hasFigures: indicators.length > 0 && indicators[0].indicator.code === codes[0] && indicators[0].cell.rank !== null && indicators[0].ranked >= 2,
    partial: null,
  };
}

/** The counties in rank order of `code` (总量 or 增幅); counties without a rank last, by code. */
export function countiesByRank(s: Pick<PeerStanding, "counties">, code: string, by: "rank" | "growthRank" = "rank"): PeerCounty[] {
  return [...s.counties].sort((a, b) => (a.cells[code]?.[by] ?? Infinity) - (b.cells[code]?.[by] ?? Infinity) || a.code.localeCompare(b.code));
}
