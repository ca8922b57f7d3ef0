import "server-only";
// A region's overview for a period: per child and indicator the summed YTD for this period, last
// year, last month and last month last year, the comparable-scope (同口径) bases and the plans, with
// the children and the indicators, fetched as JSON text (the driver and Prisma then handle one value,
// not a thousand rows). A county or a town is one statement, one round trip; a city (thousands of
// towns) two, so the big sums get a plan for their size. lib/overview/compute.ts does the
// arithmetic. Why the queries look the way they do: docs/decisions/005-overview-performance.md.
import { currentPgPool, getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, type Counting } from "@/lib/reports/periods";
import { previousPeriod, timeProgressPercent } from "@/lib/stats";
import { computeIndicatorCells, type Cell, type ChildFigures } from "./compute";

export type OverviewIndicator = { code: string; name: string; unit: string; kind: "FLOW" | "STOCK"; precision: number; percentPrecision: number; priceBasis: "CURRENT" | "COMPARABLE" };

export type RegionOverview = {
  region: { code: string; name: string; level: RegionRef["level"] };
  period: string;
  timeProgressPercent: number | null;
  indicators: OverviewIndicator[];
  totals: Record<string, Cell>;
  /** Per indicator code: children counted in the total's value but not in its 同比 (no figure last year). */
  growthExcluded: Record<string, string[]>;
  children: { region: { code: string; name: string; kind: string }; values: Record<string, Cell> }[];
};

/**
 * 同口径: a town's 规上 output is compared with last year's output (gross_output, enterprise figures) of
 * this year's 规上 enterprises. Those sums are the ComparableBase rollup, defined and kept up to date in
 * the migration `overview_performance`.
 */
const COMPARABLE = { townIndicator: "above_scale_output" } as const;

/** Regions below a parent: `ids[i]` lies under the parent's child `childOf[i]` (a child maps to itself). */
export type Subtree = { ids: number[]; childOf: number[] };

type ReportStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

/**
 * The report statuses a county counts when the viewer includes submitted reports, from its approvedOnly setting: the rule of countedStatuses
 * (lib/reports/periods), which reads the setting in a round trip of its own; the overview reads it
 * inside its statement instead. tests/integration/bench-smoke.test.ts checks that the two agree.
 */
export function countedStatusesFor(approvedOnly: boolean): ReportStatus[] {
  return approvedOnly ? ["APPROVED"] : ["SUBMITTED", "APPROVED"];
}

