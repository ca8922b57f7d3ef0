import { allDecimals, dec, finite, HUNDRED, roundHalfUp, toDecimal, type Dec, type Num } from "./decimal";
import { choosePace, hasCompleteYear, type Pace, type YearPath } from "./pace";

/*
 * 预计全年 (year-end forecast): 1–N月累计 ÷ pace(N), with a band from the spread of the past years'
 * paces, 预计完成年计划 % and what the rest of the year needs. Pure and exact; every way a forecast
 * can be missing comes back as a Chinese reason, never as NaN or a wild number.
 */

/** Default 预警线: a forecast completion below this (%) puts a region on the at-risk list. */
export const DEFAULT_RISK_THRESHOLD = 95;

/**
 * Below this share of the year reached by month N (5%), a forecast divides by almost nothing and
 * swings wildly with one month's figure: no forecast.
 */
export const MIN_PACE_SHARE = dec("0.05");

export const FORECAST_REASONS = {
  stock: "存量指标（期末数）不作全年预计",
  month: "统计期无效",
  noValue: "本期无数据（未报送或未审核）",
  noHistory: "历史数据不足（无完整的往年数据，如新设乡镇）",
  earlyPace: "历年此时进度不足5%，暂不预计",
  noPlan: "未下达年计划",
  badPlan: "年计划为零或负数，不计算完成比例",
} as const;

/** at_risk: below the 预警线; watch: below 100% but above it; ahead: 100% or more; none: no completion. */
export type ForecastStatus = "at_risk" | "watch" | "ahead" | "none";

export type Forecast = {
  /** The pace used (source, years, excluded years), or null when no forecast was attempted. */
  pace: Pace | null;
  /** pace(N) and its spread, as shares (0..1). */
  paceAtMonth: Dec | null;
  /** 预计全年, and the band (null for the straight line, which has no spread). */
  value: Dec | null;
  low: Dec | null;
  high: Dec | null;
  /** 预计完成年计划 %, unrounded, and the band's. */
  completion: Dec | null;
  completionLow: Dec | null;
  completionHigh: Dec | null;
  /** plan − 预计全年: > 0 the amount the year will fall short by, < 0 the amount it will exceed the plan by. */
  shortfall: Dec | null;
  /** Months left after N (12 − N). */
  remainingMonths: number;
  /** (plan − YTD) / remaining months: what each month left must bring in to make the plan; 0 when made. */
  monthlyNeed: Dec | null;
  /** Why there is no forecast (value null), or, with a forecast, why there is no completion. */
  reason: string | null;
};

export type ForecastInput = {
  kind: "FLOW" | "STOCK";
  month: number;
  ytd: Num;
  plan: Num;
  /** The region's own past years (any order; at most the latest usable PACE_MAX_YEARS are used). */
  history: readonly YearPath[];
  /** The parent's pace (paceFromHistory of the parent's own years), the first fallback. */
  parentPace: Pace | null;
};

const empty = (month: number, reason: string, pace: Pace | null = null): Forecast => ({
  pace,
  paceAtMonth: null,
  value: null,
  low: null,
  high: null,
  completion: null,
  completionLow: null,
  completionHigh: null,
  shortfall: null,
  remainingMonths: Number.isInteger(month) && month >= 1 && month <= 12 ? 12 - month : 0,
  monthlyNeed: null,
  reason,
});

const percentOf = (value: Dec | null, plan: Dec) => (value === null ? null : finite(value.div(plan).times(HUNDRED)));
const over = (ytd: Dec, share: Dec) => finite(ytd.div(share));

export function forecastYear(input: ForecastInput): Forecast {
  const { month } = input;
  if (input.kind !== "FLOW") return empty(month, FORECAST_REASONS.stock);
  if (!Number.isInteger(month) || month < 1 || month > 12) return empty(month, FORECAST_REASONS.month);
  const ytd = toDecimal(input.ytd);
  if (ytd === null) return empty(month, FORECAST_REASONS.noValue);
  if (!hasCompleteYear(input.history)) return empty(month, FORECAST_REASONS.noHistory);
  const pace = choosePace(input.history, input.parentPace);
  const share = pace.shares[month - 1];
  if (share.lt(MIN_PACE_SHARE) || pace.low[month - 1].lte(0)) return empty(month, FORECAST_REASONS.earlyPace, pace);

  const value = over(ytd, share);
  // The straight line has no spread, so no band: a range of one point would claim a certainty it lacks.
  const banded = pace.source !== "straight";
  // Dividing by the largest past share gives the smallest year (for a positive YTD), and vice versa.
  const ends = banded ? [over(ytd, pace.high[month - 1]), over(ytd, pace.low[month - 1])] : [null, null];
  const low = ends[0] && ends[1] ? (ends[0].lte(ends[1]) ? ends[0] : ends[1]) : null;
  const high = ends[0] && ends[1] ? (ends[0].lte(ends[1]) ? ends[1] : ends[0]) : null;
  const base: Forecast = { ...empty(month, FORECAST_REASONS.noPlan, pace), paceAtMonth: share, value, low, high, reason: null };

  const plan = toDecimal(input.plan);
  if (plan === null) return { ...base, reason: FORECAST_REASONS.noPlan };
  if (plan.lte(0)) return { ...base, reason: FORECAST_REASONS.badPlan };
  const remaining = 12 - month;
  const needed = allDecimals(plan, ytd);
  const left = needed === null ? null : needed[0].minus(needed[1]);
  return {
    ...base,
    completion: percentOf(value, plan),
    completionLow: percentOf(low, plan),
    completionHigh: percentOf(high, plan),
    shortfall: value === null ? null : finite(plan.minus(value)),
    monthlyNeed: remaining === 0 || left === null ? null : left.lte(0) ? dec(0) : finite(left.div(remaining)),
  };
}

/**
 * at_risk / watch / ahead from the completion as the reader sees it (1 decimal): 94.96% reads 95.0%
 * and is not below a 95% line. A 预警线 above 100 is taken as 100 (below 100% is never "ahead").
 */
export function forecastStatus(completion: Num, threshold: Num = DEFAULT_RISK_THRESHOLD): ForecastStatus {
  const shown = roundHalfUp(completion, 1);
  if (shown === null) return "none";
  const t = toDecimal(threshold) ?? dec(DEFAULT_RISK_THRESHOLD);
  const line = t.gt(HUNDRED) ? HUNDRED : t;
  if (shown.lt(line)) return "at_risk";
  return shown.lt(HUNDRED) ? "watch" : "ahead";
}
