import "server-only";
// Reads what a region's year-end forecast needs in a fixed number of round trips whatever the number of
// towns: the children, the counted statuses and the plans (in parallel), the subtree, then one statement
// with the YTD figures of every child and of the region itself over the years a pace can use.
import { getPrisma } from "@/lib/db/client";
import { listSubtree } from "@/lib/overview/query";
import { getRegionById, listChildRegions, type RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, countedStatuses, type Counting } from "@/lib/reports/periods";
import { PACE_MAX_YEARS, toDecimal } from "@/lib/stats";
import { assembleForecast, type Figures, type ForecastIndicator, type ForecastReport } from "./assemble";

/** Past years read: the pace uses the latest PACE_MAX_YEARS usable ones, and a few may be unusable. */
const YEARS_BACK = PACE_MAX_YEARS + 3;

/** The region's own row in the figures statement (no region has id 0). */
const OWN = 0;

type Row = { child: number; year: number; month: number; value: string };

/**
 * Summed YTD per child and for the whole region, by year and month, counted reports only.
 * A child that is a town keeps every month it has, so a missing month shows up as one (and its year is
 * left out of its pace, with the reason). A sum over several towns — a county under a city, and the
 * region's own total in past years — counts, per past year, only the towns that reported all twelve
 * months: a town missing from some months would otherwise show as a fall in the YTD.
 */
async function fetchFigures(regionId: number, indicatorId: number, year: number, month: number, counted: string[]): Promise<Row[]> {
  const tree = await listSubtree(regionId);
  if (tree.ids.length === 0) return [];
  return getPrisma().$queryRaw<Row[]>`
    WITH t(id, child) AS (SELECT * FROM unnest(${tree.ids}::int[], ${tree.childOf}::int[])),
    v AS (
      SELECT t.child, v."regionId" AS town, v.year, v.month, v.value
      FROM t JOIN "ReportValue" v ON v."regionId" = t.id
      JOIN "TownReport" r ON r.id = v."reportId"
      WHERE v."indicatorId" = ${indicatorId} AND v.year BETWEEN ${year - YEARS_BACK}::int AND ${year}::int
        AND (v.year < ${year}::int OR v.month <= ${month}::int)
        AND r.status = ANY(${counted}::text[]::"ReportStatus"[])
    ),
    whole AS (SELECT town, year FROM v WHERE year < ${year}::int GROUP BY town, year HAVING count(DISTINCT month) = 12)
    SELECT child, year, month, SUM(value)::text AS value FROM v
      WHERE year = ${year}::int OR child = town OR (town, year) IN (SELECT town, year FROM whole)
      GROUP BY child, year, month
    UNION ALL
    SELECT ${OWN}::int, year, month, SUM(value)::text FROM v
      WHERE year = ${year}::int OR (town, year) IN (SELECT town, year FROM whole)
      GROUP BY year, month`;
}

function figuresOf(rows: Row[]): Map<number, Figures> {
  const out = new Map<number, Figures>();
  for (const r of rows) {
    const byYear = out.get(r.child) ?? out.set(r.child, new Map()).get(r.child)!;
    const months = byYear.get(r.year) ?? byYear.set(r.year, new Map()).get(r.year)!;
    // numeric(18,4) sums print as "200.0000": keep the plain digits.
    months.set(r.month, toDecimal(r.value)?.toFixed() ?? r.value);
  }
  return out;
}

export type ForecastOptions = { threshold?: number; counting?: Counting };

/**
 * The year-end forecast of `region` and of each of its children for `indicator` at year/month. For a
 * town, the forecast of its county with the town as the only child (its fallback pace is the county's).
 */
export async function getRegionForecast(region: RegionRef, year: number, month: number, indicator: ForecastIndicator & { id: number }, options: ForecastOptions = {}): Promise<ForecastReport> {
  if (region.level === "TOWN" && region.parentId !== null) {
    const county = await getRegionById(region.parentId);
    if (county) {
      const report = await getRegionForecast(county, year, month, indicator, options);
      const mine = report.children.filter((c) => c.region.code === region.code);
      return { ...report, region: { code: region.code, name: region.name, level: region.level }, total: mine[0] ?? report.total, children: [], atRisk: [], ahead: [] };
    }
  }
  const countyId = region.level === "TOWN" ? (region.parentId ?? region.id) : region.id;
  const [children, counted, plans] = await Promise.all([
    listChildRegions(region.id),
    countedStatuses(countyId, options.counting ?? APPROVED_ONLY),
    getPrisma().annualPlan.findMany({
      where: { year, indicatorId: indicator.id, region: { OR: [{ id: region.id }, { parentId: region.id }] } },
      select: { regionId: true, value: true },
    }),
  ]);
  const rows = await fetchFigures(region.id, indicator.id, year, month, counted);
  const figures = figuresOf(rows);
  const planOf = new Map(plans.map((p) => [p.regionId, p.value.toString()]));
  const { id: _id, ...shown } = indicator;
  return assembleForecast({
    region: { code: region.code, name: region.name, level: region.level },
    year,
    month,
    indicator: shown,
    threshold: options.threshold,
    own: { figures: figures.get(OWN) ?? new Map(), plan: planOf.get(region.id) ?? null },
    children: children.map((c) => ({ region: { code: c.code, name: c.name, kind: c.kind }, figures: figures.get(c.id) ?? new Map(), plan: planOf.get(c.id) ?? null })),
  });
}

/** The forecast for an indicator code (an active one), or null when there is no such indicator. */
export async function getForecastFor(region: RegionRef, year: number, month: number, code: string, options: ForecastOptions = {}): Promise<ForecastReport | null> {
  const indicator = await getPrisma().indicator.findFirst({
    where: { code, active: true },
    select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, percentPrecision: true },
  });
  return indicator ? getRegionForecast(region, year, month, indicator, options) : null;
}
