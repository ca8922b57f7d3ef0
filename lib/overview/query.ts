import "server-only";
// A region's overview for a period in a fixed number of SQL round trips (no N+1): children's
// summed YTD for this period, last year, last month and last month last year; comparable-scope
// bases from enterprise figures; plans. lib/overview/compute.ts does the arithmetic.
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

/** 同口径: a town's 规上 output is compared with last year's output of this year's 规上 enterprises. */
const COMPARABLE = { townIndicator: "above_scale_output", enterpriseIndicator: "gross_output" } as const;

type Row = { child: number; code: string; year: number; month: number; value: string };

async function countyOf(region: RegionRef): Promise<number> {
  if (region.level === "TOWN" && region.parentId) return region.parentId;
  return region.id;
}

export async function getRegionOverview(region: RegionRef, year: number, month: number, codes?: string[]): Promise<RegionOverview> {
  const db = getPrisma();
  const children = await listChildRegions(region.id);
  const statuses = await countedStatuses(await countyOf(region));
  const prev = previousPeriod({ year, month })!;
  const pairs = [
    [year, month],
    [year - 1, month],
    [prev.year, prev.month],
    [prev.year - 1, prev.month],
  ];
  const indicators = await db.indicator.findMany({
    where: { active: true, onTownForm: true, ...(codes ? { code: { in: codes } } : {}) },
    select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, percentPrecision: true, priceBasis: true },
    orderBy: { sortOrder: "asc" },
  });
  const childIds = children.map((c) => c.id);
  const periodList = Prisma.join(pairs.map(([y, m]) => Prisma.sql`(${y}::int, ${m}::int)`));
  const tree = Prisma.sql`
    WITH RECURSIVE tree(id, child) AS (
      SELECT id, id FROM "Region" WHERE id IN (${childIds.length ? Prisma.join(childIds) : Prisma.sql`NULL`})
      UNION ALL SELECT r.id, t.child FROM "Region" r JOIN tree t ON r."parentId" = t.id
    )`;

  const [values, comparable, plans] = await Promise.all([
    db.$queryRaw<Row[]>`${tree}
      SELECT t.child, i.code, v.year, v.month, SUM(v.value)::text AS value
      FROM tree t
      JOIN "ReportValue" v ON v."regionId" = t.id
      JOIN "TownReport" r ON r.id = v."reportId"
      JOIN "Indicator" i ON i.id = v."indicatorId"
      WHERE (v.year, v.month) IN (${periodList})
        AND r.status::text IN (${Prisma.join(statuses)})
        AND i.id IN (${Prisma.join(indicators.map((i) => i.id))})
      GROUP BY t.child, i.code, v.year, v.month`,
    // Last year's YTD of the enterprises that are 规上 in the period compared (this year, and last month).
    db.$queryRaw<Row[]>`${tree},
      periods(y, m) AS (VALUES (${year}::int, ${month}::int), (${prev.year}::int, ${prev.month}::int))
      SELECT t.child, ${COMPARABLE.townIndicator} AS code, p.y AS year, p.m AS month, SUM(ev.value)::text AS value
      FROM periods p
      CROSS JOIN tree t
      JOIN "Enterprise" e ON e."townId" = t.id
      JOIN LATERAL (
        SELECT c."aboveScale" FROM "EnterpriseScaleChange" c
        WHERE c."enterpriseId" = e.id AND (c.year, c.month) <= (p.y, p.m)
        ORDER BY c.year DESC, c.month DESC LIMIT 1
      ) s ON s."aboveScale"
      JOIN "EnterpriseValue" ev ON ev."enterpriseId" = e.id AND ev.year = p.y - 1 AND ev.month = p.m
      JOIN "Indicator" i ON i.id = ev."indicatorId" AND i.code = ${COMPARABLE.enterpriseIndicator}
      GROUP BY t.child, p.y, p.m`,
    db.annualPlan.findMany({
      where: { year, regionId: { in: [region.id, ...childIds] }, indicatorId: { in: indicators.map((i) => i.id) } },
      select: { regionId: true, indicatorId: true, value: true },
    }),
  ]);

  const key = (child: number, code: string, y: number, m: number) => `${child}|${code}|${y}|${m}`;
  const valueMap = new Map(values.map((r) => [key(r.child, r.code, Number(r.year), Number(r.month)), new Decimal(r.value)]));
  const comparableMap = new Map(comparable.map((r) => [key(r.child, r.code, Number(r.year), Number(r.month)), new Decimal(r.value)]));
  const planMap = new Map(plans.map((p) => [`${p.regionId}|${p.indicatorId}`, new Decimal(p.value.toString())]));
  const get = (m: Map<string, Decimal>, k: string) => m.get(k) ?? null;

  const totals: Record<string, Cell> = {};
  const cellsByChild: Record<string, Cell>[] = children.map(() => ({}));
  for (const ind of indicators) {
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
    const { cells, total } = computeIndicatorCells(ind, month, figures, get(planMap, `${region.id}|${ind.id}`));
    totals[ind.code] = total;
    cells.forEach((cell, i) => (cellsByChild[i][ind.code] = cell));
  }

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
