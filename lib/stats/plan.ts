import { allDecimals, dec, finite, HUNDRED, type Dec, type Num } from "./decimal";

/** 完成年度计划 %: YTD / annual plan × 100; no value without a positive plan. */
export function planCompletionPercent(ytd: Num, plan: Num): Dec | null {
  const v = allDecimals(ytd, plan);
  if (v === null || v[1].lte(0)) return null;
  return finite(v[0].div(v[1]).times(HUNDRED));
}

/** 时序进度 %: month / 12 × 100 (7月 → 58.333…). Null for anything but a whole month 1..12. */
export function timeProgressPercent(month: number): Dec | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return dec(month).times(HUNDRED).div(12);
}

/**
 * 超(+)/落后(−)时序进度, in 个百分点: completion − time progress.
 * Both terms stay unrounded: 97.16 − 83.333… = 13.83 → 13.8, and rounding each first can move
 * the displayed gap by 0.1 (50.06 − 58.333… = −8.27 → −8.3, but 50.1 − 58.3 = −8.2).
 */
export function scheduleGapPoints(ytd: Num, plan: Num, month: number): Dec | null {
  const completion = planCompletionPercent(ytd, plan);
  const time = timeProgressPercent(month);
  if (completion === null || time === null) return null;
  return finite(completion.minus(time));
}
