import type { CheckContext } from "./context";
import type { CheckResult, Issue } from "./types";
import { findUnitSlips, unitSlipIssue } from "./unit-slip";

/*
 * One finding per cause (decision 018). A unit slip on a figure explains every finding that reads
 * that figure — its own 同比, magnitude and plan findings, the ratios and pairs that name it as
 * subject or as the related figure (利润 above a 销售收入 typed in 亿元) — so those are replaced by
 * the one slip finding. It is an error when one of the findings it replaced was (submitting stays
 * refused exactly when it was), else a warning that needs a 说明 like any other.
 */

const involves = (issue: Issue, code: string) => issue.indicator === code || issue.related === code;

export function attributeCauses(ctx: CheckContext, found: CheckResult): CheckResult {
  let { errors, warnings } = found;
  const causeErrors: Issue[] = [];
  const causeWarnings: Issue[] = [];
  for (const slip of findUnitSlips(ctx)) {
    const blocking = errors.some((i) => involves(i, slip.code));
    errors = errors.filter((i) => !involves(i, slip.code));
    warnings = warnings.filter((i) => !involves(i, slip.code));
    (blocking ? causeErrors : causeWarnings).push(unitSlipIssue(ctx, slip));
  }
  return { errors: [...causeErrors, ...errors], warnings: [...causeWarnings, ...warnings] };
}
