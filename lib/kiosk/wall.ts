import "server-only";
// Everything the wall screen shows for one county, for its default period (approved figures only),
// assembled from the same overview query as the dashboards and formatted here so
// the browser only places strings (and draws the chart from plain numbers).
import { getPrisma } from "@/lib/db/client";
import type { ForecastReport, RegionForecast } from "@/lib/forecast/assemble";
import { getForecastFor } from "@/lib/forecast/query";
import { forecastSentence, presentForecast } from "@/lib/present/forecast";
import type { Cell } from "@/lib/overview/compute";
import { getRegionOverview, type OverviewIndicator } from "@/lib/overview/query";
import { getPeerStanding } from "@/lib/peers/query";
import type { PeerStanding } from "@/lib/peers/standing";
import { peerHeadline } from "@/lib/peers/text";
import type { RegionRef } from "@/lib/regions";
import { defaultPeriod } from "@/lib/reports/default-period";
import { growthScopeNote, presentCell } from "@/lib/present/figure";
import { formatPercent, formatPeriodKey, formatPeriodRange, toDecimal, type Period } from "@/lib/stats";
import { getWallTrend } from "./trend";
import type { Tone, WallData, WallForecast, WallKpi, WallPeers, WallRankRow } from "./types";
import { listMajorProjects, listParks } from "./wall-registry";

/** The big numbers, in order; the first one carries the plan bar. */
export const WALL_KPI_CODES = ["gross_output", "above_scale_output", "profit_tax", "industrial_investment"] as const;
const RANKED = "gross_output";


function kpiOf(ind: OverviewIndicator, cell: Cell, timeProgress: number | null): WallKpi {
  const shown = presentCell(cell, ind, "yi");
  const hasPlan = cell.planCompletionPercent !== null;
  return {
    code: ind.code,
    name: ind.name,
    value: shown.text,
    unit: shown.unit,
    growth: shown.growth.words,
    tone: shown.growth.tone,
    plan: hasPlan
      ? {
          completion: shown.plan.completion,
          completionPercent: cell.planCompletionPercent,
          timeProgress: formatPercent(timeProgress, 1),
          timeProgressPercent: timeProgress,
          gap: shown.plan.gap,
          tone: shown.plan.gapTone,
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
    const shown = presentCell(cell, ind, "yi");
    return {
      code: region.code,
      name: region.name,
      rank,
      value: by === "total" ? shown.text : shown.growth.signed,
      tone: by === "total" ? ("none" as Tone) : shown.growth.tone,
      change: by === "total" ? cell.rankChange : cell.growthRankChange,
      magnitude: magnitude ?? null,
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
  const max = rows.reduce((m, r) => (r.magnitude && r.magnitude.gt(m) ? r.magnitude.toNumber() : m), 0);
  return rows.map(({ magnitude, ...r }) => ({ ...r, bar: magnitude && max > 0 ? Math.round((magnitude.toNumber() / max) * 1000) / 10 : 0 }));
}

/** The wall's forecast panel, every figure through the presenter (亿元 for the county, 万元 for a town's gap). */
function wallForecast(report: ForecastReport | null): WallForecast | null {
  if (!report || report.indicator.kind !== "FLOW") return null;
  const ind = report.indicator;
  const row = (f: RegionForecast) => {
    const t = presentForecast(f, ind);
    return { code: f.region.code, name: f.region.name, completion: t.completion, gap: t.gap, need: t.need };
  };
  return {
    indicator: ind.name,
    sentence: forecastSentence(report.total, ind),
    range: presentForecast(report.total, ind, "yi").range,
    threshold: String(report.threshold),
    atRisk: report.atRisk.map(row),
    ahead: report.ahead.map(row),
  };
}

/** The wall's 全市位次: the counties by total, the county's own row marked; null without a place to show. */
function wallPeers(s: PeerStanding | null): WallPeers | null {
  if (!s?.hasFigures || s.partial) return null;
  const lead = s.indicators[0].indicator;
  const children = s.counties.map((c) => ({ region: { code: c.code, name: c.name }, values: c.cells }));
  const growth = new Map(s.counties.map((c) => [c.code, presentCell(c.cells[lead.code], lead, "yi").growth]));
  return {
    city: s.city.name,
    indicator: lead.name,
    sentence: peerHeadline(s)!,
    rows: rankRows(children, lead, "total").map((r) => ({ ...r, own: r.code === s.county.code, growth: growth.get(r.code)!.signed, growthTone: growth.get(r.code)!.tone })),
  };
}

async function trendOf(countyId: number, period: Period) {
  const indicator = await getPrisma().indicator.findUnique({ where: { code: RANKED }, select: { id: true, kind: true } });
  return indicator ? getWallTrend(countyId, indicator, period) : { rows: [], partial: null };
}

export async function getWallData(county: RegionRef, now = new Date()): Promise<WallData> {
  const base = { county: { code: county.code, name: county.name }, generatedAt: now.toISOString() };
  const period = await defaultPeriod(county.id, undefined, now);
  if (!period) return { status: "empty", ...base };
  const { year, month } = period;
  const overview = await getRegionOverview(county, year, month, [...WALL_KPI_CODES]);
  const [trend, projects, parks, forecast, peers] = await Promise.all([
    trendOf(county.id, period),
    listMajorProjects(county.id, period),
    listParks(county.id, period),
    getForecastFor(county, year, month, RANKED),
    getPeerStanding(county, period),
  ]);
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
    growthScope: growthScopeNote([...new Set(kpis.flatMap((k) => overview.growthExcluded[k.code] ?? []))]),
    kpis,
    rankings: {
      indicator: ranked?.name ?? "工业总产值",
      total: ranked ? rankRows(overview.children, ranked, "total") : [],
      growth: ranked ? rankRows(overview.children, ranked, "growth") : [],
    },
    trend: { year, lastYear: year - 1, ...trend },
    projects,
    parks,
    forecast: wallForecast(forecast),
    peers: wallPeers(peers),
  };
}