function countyOf(region: RegionRef): number {
  return region.level === "TOWN" && region.parentId ? region.parentId : region.id;
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

/** [id, code, name, kind] of each child, in display order. */
type ChildRow = [number, string, string, string];
/** [id, code, name, unit, kind, precision, percentPrecision, priceBasis] of each indicator, in display order. */
type IndicatorRow = [number, string, string, string, OverviewIndicator["kind"], number, number, OverviewIndicator["priceBasis"]];
/**
 * Per child × indicator: [child, indicatorId, this period, same period last year, last month, last
 * month last year], summed YTD as decimal text, null where no counted report has the figure.
 */
type ValueRow = [number, number, string | null, string | null, string | null, string | null];
/** A city's row: ValueRow, then the like-for-like parts (valuesJsonLikeForLike). */
type WideValueRow = [...ValueRow, string | null, string | null, string | null, string | null];
/** Per child: [child, 同口径 base this period, last month]. */
type ComparableRow = [number, string | null, string | null];
/** [regionId, indicatorId, value] of the region's and its children's plans. */
type PlanRow = [number, number, string];

export type Fetched = { children: ChildRow[]; indicators: IndicatorRow[]; values: (ValueRow | WideValueRow)[]; comparable: ComparableRow[]; plans: PlanRow[] };

type Periods = { year: number; month: number; prevYear: number; prevMonth: number };

/**
 * A city's subtree from `splitFrom` towns on is summed by two statements in parallel (by indicator).
 * `viaPool`: on a PostgreSQL server the statements go straight to the pg pool under Prisma (below).
 * Settings only so tests and the bench can take the other paths (toy scale, Prisma's path on a server).
 */
export const OVERVIEW_TUNING = { splitFrom: 500, viaPool: true };

const indicatorWhere = (codes: string[] | undefined) => Prisma.sql`active AND "onTownForm"${codes ? Prisma.sql` AND code = ANY(${codes}::text[])` : Prisma.empty}`;
const indicatorJson = Prisma.sql`coalesce(json_agg(json_build_array(id, code, name, unit, kind, precision, "percentPrecision", "priceBasis") ORDER BY "sortOrder", id), '[]')`;
const childJson = Prisma.sql`coalesce(json_agg(json_build_array(id, code, name, kind) ORDER BY "sortOrder", code), '[]')`;

/** The four YTD sums of the values in scope: this period, the same month last year, last month, and its last year. */
function periodSums(p: Periods): Prisma.Sql {
  return Prisma.sql`SUM(v.value) FILTER (WHERE v.year = ${p.year}::int AND v.month = ${p.month}::int) AS cur,
    SUM(v.value) FILTER (WHERE v.year = ${p.year - 1}::int AND v.month = ${p.month}::int) AS last_year,
    SUM(v.value) FILTER (WHERE v.year = ${p.prevYear}::int AND v.month = ${p.prevMonth}::int) AS prev,
    SUM(v.value) FILTER (WHERE v.year = ${p.prevYear - 1}::int AND v.month = ${p.prevMonth}::int) AS prev_last_year`;
}

/**
 * The sums of the values per child × indicator (JSON array of ValueRow), from `t(id, child)` (the
 * subtree), for the indicators `v."indicatorId"` passes `indicators`. The four periods are
 * {year, year − 1} × {month, last month} (plus two unused ones when last month was December): plain
 * column filters the covering index can answer; the FILTERs pick each period.
 *
 * Counted = the value's report has a counted status (`counted`, an array): an anti-join on the few
 * reports that are not, since every value has its report (foreign key). For a city's ~160k values
 * PostgreSQL hashes those reports. For a county's ~1,300 it looks the report up value by value, ≈ 1.7
 * of its ≈ 4 ms, so there (`probeFirst`) the counted reports of the subtree's towns in these periods
 * — where every writer puts a value's report — are collected first (four lookups per town) and
 * hashed, and only values whose report is not among them are looked up. The result is the same
 * whether or not a value's region and period match its report's.
 */
function valuesJson(p: Periods, indicators: Prisma.Sql, counted: Prisma.Sql, probeFirst: boolean): Prisma.Sql {
  const years = [...new Set([p.year, p.year - 1, p.prevYear, p.prevYear - 1])];
  const months = [...new Set([p.month, p.prevMonth])];
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_array(child, ind, cur::text, last_year::text, prev::text, prev_last_year::text)), '[]') FROM (
    SELECT t.child, v."indicatorId" AS ind,
      ${periodSums(p)}
    FROM t
    JOIN "ReportValue" v ON v."regionId" = t.id
    WHERE v."indicatorId" ${indicators}
      AND v.year = ANY(${years}::int[]) AND v.month = ANY(${months}::int[])
      AND ${
        probeFirst
          ? Prisma.sql`(v."reportId" IN (SELECT r.id FROM t JOIN "TownReport" r ON r."regionId" = t.id
                          WHERE r.year = ANY(${years}::int[]) AND r.month = ANY(${months}::int[]) AND r.status = ANY (${counted}))
                        OR NOT EXISTS (SELECT 1 FROM "TownReport" r WHERE r.id = v."reportId" AND r.status <> ALL (${counted})))`
          : Prisma.sql`NOT EXISTS (SELECT 1 FROM "TownReport" r WHERE r.id = v."reportId" AND r.status <> ALL (${counted}))`
      }
    GROUP BY 1, 2) s)`;
}

/**
 * A city's sums per county, like for like inside each county (decision 004 one level down): besides
 * the four sums, the part of this period's value whose regions have last year's figure, the part of
 * last year's whose regions have reported, and the same for last month. Summed per region first, then
 * per child; a peer county (its own report) is one region. ValueRow plus four: WideValueRow.
 */
function valuesJsonLikeForLike(p: Periods, indicators: Prisma.Sql, counted: Prisma.Sql): Prisma.Sql {
  const years = [...new Set([p.year, p.year - 1, p.prevYear, p.prevYear - 1])];
  const months = [...new Set([p.month, p.prevMonth])];
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_array(child, ind, cur::text, last_year::text, prev::text, prev_last_year::text, cur_g::text, last_year_c::text, prev_g::text, prev_last_year_c::text)), '[]') FROM (
    SELECT child, ind, SUM(cur) AS cur, SUM(last_year) AS last_year, SUM(prev) AS prev, SUM(prev_last_year) AS prev_last_year,
      SUM(cur) FILTER (WHERE last_year IS NOT NULL) AS cur_g, SUM(last_year) FILTER (WHERE cur IS NOT NULL) AS last_year_c,
      SUM(prev) FILTER (WHERE prev_last_year IS NOT NULL) AS prev_g, SUM(prev_last_year) FILTER (WHERE prev IS NOT NULL) AS prev_last_year_c
    FROM (
      SELECT t.child, t.id, v."indicatorId" AS ind,
        ${periodSums(p)}
      FROM t
      JOIN "ReportValue" v ON v."regionId" = t.id
      WHERE v."indicatorId" ${indicators}
        AND v.year = ANY(${years}::int[]) AND v.month = ANY(${months}::int[])
        AND NOT EXISTS (SELECT 1 FROM "TownReport" r WHERE r.id = v."reportId" AND r.status <> ALL (${counted}))
      GROUP BY 1, 2, 3) r
    GROUP BY 1, 2) s)`;
}

