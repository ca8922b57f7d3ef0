import { INDICATORS } from "@/lib/indicators/catalog";
import { runChecks, type CheckInput, type CheckResult, type IndicatorRule } from "@/lib/checks";

/*
 * The town monthly indicator set as the checks see it (not a test file itself).
 */

export const TOWN_RULES: IndicatorRule[] = INDICATORS.map((d) => ({
  code: d.code,
  name: d.name,
  unit: d.unit,
  kind: d.kind,
  allowNegative: d.allowNegative ?? false,
  integerOnly: d.integerOnly ?? false,
  precision: d.precision,
}));

/** runChecks for July with the standard set; override any part. */
export function check(values: CheckInput["values"], rest: Partial<CheckInput> = {}): CheckResult {
  return runChecks({ month: 7, indicators: TOWN_RULES, values, previousYtd: {}, lastYear: {}, plans: {}, ...rest });
}

/** "rule@indicator" for every issue, for compact assertions. */
export function fired(issues: CheckResult["errors"]): string[] {
  return issues.map((i) => `${i.rule}@${i.indicator}`);
}

export function withRule(code: string, patch: Partial<IndicatorRule>): IndicatorRule[] {
  return TOWN_RULES.map((r) => (r.code === code ? { ...r, ...patch } : r));
}
