import { formatNumber, type Dec } from "@/lib/stats";
import { constant, type CheckContext, type ResolvedRule } from "./context";
import type { Issue } from "./types";

/*
 * 单位错误 (decision 018): a 万元 figure about 10⁴ off what the report's related figures or the town's
 * own history imply — a 亿元 figure typed into a 万元 box (168.3 for 168.3亿) or a 元 figure
 * (12,345,678 for 1,234.5678万). Evidence is weighed per figure:
 * - history: this period last year and, for a flow, last month's YTD. The figure "fits" a reference
 *   when it is within HISTORY_BAND of it, and is "off by f" when the figure × f is;
 * - relations: 销售收入, 增加值 and 规上产值 against 工业总产值, each with a wide plausible band. A
 *   relation speaks about a figure only when the other figure is trusted: it fits its own history, or
 *   neither has history and the figure is the relation's subject (the one the ratio check names).
 * A figure is a slip by f when some evidence says "off by f", none says "fits", and no evidence
 * points to another factor. Nothing is guessed without evidence.
 */

const FACTORS = [constant("10000"), constant("0.0001")] as const;
const HISTORY_BAND = { min: constant("0.2"), max: constant("5") };

type Relation = { subject: string; base: string; min: Dec; max: Dec };
const RELATIONS: readonly Relation[] = [
  { subject: "sales_revenue", base: "gross_output", min: constant("0.3"), max: constant("3") },
  { subject: "value_added", base: "gross_output", min: constant("0.05"), max: constant("1") },
  { subject: "above_scale_output", base: "gross_output", min: constant("0.05"), max: constant("1") },
];

type Verdict = { fits: boolean; factors: Dec[] };

const within = (x: Dec, min: Dec, max: Dec) => x.gte(min) && x.lte(max);

/** Fits / off by which factor, for value against a reference, in a band of value / reference. */
function weigh(value: Dec, ref: Dec | null, min: Dec, max: Dec): Verdict | null {
  if (ref === null || ref.isZero() || value.isZero() || value.isNeg() !== ref.isNeg()) return null;
  const ratio = value.div(ref);
  if (within(ratio, min, max)) return { fits: true, factors: [] };
  return { fits: false, factors: FACTORS.filter((f) => within(ratio.times(f), min, max)) };
}

function historyVerdicts(ctx: CheckContext, rule: ResolvedRule, value: Dec): Verdict[] {
  const refs = [ctx.lastYear(rule.code), rule.kind === "FLOW" ? ctx.previous(rule.code) : null];
  return refs.map((ref) => weigh(value, ref, HISTORY_BAND.min, HISTORY_BAND.max)).filter((v): v is Verdict => v !== null);
}

const isMoney = (rule: ResolvedRule) => rule.unit === "万元";

export type UnitSlip = { code: string; factor: Dec; value: Dec; corrected: Dec };

export function findUnitSlips(ctx: CheckContext): UnitSlip[] {
  const history = new Map<string, Verdict[]>();
  for (const rule of ctx.rules) {
    const value = ctx.current(rule.code);
    if (value !== null && isMoney(rule)) history.set(rule.code, historyVerdicts(ctx, rule, value));
  }
  const fitsHistory = (code: string) => (history.get(code) ?? []).some((v) => v.fits);
  const hasHistory = (code: string) => (history.get(code) ?? []).length > 0;

  const slips: UnitSlip[] = [];
  for (const rule of ctx.rules) {
    const value = ctx.current(rule.code);
    const own = history.get(rule.code);
    if (value === null || own === undefined) continue;
    const verdicts = [...own];
    for (const rel of RELATIONS) {
      const isSubject = rel.subject === rule.code;
      if (!isSubject && rel.base !== rule.code) continue;
      const other = isSubject ? rel.base : rel.subject;
      const trusted = fitsHistory(other) || (isSubject && !hasHistory(other) && !hasHistory(rule.code));
      const otherValue = ctx.current(other);
      if (!trusted || otherValue === null) continue;
      // As the base, the figure is judged by other / figure, so the factor's inverse is what it is off by.
      const v = isSubject ? weigh(value, otherValue, rel.min, rel.max) : weigh(otherValue, value, rel.min, rel.max);
      if (v) verdicts.push(isSubject ? v : { fits: v.fits, factors: v.factors.map((f) => constant(1).div(f)) });
    }
    if (verdicts.some((v) => v.fits)) continue;
    const factors = verdicts.flatMap((v) => v.factors);
    const first = factors[0];
    if (first === undefined || !factors.every((f) => f.eq(first))) continue;
    slips.push({ code: rule.code, factor: first, value, corrected: value.times(first) });
  }
  return slips;
}

/** Shown with the digits it has (168.3 → "168.3", 1683000 → "1,683,000"). */
const asTyped = (d: Dec) => formatNumber(d, Math.min(d.decimalPlaces(), 8));

/** "销售收入168.3万元，是否应为168.3亿元（1,683,000万元）？" with the button "改为168.3亿元". */
export function unitSlipIssue(ctx: CheckContext, slip: UnitSlip): Issue {
  const rule = ctx.rule(slip.code);
  const typed = `${rule.name}${asTyped(slip.value)}万元`;
  const value = slip.corrected.toString();
  if (slip.factor.gt(1)) {
    const yi = `${asTyped(slip.value)}亿元`;
    return {
      indicator: slip.code,
      rule: "unit_slip",
      message: `${typed}，是否应为${yi}（${asTyped(slip.corrected)}万元）？`,
      fix: { value, label: `改为${yi}` },
    };
  }
  const wan = `${asTyped(slip.corrected)}万元`;
  return {
    indicator: slip.code,
    rule: "unit_slip",
    message: `${typed}，是否按元填写了？应为${wan}（${asTyped(slip.value)}元）`,
    fix: { value, label: `改为${wan}` },
  };
}
