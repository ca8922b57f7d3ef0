import { attributeCauses } from "./causes";
import { createContext } from "./context";
import { logicalIssues } from "./logical";
import type { CheckInput, CheckResult } from "./types";
import { verificationIssues } from "./verification";

/**
 * 审核: the logical (errors) and verification (warnings) checks of DOMAIN.md for one report —
 * a town's monthly figures or one enterprise's. Pure and exact (decimal, via lib/stats): the same
 * code flags figures in the browser while typing and refuses a submit on the server.
 */
export function runChecks(input: CheckInput): CheckResult {
  const ctx = createContext(input);
  return attributeCauses(ctx, { errors: logicalIssues(ctx), warnings: verificationIssues(ctx) });
}

export { missingExplanations } from "./explanations";
export { isIncomplete, requiredGap, requiredGapText, type RequiredGap } from "./required";
export { checkRulesLabel } from "./labels";
export { SALES_OUTPUT_RATIO, VALUE_ADDED_RATIO } from "./ratios";
export {
  DEFAULT_MAGNITUDE_WARN_RATIO,
  DEFAULT_PLAN_WARN_PERCENT,
  DEFAULT_YOY_WARN_PERCENT,
} from "./context";
export {
  CAUSE_RULES,
  LOGICAL_RULES,
  VERIFICATION_RULES,
  type CheckInput,
  type CheckResult,
  type CheckRule,
  type Figures,
  type IndicatorRule,
  type Issue,
  type IssueFix,
  type LogicalRule,
  type VerificationRule,
} from "./types";