/** The 同口径 bases from the ComparableBase rollup (kept by triggers), per child (JSON array of ComparableRow). */
function comparableJson(p: Periods): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_array(child, cur::text, prev::text)), '[]') FROM (
    SELECT t.child,
      SUM(b.value) FILTER (WHERE b.year = ${p.year}::int AND b.month = ${p.month}::int) AS cur,
      SUM(b.value) FILTER (WHERE b.year = ${p.prevYear}::int AND b.month = ${p.prevMonth}::int) AS prev
    FROM t JOIN "ComparableBase" b ON b."townId" = t.id
    WHERE b.year = ANY(${[...new Set([p.year, p.prevYear])]}::int[]) AND b.month = ANY(${[...new Set([p.month, p.prevMonth])]}::int[])
    GROUP BY 1) c)`;
}

/** The year's plans whose `"regionId"` passes `regions` and `"indicatorId"` passes `indicators` (JSON array of PlanRow). */
function plansJson(p: Periods, regions: Prisma.Sql, indicators: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_array("regionId", "indicatorId", value::text)), '[]') FROM "AnnualPlan"
    WHERE year = ${p.year}::int AND "regionId" ${regions} AND "indicatorId" ${indicators})`;
}

/**
 * Runs a statement returning one JSON text `j` and parses it. On a PostgreSQL server it goes to the pg
 * pool Prisma itself uses (lib/db/client), as the same parameterised statement: Prisma's raw query
 * costs ≈ 1 ms of Node CPU per call on top of the driver's (parameters and the result through its
 * query engine), a third of a county overview's statement (decision 005). PGlite goes through Prisma.
 */
async function queryJson<T>(query: Prisma.Sql): Promise<T> {
  const pool = OVERVIEW_TUNING.viaPool ? currentPgPool() : undefined;
  const rows = pool ? (await pool.query<{ j: string }>(query.text, query.values)).rows : await getPrisma().$queryRaw<{ j: string }[]>(query);
  return JSON.parse(rows[0].j) as T;
}

/**
 * A county or a town: everything in one statement. The subtree is its towns; collected into arrays
 * and unnested again, its size is estimated at 10 rather than the recursive CTE's ~1,000× (see
 * listSubtree), so the sums are index lookups per town.
 */
function fetchCompact(region: RegionRef, p: Periods, codes: string[] | undefined, withComparable: boolean, counting: Counting): Promise<Fetched> {
  const counted = !counting.includeSubmitted ? Prisma.sql`ARRAY[${statusList(["APPROVED"])}]` : Prisma.sql`CASE WHEN coalesce((SELECT "approvedOnly" FROM "Region" WHERE id = ${countyOf(region)}), false)
    THEN ${countedStatusesFor(true)}::text[]::"ReportStatus"[] ELSE ${countedStatusesFor(false)}::text[]::"ReportStatus"[] END`;
  // The recursive step looks each level's children up by parentId (LATERAL: an index probe per region);
  // as a join, the planner's ~10× estimate per level made it hash a scan of the whole Region table.
  return queryJson<Fetched>(Prisma.sql`
    WITH RECURSIVE tree(id, child) AS (
      SELECT id, id FROM "Region" WHERE "parentId" = ${region.id}
      UNION ALL SELECT r.id, t.child FROM tree t CROSS JOIN LATERAL (SELECT id FROM "Region" WHERE "parentId" = t.id) r
    ), sub AS MATERIALIZED (
      SELECT coalesce(array_agg(id), '{}') AS ids, coalesce(array_agg(child), '{}') AS childof FROM tree
    ), t AS (
      SELECT u.id, u.child FROM sub, unnest(sub.ids, sub.childof) AS u(id, child)
    ), kids AS (
      SELECT id, code, name, kind, "sortOrder" FROM "Region" WHERE "parentId" = ${region.id}
    ), ind AS (
      SELECT id, code, name, unit, kind, precision, "percentPrecision", "priceBasis", "sortOrder" FROM "Indicator" WHERE ${indicatorWhere(codes)}
    )
    SELECT json_build_object(
      'children', (SELECT ${childJson} FROM kids),
      'indicators', (SELECT ${indicatorJson} FROM ind),
      'values', ${valuesJson(p, Prisma.sql`IN (SELECT id FROM ind)`, counted, true)},
      'comparable', ${withComparable ? comparableJson(p) : Prisma.sql`'[]'::json`},
      'plans', ${plansJson(p, Prisma.sql`IN (SELECT id FROM kids UNION ALL SELECT ${region.id}::int)`, Prisma.sql`IN (SELECT id FROM ind)`)}
    )::text AS j`);
}

