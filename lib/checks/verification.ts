import { formatGrowth, planCompletionPercent, roundHalfUp, yoyPercent, type Dec } from "@/lib/stats";
import type { CheckContext, ResolvedRule } from "./context";
import { percentText, slipHint, thresholdText, timesText, valueText } from "./text";
import type { Issue, VerificationRule } from "./types";
import { ratioIssues } from "./ratios";
import { presentFraction, presentShare } from "@/lib/present/figure";

/*
 * 核实性审核 (warnings): figures that may be true but need a written 说明.
 * Percentages are compared as the message prints them (1 decimal), so a figure shown as
 * "增长50.0%" is never said to exceed ±50%. Magnitudes are compared exactly.
 */

export function verificationIssues(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const rule of ctx.rules) {
    const value = ctx.current(rule.code);
    if (value === null) continue;
    const found = [
      yoyIssue(rule, value, ctx.lastYear(rule.code)),
      magnitudeIssue(rule, value, ctx.lastYear(rule.code), "magnitude_vs_last_year", "去年同期"),
      magnitudeIssue(rule, value, ctx.previous(rule.code), "magnitude_vs_last_month", "上月止累计"),
      planIssue(rule, value, ctx.plan(rule.code)),
    ];
    for (const issue of found) if (issue) issues.push(issue);
  }
  return [...issues, ...ratioIssues(ctx)];
}

function warn(rule: ResolvedRule, r: VerificationRule, message: string): Issue {
  return { indicator: rule.code, rule: r, message };
}

function yoyIssue(rule: ResolvedRule, value: Dec, lastYear: Dec | null): Issue | null {
  // yoyPercent has no value for a zero or loss base: there is no percentage to judge.
  const yoy = roundHalfUp(yoyPercent(value, lastYear), 1);
  if (yoy === null || yoy.abs().lte(rule.yoyWarn)) return null;
  return warn(
    rule,
    "yoy_out_of_range",
    `${rule.name}同比${formatGrowth(yoy, 1)}，超过±${thresholdText(rule.yoyWarn)}%的核实阈值，请说明原因`,
  );
}

/** value ≥ ratio × base or ≤ base / ratio, same sign, neither zero: a likely 元/万元/亿元 slip. */
function magnitudeIssue(
  rule: ResolvedRule,
  value: Dec,
  base: Dec | null,
  r: VerificationRule,
  baseLabel: string,
): Issue | null {
  if (base === null || value.isZero() || base.isZero() || value.isNeg() !== base.isNeg()) return null;
  const v = value.abs();
  const b = base.abs();
  const head = `${rule.name}（${valueText(value, rule)}）`;
  const baseShown = `${baseLabel}（${valueText(base, rule)}）`;
  if (v.gte(b.times(rule.magnitudeRatio))) {
    return warn(rule, r, `${head}约为${baseShown}的${timesText(v.div(b))}倍，${slipHint(rule.unit)}`);
  }
  if (b.gte(v.times(rule.magnitudeRatio))) {
    // Orders of magnitude in words ("不足…的千分之一"), never "1/9,668".
    const f = presentFraction(v.div(b));
    const part = f ? `${f.below ? "不足" : "仅为"}${baseShown}的${f.text}` : `仅为${baseShown}的${presentShare(v.div(b).times(100))}`;
    return warn(rule, r, `${head}${part}，${slipHint(rule.unit)}`);
  }
  return null;
}

function planIssue(rule: ResolvedRule, value: Dec, plan: Dec | null): Issue | null {
  const completion = roundHalfUp(planCompletionPercent(value, plan), 1);
  if (plan === null || completion === null || completion.lte(rule.planWarn)) return null;
  return warn(
    rule,
    "plan_over",
    `${rule.name}完成年度计划（${valueText(plan, rule)}）的${percentText(completion)}，` +
      `超过${thresholdText(rule.planWarn)}%的核实阈值，请说明原因`,
  );
}
