import { dec, finite, toDecimal, type Dec, type Num } from "./decimal";

/*
 * Reports are cumulative from January (1–N月累计); the single month (当月) is derived.
 * The identity 上月止累计 + 本月 = 本月止累计 must hold exactly, hence Decimal throughout.
 * The series is whatever periods were reported in order: where a county reports 1–2月 together,
 * the first element covers both months and is, like January, its own single-period value.
 */

/** 当月 from 累计: [ytd0, ytd1 − ytd0, ytd2 − ytd1, …]; null where either neighbour is missing. */
export function monthlyFromYtd(ytdSeries: readonly Num[]): (Dec | null)[] {
  const ytd = ytdSeries.map(toDecimal);
  return ytd.map((current, i) => {
    if (current === null) return null;
    if (i === 0) return current;
    const previous = ytd[i - 1];
    return previous == null ? null : finite(current.minus(previous));
  });
}

/**
 * 累计 from 当月: running sums. Once a month is missing every later total is unknown,
 * so the rest of the series is null rather than a silently short sum.
 */
export function ytdFromMonthly(monthly: readonly Num[]): (Dec | null)[] {
  let total: Dec | null = dec(0);
  return monthly.map((m) => {
    const value = toDecimal(m);
    total = total === null || value === null ? null : finite(total.plus(value));
    return total;
  });
}
