import "server-only";
// A region's overview for a period in two rounds of parallel queries (no N+1): first the children,
// the subtree, the counted statuses and the indicators; then the children's summed YTD for this
// period, last year, last month and last month last year, their comparable-scope (同口径) bases and
// the plans. lib/overview/compute.ts does the arithmetic. Why the queries look the way they do:
// docs/decisions/005-overview-performance.md.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { listChildRegions, type RegionRef } from "@/lib/regions";
import { countedStatuses } from "@/lib/reports/periods";
import { previousPeriod, timeProgressPercent } from "@/lib/stats";
import { computeIndicatorCells, type Cell, type ChildFigures } from "./compute";

export type OverviewIndicator = { code: string; name: string; unit: string; kind: "FLOW" | "STOCK"; precision: number; percentPrecision: number; priceBasis: "CURRENT" | "COMPARABLE" };

export type RegionOverview = {
  region: { code: string; name: string; level: RegionRef["level"] };
  period: string;
  timeProgressPercent: number | null;
  indicators: OverviewIndicator[];
  totals: Record<string, Cell>;
  children: { region: { code: string; name: string; kind: string }; values: Record<string, Cell> }[];
};

/**
 * 同口径: a town's 规上 output is compared with last year's output (gross_output, enterprise figures) of
 * this year's 规上 enterprises. Those sums are the ComparableBase rollup, defined and kept up to date in
 * the migration `overview_performance`.
 */
const COMPARABLE = { townIndicator: "above_scale_output" } as const;

/**
 * Parallel queries the children's values are split into (by indicator), so the cells of one half are
 * computed while the database sums the other: two suits the 2-core servers a county runs on; more only
 * adds round trips (measured in docs/decisions/005-overview-performance.md).
 */
const VALUE_QUERIES = 1;

type Row = { child: number; indicatorId: number; year: number; month: number; value: string };
type ComparableRow = { child: number; year: number; month: number; value: string };

/** Regions below a parent: `ids[i]` lies under the parent's child `childOf[i]` (a child maps to itself). */
export type Subtree = { ids: number[]; childOf: number[] };

async function countyOf(region: RegionRef): Promise<number> {
  if (region.level === "TOWN" && region.parentId) return region.parentId;
  return region.id;
}

/**
 * Every region below `parentId`, each with the child of `parentId` it lies under (a child maps to
 * itself). Fetched on its own so the figure queries get the ids as arrays whose size the planner
 * knows: a recursive CTE inside those queries is estimated at ~1,000× a county's towns, which turns
 * index lookups into scans of whole tables and switches on JIT compilation
 * (docs/decisions/005-overview-performance.md).
 */
export async function listSubtree(parentId: number): Promise<Subtree> {
  const rows = await getPrisma().$queryRaw<{ id: number; child: number }[]>`
    WITH RECURSIVE tree(id, child) AS (
      SELECT id, id FROM "Region" WHERE "parentId" = ${parentId}
      UNION ALL SELECT r.id, t.child FROM "Region" r JOIN tree t ON r."parentId" = t.id
    )
    SELECT id, child FROM tree`;
  return { ids: rows.map((r) => r.id), childOf: rows.map((r) => r.child) };
}

/** `r.status IN (…)` with enum-typed values, so the planner can use the column's statistics (a `::text` cast hides them). */
export const statusList = (statuses: string[]) => Prisma.join(statuses.map((s) => Prisma.sql`${s}::"ReportStatus"`));

