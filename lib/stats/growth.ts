import { allDecimals, dec, finite, HUNDRED, type Dec, type Num } from "./decimal";

/**
 * 同比增长 %: (current − base) / base × 100, unrounded.
 * No value when the base is 0 (would be ∞) or negative: a percentage on a loss base misleads,
 * so callers show `lossChange` words instead.
 */
export function yoyPercent(current: Num, base: Num): Dec | null {
  const v = allDecimals(current, base);
  if (v === null) return null;
  const [c, b] = v;
  if (b.lte(0)) return null;
  return finite(c.minus(b).div(b).times(HUNDRED));
}

/**
 * Words for a negative (loss) base, per DOMAIN.md.
 * "持平" is our addition for an unchanged loss: neither 减亏 nor 增亏 is true, and showing nothing
 * would leave a blank where the user expects a verdict.
 */
export type LossChange = "扭亏为盈" | "减亏" | "增亏" | "持平";

/** Null unless the base is a loss (base < 0) and the current value is known. */
export function lossChange(current: Num, base: Num): LossChange | null {
  const v = allDecimals(current, base);
  if (v === null) return null;
  const [c, b] = v;
  if (b.gte(0)) return null;
  if (c.gte(0)) return "扭亏为盈";
  // Both are losses: compare their sizes. c and b are negative, so the larger value is the smaller loss.
  const cmp = c.cmp(b);
  if (cmp > 0) return "减亏";
  if (cmp < 0) return "增亏";
  return "持平";
}

/** 增量: current − base, in the indicator's own unit. */
export function increase(current: Num, base: Num): Dec | null {
  const v = allDecimals(current, base);
  return v === null ? null : finite(v[0].minus(v[1]));
}

/**
 * 年均增长 %: ((end / start)^(1/years) − 1) × 100.
 * Start must be positive (a ratio from 0 or a loss is meaningless) and end non-negative
 * (an even root of a negative ratio is not a real number).
 */
export function averageAnnualGrowthPercent(start: Num, end: Num, years: Num): Dec | null {
  const v = allDecimals(start, end, years);
  if (v === null) return null;
  const [s, e, n] = v;
  if (s.lte(0) || e.lt(0) || n.lte(0)) return null;
  const ratio = e.div(s);
  // pow overflows to Infinity for absurd inputs (tiny `years`); finite() turns that into null.
  const root = ratio.pow(dec(1).div(n));
  return finite(root.minus(1).times(HUNDRED));
}

