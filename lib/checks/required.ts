// 必填指标: the county marks which indicators every town report must fill (Region.requiredIndicators);
// an empty report is never submittable, whatever the county says. Pure: the form shows the same
// list while typing that the server refuses a submit with.
import type { Figures, IndicatorRule } from "./types";

export type RequiredGap = {
  /** Required indicators without a figure, in form order. */
  missing: { code: string; name: string }[];
  /** No figure at all. */
  empty: boolean;
};

const filled = (values: Figures, code: string) => {
  const v = values[code];
  return v !== undefined && v !== null && String(v).trim() !== "";
};

export function requiredGap(indicators: readonly Pick<IndicatorRule, "code" | "name">[], values: Figures, required: readonly string[]): RequiredGap {
  const wanted = new Set(required);
  return {
    missing: indicators.filter((i) => wanted.has(i.code) && !filled(values, i.code)).map((i) => ({ code: i.code, name: i.name })),
    empty: !indicators.some((i) => filled(values, i.code)),
  };
}

export const isIncomplete = (gap: RequiredGap) => gap.empty || gap.missing.length > 0;

/** "尚未填写：工业总产值、销售收入（营业收入）", "尚未填写任何指标", or null when complete. */
export function requiredGapText(gap: RequiredGap): string | null {
  if (gap.missing.length > 0) return `尚未填写：${gap.missing.map((m) => m.name).join("、")}`;
  if (gap.empty) return "尚未填写任何指标";
  return null;
}