export async function getRegionOverview(region: RegionRef, year: number, month: number, codes?: string[]): Promise<RegionOverview> {
  const db = getPrisma();
  const prev = previousPeriod({ year, month })!;
  // Independent lookups, in parallel: each is one short round trip.
  const [children, tree, statuses, indicators] = await Promise.all([
    listChildRegions(region.id),
    listSubtree(region.id),
    countyOf(region).then(countedStatuses),
    db.indicator.findMany({
      where: { active: true, onTownForm: true, ...(codes ? { code: { in: codes } } : {}) },
      select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, percentPrecision: true, priceBasis: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  const childIds = children.map((c) => c.id);
  const indicatorIds = indicators.map((i) => i.id);
  // The four periods are {year, year − 1} × {month, last month} (plus two unused ones when last month
  // was December): plain column filters the covering index can answer.
  const years = [...new Set([year, year - 1, prev.year, prev.year - 1])];
  const months = [...new Set([month, prev.month])];
  const needsComparable = indicators.some((i) => i.code === COMPARABLE.townIndicator);

  // Plans and 同口径 bases are small. The values are fetched in groups of indicators, in parallel, and
  // each group's cells are computed as soon as its rows arrive, while the database still sums the others.
  const smallQueries = Promise.all([
    db.annualPlan.findMany({
      where: { year, regionId: { in: [region.id, ...childIds] }, indicatorId: { in: indicatorIds } },
      select: { regionId: true, indicatorId: true, value: true },
    }),
    // From the ComparableBase rollup (kept by triggers; see schema.prisma), summed per child.
    needsComparable
      ? db.$queryRaw<ComparableRow[]>`
          SELECT t.child, b.year, b.month, SUM(b.value)::text AS value
          FROM unnest(${tree.ids}::int[], ${tree.childOf}::int[]) AS t(id, child)
          JOIN "ComparableBase" b ON b."townId" = t.id
          WHERE (b.year = ${year} AND b.month = ${month}) OR (b.year = ${prev.year} AND b.month = ${prev.month})
          GROUP BY t.child, b.year, b.month`
      : Promise.resolve([] as ComparableRow[]),
  ]);
  // Counted = the report's status is counted; as an anti-join on the few reports that are not, since
  // every value has its report (foreign key).
  const valuesOf = (group: typeof indicators) => db.$queryRaw<Row[]>`
    SELECT t.child, v."indicatorId", v.year, v.month, SUM(v.value)::text AS value
    FROM unnest(${tree.ids}::int[], ${tree.childOf}::int[]) AS t(id, child)
    JOIN "ReportValue" v ON v."regionId" = t.id
    WHERE v."indicatorId" = ANY(${group.map((i) => i.id)}::int[])
      AND v.year = ANY(${years}::int[]) AND v.month = ANY(${months}::int[])
      AND NOT EXISTS (SELECT 1 FROM "TownReport" r WHERE r.id = v."reportId" AND r.status NOT IN (${statusList(statuses)}))
    GROUP BY t.child, v."indicatorId", v.year, v.month`;

  const key = (child: number, code: string, y: number, m: number) => `${child}|${code}|${y}|${m}`;
  const get = (m: Map<string, Decimal>, k: string) => m.get(k) ?? null;
  const cellsOf = (group: typeof indicators, values: Row[], plans: { regionId: number; indicatorId: number; value: { toString(): string } }[], comparable: ComparableRow[]) => {
    const codeOf = new Map(group.map((i) => [i.id, i.code]));
    const valueMap = new Map(values.map((r) => [key(r.child, codeOf.get(r.indicatorId)!, Number(r.year), Number(r.month)), new Decimal(r.value)]));
    const comparableMap = new Map(comparable.map((r) => [key(r.child, COMPARABLE.townIndicator, Number(r.year), Number(r.month)), new Decimal(r.value)]));
    const planMap = new Map(plans.map((p) => [`${p.regionId}|${p.indicatorId}`, new Decimal(p.value.toString())]));
    return group.map((ind) => {
      const figures: ChildFigures[] = children.map((c) => ({
        value: get(valueMap, key(c.id, ind.code, year, month)),
        base: get(valueMap, key(c.id, ind.code, year - 1, month)),
        comparableBase: get(comparableMap, key(c.id, ind.code, year, month)),
        plan: get(planMap, `${c.id}|${ind.id}`),
        previousValue: get(valueMap, key(c.id, ind.code, prev.year, prev.month)),
        previousBase: get(valueMap, key(c.id, ind.code, prev.year - 1, prev.month)),
        previousComparableBase: get(comparableMap, key(c.id, ind.code, prev.year, prev.month)),
      }));
      // A comparable base only counts where the town reported this year (otherwise there is nothing to compare).
      for (const f of figures) if (f.value === null) f.comparableBase = null;
      return computeIndicatorCells(ind, month, figures, get(planMap, `${region.id}|${ind.id}`));
    });
  };

  const groupSize = Math.ceil(indicators.length / VALUE_QUERIES);
  const groups = Array.from({ length: Math.ceil(indicators.length / groupSize) }, (_, k) => indicators.slice(k * groupSize, (k + 1) * groupSize));
  const computed = (
    await Promise.all(
      groups.map(async (group) => {
        // Each task awaits its own query at once, so a failing query is never an unhandled rejection.
        const [values, [plans, comparable]] = await Promise.all([valuesOf(group), smallQueries]);
        return cellsOf(group, values, plans, comparable);
      }),
    )
  ).flat();

  const totals: Record<string, Cell> = {};
  const cellsByChild: Record<string, Cell>[] = children.map(() => ({}));
  computed.forEach(({ cells, total }, k) => {
    const code = indicators[k].code;
    totals[code] = total;
    cells.forEach((cell, i) => (cellsByChild[i][code] = cell));
  });

  const tp = timeProgressPercent(month);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    period: `${year}-${String(month).padStart(2, "0")}`,
    timeProgressPercent: tp === null ? null : tp.toNumber(),
    indicators: indicators.map(({ id: _id, ...rest }) => rest),
    totals,
    children: children.map((c, i) => ({ region: { code: c.code, name: c.name, kind: c.kind }, values: cellsByChild[i] })),
  };
}
