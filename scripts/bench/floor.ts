// The plain-SQL floor: one hand-written query that returns the numbers a county overview shows for
// each town × indicator (value, its base — 同口径 where enterprise figures exist — and the plan),
// with none of the app's layers around it. The overview does more (last month's figures for rank
// changes, the parent's totals, every derived percentage), so it cannot be faster than this; the
// ratio says what the layers and the extra work cost.
import Decimal from "decimal.js";
import type { SqlRunner } from "./dataset";

/**
 * $1 parent region id, $2 year, $3 month. Counted statuses follow the parent's approvedOnly setting,
 * as in the app. Written the way a person tuning it by hand would: enum comparisons the planner can
 * estimate, the covering index, the ComparableBase rollup for 同口径 bases, the plans looked up by
 * region (a plain LEFT JOIN on AnnualPlan made the planner hash all 69k plans of the province, ≈ 2/3 of a
 * county floor's time — decision 005). `depth` 1: the children are towns (a county); 2: the children
 * are counties whose figures are their towns' sums (the province root).
 */
function floorSql(depth: 1 | 2): string {
  const tree =
    depth === 1
      ? `SELECT id, id AS child FROM kids`
      : `SELECT r.id, k.id AS child FROM "Region" r JOIN kids k ON r."parentId" = k.id`;
  return `
WITH kids AS (
  SELECT id, code FROM "Region" WHERE "parentId" = $1::int
), tree AS (
  ${tree}
), ind AS (
  SELECT id, code, "sortOrder" FROM "Indicator" WHERE active AND "onTownForm"
), v AS (
  SELECT t.child, v."indicatorId" AS indicator,
    SUM(v.value) FILTER (WHERE v.year = $2::int) AS value,
    SUM(v.value) FILTER (WHERE v.year = $2::int - 1) AS last_year
  FROM tree t
  JOIN "ReportValue" v ON v."regionId" = t.id
  JOIN "TownReport" r ON r.id = v."reportId"
  WHERE v.year IN ($2::int, $2::int - 1) AND v.month = $3::int
    AND (r.status = 'APPROVED' OR (r.status = 'SUBMITTED' AND NOT (SELECT "approvedOnly" FROM "Region" WHERE id = $1::int)))
  GROUP BY 1, 2
), comparable AS (
  SELECT t.child, SUM(b.value) AS base
  FROM tree t
  JOIN "ComparableBase" b ON b."townId" = t.id AND b.year = $2::int AND b.month = $3::int
  GROUP BY 1
), plan AS (
  SELECT p."regionId", p."indicatorId", p.value FROM kids k JOIN "AnnualPlan" p ON p."regionId" = k.id AND p.year = $2::int
)
SELECT k.code AS region, i.code AS indicator, v.value::text AS value,
  (CASE WHEN i.code = 'above_scale_output' AND v.value IS NOT NULL AND c.base IS NOT NULL THEN c.base ELSE v.last_year END)::text AS base,
  p.value::text AS plan
FROM kids k
CROSS JOIN ind i
LEFT JOIN v ON v.child = k.id AND v.indicator = i.id
LEFT JOIN comparable c ON c.child = k.id
LEFT JOIN plan p ON p."regionId" = k.id AND p."indicatorId" = i.id
ORDER BY k.code, i."sortOrder"`;
}

export const FLOOR_SQL = floorSql(1);
export const FLOOR_TREE_SQL = floorSql(2);

export type FloorRow = { region: string; indicator: string; value: string | null; base: string | null; plan: string | null };

/** The floor for a county (depth 1) or for a root whose children are counties (depth 2). */
export function floorOverview(sql: SqlRunner, parentId: number, year: number, month: number, depth: 1 | 2 = 1): Promise<FloorRow[]> {
  return sql.query<FloorRow>(depth === 1 ? FLOOR_SQL : FLOOR_TREE_SQL, [parentId, year, month]);
}

const norm = (x: string | null) => (x === null ? null : new Decimal(x).toFixed());

/** "region|indicator" → "value|base|plan" with decimals normalised, to compare the floor with the overview. */
export function floorFigures(rows: FloorRow[]): Map<string, string> {
  return new Map(rows.map((r) => [`${r.region}|${r.indicator}`, [norm(r.value), norm(r.base), norm(r.plan)].join("|")]));
}

type OverviewLike = { children: { region: { code: string }; values: Record<string, { value: string | null; base: string | null; plan: string | null }> }[] };

export function overviewFigures(overview: OverviewLike): Map<string, string> {
  const out = new Map<string, string>();
  for (const child of overview.children) {
    for (const [code, cell] of Object.entries(child.values)) {
      out.set(`${child.region.code}|${code}`, [norm(cell.value), norm(cell.base), norm(cell.plan)].join("|"));
    }
  }
  return out;
}

/**
 * Every 同口径 base straight from its definition (not the rollup): per town and period, last year's
 * gross_output of the town's enterprises whose latest scale change up to the period says 规上. The
 * smoke test compares the ComparableBase rollup with it.
 */
export const LIVE_COMPARABLE_SQL = `
SELECT e."townId" AS town, ev.year + 1 AS year, ev.month, SUM(ev.value)::text AS value, COUNT(*)::int AS enterprises
FROM "Enterprise" e
JOIN "EnterpriseValue" ev ON ev."enterpriseId" = e.id
JOIN "Indicator" i ON i.id = ev."indicatorId" AND i.code = 'gross_output'
WHERE (SELECT c."aboveScale" FROM "EnterpriseScaleChange" c
       WHERE c."enterpriseId" = e.id AND (c.year, c.month) <= (ev.year + 1, ev.month)
       ORDER BY c.year DESC, c.month DESC LIMIT 1)
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3`;

export const ROLLUP_COMPARABLE_SQL = `
SELECT "townId" AS town, year, month, value::text AS value, enterprises FROM "ComparableBase" ORDER BY 1, 2, 3`;