/**
 * A city: first the children, the subtree and the indicators; then the sums, over the subtree as
 * arrays whose size the planner knows (it hashes the ~100k values rather than looking them up town
 * by town). From OVERVIEW_TUNING.splitFrom towns on the indicators are split between two statements run in
 * parallel: both cores work, and each half's hash stays within work_mem.
 */
async function fetchWide(region: RegionRef, p: Periods, codes: string[] | undefined, withComparable: boolean, counting: Counting): Promise<Fetched> {
  type Outline = { children: ChildRow[]; indicators: IndicatorRow[]; tree: [number, number][]; approvedOnly: boolean | null; strictChildren: number[] };
  const outline = await queryJson<Outline>(Prisma.sql`
    WITH RECURSIVE tree(id, child) AS (
      SELECT id, id FROM "Region" WHERE "parentId" = ${region.id}
      UNION ALL SELECT r.id, t.child FROM "Region" r JOIN tree t ON r."parentId" = t.id
    )
    SELECT json_build_object(
      'children', (SELECT ${childJson} FROM "Region" WHERE "parentId" = ${region.id}),
      'indicators', (SELECT ${indicatorJson} FROM "Indicator" WHERE ${indicatorWhere(codes)}),
      'tree', (SELECT coalesce(json_agg(json_build_array(id, child)), '[]') FROM tree),
      'approvedOnly', (SELECT "approvedOnly" FROM "Region" WHERE id = ${countyOf(region)}),
      'strictChildren', (SELECT coalesce(json_agg(id), '[]') FROM "Region" WHERE "parentId" = ${region.id} AND "approvedOnly")
    )::text AS j`);
  const tree = Prisma.sql`t(id, child) AS (SELECT * FROM unnest(${outline.tree.map((t) => t[0])}::int[], ${outline.tree.map((t) => t[1])}::int[]))`;
  const strict = !counting.includeSubmitted || outline.approvedOnly === true;
  // A city's counties keep their own rule: a county that counts approved reports only does so in the
  // city's figures too, while the others add their submitted ones (the viewer asked for them).
  const counted = strict || outline.strictChildren.length === 0
    ? Prisma.sql`ARRAY[${statusList(countedStatusesFor(strict))}]`
    : Prisma.sql`CASE WHEN t.child = ANY(${outline.strictChildren}::int[]) THEN ARRAY[${statusList(countedStatusesFor(true))}] ELSE ARRAY[${statusList(countedStatusesFor(false))}] END`;
  const ids = outline.indicators.map((i) => i[0]);
  const halves = outline.tree.length >= OVERVIEW_TUNING.splitFrom && ids.length > 1 ? [ids.slice(0, ids.length >> 1), ids.slice(ids.length >> 1)] : [ids];
  const parts = await Promise.all(
    halves.map((group, k) =>
      queryJson<Omit<Fetched, "children" | "indicators">>(Prisma.sql`
        WITH ${tree}
        SELECT json_build_object(
          'values', ${valuesJsonLikeForLike(p, Prisma.sql`= ANY(${group}::int[])`, counted)},
          'comparable', ${k === 0 && withComparable ? comparableJson(p) : Prisma.sql`'[]'::json`},
          'plans', ${k === 0 ? plansJson(p, Prisma.sql`= ANY(${[region.id, ...outline.children.map((c) => c[0])]}::int[])`, Prisma.sql`= ANY(${ids}::int[])`) : Prisma.sql`'[]'::json`}
        )::text AS j`),
    ),
  );
  return {
    children: outline.children,
    indicators: outline.indicators,
    values: parts.flatMap((x) => x.values),
    comparable: parts.flatMap((x) => x.comparable),
    plans: parts.flatMap((x) => x.plans),
  };
}

