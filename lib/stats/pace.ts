import { dec, finite, toDecimal, type Dec, type Num } from "./decimal";

/*
 * 历年进度 (seasonal pace): the share of a full year's total a region has normally reached by the end
 * of each month, from its own past complete years. Pure and exact; docs/decisions/015-seasonal-forecast.md
 * says why the median, why these fallbacks and where the band comes from.
 */

/** At most this many of the latest usable years make a pace (older years describe another economy). */
export const PACE_MAX_YEARS = 5;
/** A region needs this many usable years for a pace of its own; one year is one year's accidents. */
export const PACE_MIN_YEARS = 2;

/** Why a past year is left out of a pace. */
export type YearProblem = "incomplete" | "nonpositive" | "restated";

export const YEAR_PROBLEM_TEXT: Record<YearProblem, string> = {
  incomplete: "缺少月份数据",
  nonpositive: "全年累计为零或负数",
  restated: "累计数出现回落（口径调整或数据修订）",
};

/** One past year's 1–N月累计 figures: `ytd[0]` is 1月, `ytd[11]` is 1–12月; null/undefined = not reported. */
export type YearPath = { year: number; ytd: readonly Num[] };

/**
 * Where a pace came from: the region's own years, its parent's (the county's for a town), or the
 * straight line month / 12 (时序进度) when neither has enough history.
 */
export type PaceSource = "own" | "parent" | "straight";

export const PACE_SOURCE_TEXT: Record<PaceSource, string> = {
  own: "本地历年进度",
  parent: "上级历年进度",
  straight: "时序进度（历年数据不足）",
};

export type Pace = {
  source: PaceSource;
  /** The years the pace was computed from, oldest first (empty for the straight line). */
  years: number[];
  /** Cumulative share reached by the end of month 1..12 (index 0..11): the per-month median. Ends at exactly 1. */
  shares: Dec[];
  /** Per month the smallest and largest share among `years`: the spread the band is drawn from. */
  low: Dec[];
  high: Dec[];
  /** Past years of the region that were not used, and why. */
  excluded: { year: number; problem: YearProblem }[];
};

const ONE = dec(1);
const MONTHS = 12;

/**
 * A complete year's cumulative shares ytd(m) / ytd(12), or why the year cannot give them: a month
 * missing, a full year ≤ 0 (no share of nothing), or a YTD below the month before (a restated
 * year: its early months and its total describe different scopes).
 */
export function yearShares(ytd: readonly Num[]): { shares: Dec[] } | { problem: YearProblem } {
  if (ytd.length !== MONTHS) return { problem: "incomplete" };
  const values: Dec[] = [];
  for (const x of ytd) {
    const d = toDecimal(x);
    if (d === null) return { problem: "incomplete" };
    values.push(d);
  }
  const total = values[MONTHS - 1];
  if (total.lte(0)) return { problem: "nonpositive" };
  for (let m = 0; m < MONTHS; m++) {
    if (values[m].lt(m === 0 ? 0 : values[m - 1])) return { problem: "restated" };
  }
  const shares = values.map((v, m) => (m === MONTHS - 1 ? ONE : finite(v.div(total)) ?? dec(0)));
  return { shares };
}

/** A region has history when at least one past year was reported in all 12 months (usable or not). */
export function hasCompleteYear(history: readonly YearPath[]): boolean {
  return history.some((y) => y.ytd.length === MONTHS && y.ytd.every((x) => toDecimal(x) !== null));
}

/** Median of decimals (the mean of the middle two for an even count). */
function median(xs: Dec[]): Dec {
  const sorted = [...xs].sort((a, b) => a.cmp(b));
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].plus(sorted[mid]).div(2);
}

/**
 * The pace of the latest PACE_MAX_YEARS usable years of `history`, or null with fewer than
 * PACE_MIN_YEARS of them. `excluded` lists the unusable years either way.
 */
export function paceFromHistory(history: readonly YearPath[], source: "own" | "parent" = "own"): { pace: Pace | null; excluded: Pace["excluded"] } {
  const usable: { year: number; shares: Dec[] }[] = [];
  const excluded: Pace["excluded"] = [];
  for (const y of [...history].sort((a, b) => a.year - b.year)) {
    const r = yearShares(y.ytd);
    if ("problem" in r) excluded.push({ year: y.year, problem: r.problem });
    else usable.push({ year: y.year, shares: r.shares });
  }
  const used = usable.slice(-PACE_MAX_YEARS);
  if (used.length < PACE_MIN_YEARS) return { pace: null, excluded };
  const at = (m: number) => used.map((u) => u.shares[m]);
  const range = Array.from({ length: MONTHS }, (_, m) => m);
  return {
    pace: {
      source,
      years: used.map((u) => u.year),
      // Medians of non-decreasing paths are non-decreasing, and every path ends at 1: so does the pace.
      shares: range.map((m) => median(at(m))),
      low: range.map((m) => at(m).reduce((a, b) => (b.lt(a) ? b : a))),
      high: range.map((m) => at(m).reduce((a, b) => (b.gt(a) ? b : a))),
      excluded,
    },
    excluded,
  };
}

/** 时序进度 as a pace: month / 12, no spread. */
export function straightPace(excluded: Pace["excluded"] = []): Pace {
  const shares = Array.from({ length: MONTHS }, (_, m) => dec(m + 1).div(MONTHS));
  return { source: "straight", years: [], shares, low: shares, high: shares, excluded };
}

/**
 * The pace a region's forecast uses: its own when it has PACE_MIN_YEARS usable years, else its
 * parent's (already computed from the parent's own history), else the straight line.
 */
export function choosePace(own: readonly YearPath[], parent: Pace | null): Pace {
  const { pace, excluded } = paceFromHistory(own, "own");
  if (pace) return pace;
  if (parent && parent.source !== "straight") return { ...parent, source: "parent", excluded };
  return straightPace(excluded);
}
