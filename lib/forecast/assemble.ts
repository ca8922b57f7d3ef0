// A region's year-end forecasts from fetched figures (pure: no I/O). lib/forecast/query.ts fetches,
// lib/stats/forecast.ts computes; this file turns per-region YTD paths into the serialisable shape the
// API, the overview, the wall and the bulletin read. docs/decisions/015-seasonal-forecast.md
import {
  DEFAULT_RISK_THRESHOLD,
  forecastStatus,
  forecastYear,
  paceFromHistory,
  PACE_SOURCE_TEXT,
  timeProgressPercent,
  YEAR_PROBLEM_TEXT,
  type Dec,
  type ForecastStatus,
  type PaceSource,
  type YearPath,
} from "@/lib/stats";
import { reportedShareOfPlan } from "@/lib/overview/compute";

export type ForecastPace = {
  source: PaceSource;
  /** "本地历年进度" / "上级历年进度" / "时序进度（历年数据不足）" */
  label: string;
  years: number[];
  /** pace(N) and the smallest and largest past year's share by month N, in %. */
  percent: number | null;
  lowPercent: number | null;
  highPercent: number | null;
  /** Past years left out: "2024年：累计数出现回落（口径调整或数据修订）". */
  excluded: { year: number; reason: string }[];
};

/** One region's forecast. Money is decimal text (6 decimals at most), percentages unrounded numbers. */
export type RegionForecast = {
  region: { code: string; name: string; kind: string };
  ytd: string | null;
  plan: string | null;
  pace: ForecastPace | null;
  value: string | null;
  low: string | null;
  high: string | null;
  completionPercent: number | null;
  completionLowPercent: number | null;
  completionHighPercent: number | null;
  /** plan − 预计全年 (万元 for money): > 0 short of the plan, < 0 ahead of it. */
  shortfall: string | null;
  /** 后N个月月均需完成: (plan − YTD) / months left; "0" once the plan is made. */
  monthlyNeed: string | null;
  remainingMonths: number;
  status: ForecastStatus;
  /** Why a figure is "—" (no forecast, or no completion), in Chinese. */
  reason: string | null;
};

export type ForecastIndicator = { code: string; name: string; unit: string; kind: "FLOW" | "STOCK"; precision: number; percentPrecision: number };

export type ForecastReport = {
  region: { code: string; name: string; level: "CITY" | "COUNTY" | "TOWN" };
  period: string;
  indicator: ForecastIndicator;
  /** 预警线 %: forecast completion below it puts a child on the at-risk list. */
  threshold: number;
  /** 时序进度 % (month / 12), for comparison. */
  timeProgressPercent: number;
  total: RegionForecast;
  children: RegionForecast[];
  /** Children below the 预警线, worst first. */
  atRisk: RegionForecast[];
  /** Children forecast to make 100% or more, best first. */
  ahead: RegionForecast[];
};

/** Per region: YTD by year and month (1..12), decimal text; a month absent = not reported (counted). */
export type Figures = Map<number, Map<number, string>>;

export type ForecastInputs = {
  region: ForecastReport["region"];
  year: number;
  month: number;
  indicator: ForecastIndicator;
  threshold?: number;
  /** The region's own figures (the parent pace's source), then each child's with its plan. */
  own: { figures: Figures; plan: string | null };
  children: { region: RegionForecast["region"]; figures: Figures; plan: string | null }[];
};

const money = (d: Dec | null) => (d === null ? null : d.toDecimalPlaces(6).toFixed());
const num = (d: Dec | null) => (d === null ? null : d.toNumber());

/** The past years (before `year`) of a region as YTD paths, months 1..12. */
export function pastYears(figures: Figures, year: number): YearPath[] {
  return [...figures.entries()]
    .filter(([y]) => y < year)
    .map(([y, months]) => ({ year: y, ytd: Array.from({ length: 12 }, (_, m) => months.get(m + 1) ?? null) }));
}

function forecastOne(
  inputs: ForecastInputs,
  region: RegionForecast["region"],
  figures: Figures,
  plan: string | null,
  parentPace: ReturnType<typeof paceFromHistory>["pace"],
): RegionForecast {
  const ytd = figures.get(inputs.year)?.get(inputs.month) ?? null;
  const f = forecastYear({ kind: inputs.indicator.kind, month: inputs.month, ytd, plan, history: pastYears(figures, inputs.year), parentPace });
  const m = inputs.month - 1;
  const percent = (d: Dec | undefined) => (d === undefined ? null : d.times(100).toNumber());
  return {
    region,
    ytd,
    plan,
    pace: f.pace && {
      source: f.pace.source,
      label: PACE_SOURCE_TEXT[f.pace.source],
      years: f.pace.years,
      percent: percent(f.pace.shares[m]),
      lowPercent: percent(f.pace.low[m]),
      highPercent: percent(f.pace.high[m]),
      excluded: f.pace.excluded.map((e) => ({ year: e.year, reason: `${e.year}年：${YEAR_PROBLEM_TEXT[e.problem]}` })),
    },
    value: money(f.value),
    low: money(f.low),
    high: money(f.high),
    completionPercent: num(f.completion),
    completionLowPercent: num(f.completionLow),
    completionHighPercent: num(f.completionHigh),
    shortfall: money(f.shortfall),
    monthlyNeed: money(f.monthlyNeed),
    remainingMonths: f.remainingMonths,
    status: forecastStatus(f.completion, inputs.threshold ?? DEFAULT_RISK_THRESHOLD),
    reason: f.reason,
  };
}

/**
 * The plan the total's forecast is measured against. Its figures are the counted children's only, so
 * while some children with a plan have no figure for the period, it is the part of the plan those that
 * do carry — the overview's like-for-like rule (decision 004), so both say the same 完成年计划.
 */
function totalPlan(inputs: ForecastInputs): string | null {
  const reported = inputs.children.map((c) => (c.figures.get(inputs.year)?.get(inputs.month) ?? null) !== null);
  const share = reportedShareOfPlan(inputs.children, reported, inputs.own.plan);
  return share === null ? inputs.own.plan : share.toFixed();
}

export function assembleForecast(inputs: ForecastInputs): ForecastReport {
  const threshold = inputs.threshold ?? DEFAULT_RISK_THRESHOLD;
  const parentPace = paceFromHistory(pastYears(inputs.own.figures, inputs.year), "parent").pace;
  const total = forecastOne(inputs, { code: inputs.region.code, name: inputs.region.name, kind: "" }, inputs.own.figures, totalPlan(inputs), null);
  const children = inputs.children.map((c) => forecastOne(inputs, c.region, c.figures, c.plan, parentPace));
  const byCompletion = (a: RegionForecast, b: RegionForecast) => (a.completionPercent ?? 0) - (b.completionPercent ?? 0);
  return {
    region: inputs.region,
    period: `${inputs.year}-${String(inputs.month).padStart(2, "0")}`,
    indicator: inputs.indicator,
    threshold,
    timeProgressPercent: timeProgressPercent(inputs.month)?.toNumber() ?? 0,
    total,
    children,
    atRisk: children.filter((c) => c.status === "at_risk").sort(byCompletion),
    ahead: children.filter((c) => c.status === "ahead").sort((a, b) => byCompletion(b, a)),
  };
}