/** `counting`: approved reports only (default), or submitted ones as well when the viewer asks (lib/reports/periods). */
export async function getRegionOverview(region: RegionRef, year: number, month: number, codes?: string[], counting: Counting = APPROVED_ONLY): Promise<RegionOverview> {
  const prev = previousPeriod({ year, month })!;
  const periods: Periods = { year, month, prevYear: prev.year, prevMonth: prev.month };
  const withComparable = !codes || codes.includes(COMPARABLE.townIndicator);
  const fetched = await (region.level === "CITY" ? fetchWide : fetchCompact)(region, periods, codes, withComparable, counting);
  return assemble(region, year, month, fetched);
}

/** The overview from the fetched rows (no I/O; exported for benchmarks of the arithmetic). */
export function assemble(region: RegionRef, year: number, month: number, fetched: Fetched): RegionOverview {
  const children = fetched.children.map(([id, code, name, kind]) => ({ id, code, name, kind }));
  const indicators = fetched.indicators.map(([id, code, name, unit, kind, precision, percentPrecision, priceBasis]) => ({ id, code, name, unit, kind, precision, percentPrecision, priceBasis }));
  // Everything by child and indicator position.
  const childAt = new Map(children.map((c, i) => [c.id, i]));
  const indicatorAt = new Map(indicators.map((ind, k) => [ind.id, k]));
  // Figures stay decimal text (compute.ts converts each once).
  const dec = (x: string | null) => x;
  const empty = (): ChildFigures => ({ value: null, base: null, comparableBase: null, plan: null, previousValue: null, previousBase: null, previousComparableBase: null });
  const grid: ChildFigures[][] = indicators.map(() => children.map(empty));
  for (const row of fetched.values) {
    const [child, ind, cur, lastYear, previous, previousLastYear] = row;
    const f = grid[indicatorAt.get(ind)!][childAt.get(child)!];
    f.value = dec(cur);
    f.base = dec(lastYear);
    f.previousValue = dec(previous);
    f.previousBase = dec(previousLastYear);
    if (row.length === 10) {
      // A county of a city: its growth like for like over its own towns (decision 004).
      f.growthValue = dec(row[6]);
      f.base = dec(row[7]);
      f.previousGrowthValue = dec(row[8]);
      f.previousBase = dec(row[9]);
    }
  }
  const comparableAt = indicators.findIndex((i) => i.code === COMPARABLE.townIndicator);
  if (comparableAt >= 0) {
    for (const [child, cur, previous] of fetched.comparable) {
      const f = grid[comparableAt][childAt.get(child)!];
      f.comparableBase = dec(cur);
      f.previousComparableBase = dec(previous);
    }
  }
  const parentPlans: (string | null)[] = indicators.map(() => null);
  for (const [regionId, ind, value] of fetched.plans) {
    const k = indicatorAt.get(ind)!;
    if (regionId === region.id) parentPlans[k] = dec(value);
    else grid[k][childAt.get(regionId)!].plan = dec(value); // a child's own plan
  }

  const totals: Record<string, Cell> = {};
  const growthExcluded: Record<string, string[]> = {};
  const cellsByChild: Record<string, Cell>[] = children.map(() => ({}));
  indicators.forEach((ind, k) => {
    // A comparable base only counts where the town reported this year (otherwise there is nothing to compare).
    for (const f of grid[k]) if (f.value === null) f.comparableBase = null;
    const { cells, total, excluded } = computeIndicatorCells(ind, month, grid[k], parentPlans[k]);
    totals[ind.code] = total;
    if (excluded.length > 0) growthExcluded[ind.code] = excluded.map((i) => children[i].name);
    cells.forEach((cell, i) => (cellsByChild[i][ind.code] = cell));
  });

  const tp = timeProgressPercent(month);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    period: `${year}-${String(month).padStart(2, "0")}`,
    timeProgressPercent: tp === null ? null : tp.toNumber(),
    indicators: indicators.map(({ id: _id, ...rest }) => rest),
    totals,
    growthExcluded,
    children: children.map((c, i) => ({ region: { code: c.code, name: c.name, kind: c.kind }, values: cellsByChild[i] })),
  };
}
