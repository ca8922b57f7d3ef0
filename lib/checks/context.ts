import { INDICATORS } from "@/lib/indicators/catalog";
import { toDecimal, type Dec, type Num } from "@/lib/stats";
import type { CheckInput, Figures, IndicatorRule } from "./types";

/*
 * The checks' view of one report: figures as Decimals (null when missing or unusable, so a rule
 * that needs them simply does not run) and each indicator's settings with defaults applied.
 */

export const DEFAULT_YOY_WARN_PERCENT = 50;
export const DEFAULT_PLAN_WARN_PERCENT = 150;
export const DEFAULT_MAGNITUDE_WARN_RATIO = 1000;

export type ResolvedRule = IndicatorRule & {
  yoyWarn: Dec;
  planWarn: Dec;
  magnitudeRatio: Dec;
};

export type CheckContext = {
  rules: readonly ResolvedRule[];
  /** Settings for a code the cross-indicator rules name, even if the caller did not list it. */
  rule(code: string): ResolvedRule;
  current(code: string): Dec | null;
  previous(code: string): Dec | null;
  lastYear(code: string): Dec | null;
  plan(code: string): Dec | null;
};

export function createContext(input: CheckInput): CheckContext {
  const rules = input.indicators.map(resolve);
  const byCode = new Map(rules.map((r) => [r.code, r]));
  // January has no earlier month in the year to compare with, whatever the caller passed.
  const previous = input.month === 1 ? {} : (input.previousYtd ?? {});
  return {
    rules,
    rule: (code) => byCode.get(code) ?? fallbackRule(code),
    current: (code) => figure(input.values, code),
    previous: (code) => figure(previous, code),
    lastYear: (code) => figure(input.lastYear ?? {}, code),
    plan: (code) => figure(input.plans ?? {}, code),
  };
}

function figure(figures: Figures, code: string): Dec | null {
  return Object.hasOwn(figures, code) ? toDecimal(figures[code]) : null;
}

function fallbackRule(code: string): ResolvedRule {
  const def = INDICATORS.find((d) => d.code === code);
  return resolve(def ?? { code, name: code, unit: "", kind: "FLOW", precision: 2 });
}

function resolve(rule: IndicatorRule): ResolvedRule {
  return {
    ...rule,
    name: rule.name.trim() === "" ? rule.code : rule.name,
    // A threshold that makes no sense (missing, negative, a ratio ≤ 1) falls back to the default
    // rather than flagging every figure or none.
    yoyWarn: setting(rule.yoyWarnPercent, DEFAULT_YOY_WARN_PERCENT, (d) => d.gte(0)),
    planWarn: setting(rule.planWarnPercent, DEFAULT_PLAN_WARN_PERCENT, (d) => d.gt(0)),
    magnitudeRatio: setting(rule.magnitudeWarnRatio, DEFAULT_MAGNITUDE_WARN_RATIO, (d) => d.gt(1)),
  };
}

function setting(value: Num, fallback: number, valid: (d: Dec) => boolean): Dec {
  const d = toDecimal(value);
  return d !== null && valid(d) ? d : constant(fallback);
}

/** A Decimal from a literal we control; toDecimal only returns null for non-finite input. */
export function constant(n: number | string): Dec {
  const d = toDecimal(n);
  if (d === null) throw new RangeError(`not a finite constant: ${n}`);
  return d;
}
