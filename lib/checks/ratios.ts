import { roundHalfUp, sharePercent, type Dec } from "@/lib/stats";
import { constant, type CheckContext } from "./context";
import { presentShareOf } from "@/lib/present/figure";
import { slipHint, thresholdText, valueText } from "./text";
import type { Issue, VerificationRule } from "./types";

/*
 * Ratios between indicators of one report that hold for almost every industrial economy.
 * Outside the band a figure needs a 说明; far outside it (SLIP_FACTOR beyond) it is most likely
 * typed in the wrong unit, as with 18.83万元 of sales beside 19.1亿元 of output.
 */

/** 产销率: sales revenue / gross output. */
export const SALES_OUTPUT_RATIO = { min: "0.5", max: "1.5" } as const;
/** 增加值率: value added / gross output. */
export const VALUE_ADDED_RATIO = { min: "0.1", max: "0.6" } as const;

const SLIP_FACTOR = 10;

type RatioRule = {
  rule: VerificationRule;
  subject: string;
  base: string;
  band: { readonly min: string; readonly max: string };
};

const RATIO_RULES: readonly RatioRule[] = [
  { rule: "sales_output_ratio", subject: "sales_revenue", base: "gross_output", band: SALES_OUTPUT_RATIO },
  { rule: "value_added_ratio", subject: "value_added", base: "gross_output", band: VALUE_ADDED_RATIO },
];

export function ratioIssues(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  for (const r of RATIO_RULES) {
    const issue = ratioIssue(ctx, r);
    if (issue) out.push(issue);
  }
  return out;
}

function ratioIssue(ctx: CheckContext, r: RatioRule): Issue | null {
  const s = ctx.current(r.subject);
  const b = ctx.current(r.base);
  // A negative subject is already a logical error; a ratio of it says nothing more.
  if (s === null || b === null || b.lte(0) || s.isNeg()) return null;
  const exact = sharePercent(s, b);
  const shown = roundHalfUp(exact, 1);
  if (exact === null || shown === null) return null;
  const min = constant(r.band.min).times(100);
  const max = constant(r.band.max).times(100);
  if (shown.gte(min) && shown.lte(max)) return null;

  const sr = ctx.rule(r.subject);
  const br = ctx.rule(r.base);
  const low = shown.lt(min);
  // "不足…的0.1%" for a share that rounds to zero: never "0.0%".
  const share = presentShareOf(exact);
  const head =
    `${sr.name}（${valueText(s, sr)}）${share.below ? "不足" : low ? "仅为" : "是"}` +
    `${br.name}（${valueText(b, br)}）的${share.text}，`;
  const message = isSlip(exact, min, max)
    ? head + slipHint(sr.unit)
    : head + `${low ? "低于" : "高于"}${thresholdText(low ? min : max)}%，请核实并说明原因`;
  return { indicator: r.subject, related: r.base, rule: r.rule, message };
}

function isSlip(percent: Dec, min: Dec, max: Dec): boolean {
  return percent.times(SLIP_FACTOR).lt(min) || percent.gt(max.times(SLIP_FACTOR));
}
