import "server-only";
// Everything the wall screen shows for one county, for the latest period with counted reports,
// assembled from the same overview query as the dashboards and formatted here so
// the browser only places strings (and draws the chart from plain numbers).
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cell } from "@/lib/overview/compute";
import { getRegionOverview, type OverviewIndicator } from "@/lib/overview/query";
import type { RegionRef } from "@/lib/regions";
import { countedStatuses } from "@/lib/reports/periods";
import { formatGrowth, formatNumber, formatPercent, formatPeriodKey, formatPeriodRange, formatScheduleGap, formatSigned, formatYi, toDecimal, type Period } from "@/lib/stats";
import { getWallTrend } from "./trend";
import type { Tone, WallData, WallKpi, WallRankRow } from "./types";
import { toneOf } from "./tone";
import { listMajorProjects, listParks } from "./wall-registry";

/** The big numbers, in order; the first one carries the plan bar. */
export const WALL_KPI_CODES = ["gross_output", "above_scale_output", "profit_tax", "industrial_investment"] as const;
const RANKED = "gross_output";

/** The newest period in which some town of the county has a report the dashboards count. */
export async function latestCountedPeriod(countyId: number): Promise<Period | null> {
  const statuses = await countedStatuses(countyId);
  const rows = await getPrisma().$queryRaw<{ year: number; month: number }[]>`
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM "Region" WHERE "parentId" = ${countyId}
      UNION ALL SELECT r.id FROM "Region" r JOIN sub ON r."parentId" = sub.id
    )
    SELECT t.year, t.month FROM "TownReport" t
    WHERE t."regionId" IN (SELECT id FROM sub) AND t.status::text IN (${Prisma.join(statuses)})
    ORDER BY t.year DESC, t.month DESC LIMIT 1`;
  return rows[0] ? { year: Number(rows[0].year), month: Number(rows[0].month) } : null;
}

const LOSS_TONES: Record<NonNullable<Cell["lossChange"]>, Tone> = { 扭亏为盈: "up", 减亏: "up", 增亏: "down", 持平: "flat" };

function growthOf(cell: Cell, digits: number): { growth: string; tone: Tone } {
  if (cell.lossChange) return { growth: cell.lossChange, tone: LOSS_TONES[cell.lossChange] };
  return { growth: formatGrowth(cell.yoyPercent, digits), tone: toneOf(cell.yoyPercent, digits) };
}

function kpiOf(ind: OverviewIndicator, cell: Cell, timeProgress: number | null): WallKpi {
  const money = ind.unit === "万元";
  const hasPlan = cell.planCompletionPercent !== null;
  return {
    code: ind.code,
    name: ind.name,
    value: money ? formatYi(cell.value) : formatNumber(cell.value, ind.precision),
    unit: money ? "亿元" : ind.unit,
    ...growthOf(cell, ind.percentPrecision),
    plan: hasPlan
      ? {
          completion: formatPercent(cell.planCompletionPercent, ind.percentPrecision),
          completionPercent: cell.planCompletionPercent,
          timeProgress: formatPercent(timeProgress, 1),
          timeProgressPercent: timeProgress,
          gap: formatScheduleGap(cell.scheduleGapPoints),
          tone: toneOf(cell.scheduleGapPoints),
        }
      : null,
  };
}

type Child = { region: { code: string; name: string }; values: Record<string, Cell> };

function rankRows(children: Child[], ind: OverviewIndicator, by: "total" | "growth"): WallRankRow[] {
  const rows = children.map(({ region, values }) => {
    const cell = values[ind.code];
    const rank = by === "total" ? cell.rank : cell.growthRank;
    const magnitude = by === "total" ? toDecimal(cell.value) : toDecimal(cell.yoyPercent)?.abs();
    const text = by === "total" ? formatYi(cell.value) : (cell.lossChange ?? withPercent(formatSigned(cell.yoyPercent, ind.percentPrecision)));
    return {
      code: region.code,
      name: region.name,
      rank,
      value: text,
      tone: by === "total" ? ("none" as Tone) : toneOf(cell.yoyPercent, ind.percentPrecision),
      change: by === "total" ? cell.rankChange : cell.growthRankChange,
      magnitude: magnitude ?? null,
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
  const max = rows.reduce((m, r) => (r.magnitude && r.magnitude.gt(m) ? r.magnitude.toNumber() : m), 0);
  return rows.map(({ magnitude, ...r }) => ({ ...r, bar: magnitude && max > 0 ? Math.round((magnitude.toNumber() / max) * 1000) / 10 : 0 }));
}

const withPercent = (s: string) => (s === "—" ? s : `${s}%`);

async function trendOf(countyId: number, period: Period) {
  const indicator = await getPrisma().indicator.findUnique({ where: { code: RANKED }, select: { id: true } });
  return indicator ? getWallTrend(countyId, indicator.id, period) : { rows: [], partial: null };
}

export async function getWallData(county: RegionRef, now = new Date()): Promise<WallData> {
  const base = { county: { code: county.code, name: county.name }, generatedAt: now.toISOString() };
  const period = await latestCountedPeriod(county.id);
  if (!period) return { status: "empty", ...base };
  const { year, month } = period;
  const overview = await getRegionOverview(county, year, month, [...WALL_KPI_CODES]);
  const [trend, projects, parks] = await Promise.all([trendOf(county.id, period), listMajorProjects(county.id, period), listParks(county.id, period)]);
  const byCode = new Map(overview.indicators.map((i) => [i.code, i]));
  const kpis = WALL_KPI_CODES.flatMap((code) => {
    const ind = byCode.get(code);
    return ind ? [kpiOf(ind, overview.totals[code], overview.timeProgressPercent)] : [];
  });
  const ranked = byCode.get(RANKED);
  return {
    status: "ok",
    ...base,
    period: { key: formatPeriodKey(period), label: formatPeriodRange(year, month), monthLabel: `${month}月` },
    reportedTowns: overview.children.filter((c) => c.values[RANKED]?.value != null).length,
    totalTowns: overview.children.length,
    kpis,
    rankings: {
      indicator: ranked?.name ?? "工业总产值",
      total: ranked ? rankRows(overview.children, ranked, "total") : [],
      growth: ranked ? rankRows(overview.children, ranked, "growth") : [],
    },
    trend: { year, lastYear: year - 1, ...trend },
    projects,
    parks,
  };
}
