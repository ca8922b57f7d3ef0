import type { Dec } from "@/lib/stats";
import type { CheckContext, ResolvedRule } from "./context";
import { valueText } from "./text";
import type { Issue, LogicalRule } from "./types";

/*
 * 逻辑性审核 (errors): figures that cannot be true. Each rule runs only when every figure it
 * needs is present.
 */

export function logicalIssues(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const rule of ctx.rules) issues.push(...indicatorIssues(ctx, rule));
  for (const pair of PAIRS) {
    const issue = pairIssue(ctx, pair);
    if (issue) issues.push(issue);
  }
  return issues;
}

function indicatorIssues(ctx: CheckContext, rule: ResolvedRule): Issue[] {
  const value = ctx.current(rule.code);
  if (value === null) return [];
  const issue = (r: LogicalRule, message: string): Issue => ({ indicator: rule.code, rule: r, message });
  const shown = valueText(value, rule);
  const out: Issue[] = [];

  if (!rule.allowNegative && value.isNeg()) {
    out.push(issue("negative", `${rule.name}（${shown}）不能为负数`));
  }
  const previous = ctx.previous(rule.code);
  // A negative single month is impossible only for flows that cannot go down; stocks may fall.
  if (rule.kind === "FLOW" && !rule.allowNegative && previous !== null && value.lt(previous)) {
    out.push(
      issue(
        "ytd_decreased",
        `${rule.name}本月止累计（${shown}）小于上月止累计（${valueText(previous, rule)}），当月数为负，请核实`,
      ),
    );
  }
  if (rule.integerOnly && !value.isInteger()) {
    out.push(issue("fractional_count", `${rule.name}（${shown}）应为整数`));
  }
  return out;
}

type Pair = {
  rule: LogicalRule;
  /** The figure at fault, compared with `other`. */
  subject: string;
  other: string;
  fails: (subject: Dec, other: Dec) => boolean;
  relation: string;
  note?: string;
};

const PAIRS: readonly Pair[] = [
  {
    rule: "value_added_above_output",
    subject: "value_added",
    other: "gross_output",
    fails: (s, o) => s.gt(o),
    relation: "不能大于",
  },
  {
    rule: "above_scale_above_output",
    subject: "above_scale_output",
    other: "gross_output",
    fails: (s, o) => s.gt(o),
    relation: "不能大于",
  },
  {
    rule: "profit_above_sales",
    subject: "profit",
    other: "sales_revenue",
    fails: (s, o) => s.gt(o),
    relation: "不能大于",
  },
  {
    rule: "profit_tax_below_profit",
    subject: "profit_tax",
    other: "profit",
    fails: (s, o) => s.lt(o),
    relation: "不能小于",
    note: "（利税 = 利润 + 税金，税金不为负）",
  },
];

function pairIssue(ctx: CheckContext, pair: Pair): Issue | null {
  const s = ctx.current(pair.subject);
  const o = ctx.current(pair.other);
  if (s === null || o === null || !pair.fails(s, o)) return null;
  const sr = ctx.rule(pair.subject);
  const or = ctx.rule(pair.other);
  return {
    indicator: pair.subject,
    related: pair.other,
    rule: pair.rule,
    message: `${sr.name}（${valueText(s, sr)}）${pair.relation}${or.name}（${valueText(o, or)}）${pair.note ?? ""}`,
  };
}
