// What the form shows while typing, computed with the same pure code the server uses:
// lib/input parses each field, lib/stats gives 同比 and 完成年计划, lib/checks flags the figures.
import { missingExplanations, requiredGap, runChecks, type CheckResult, type Issue, type RequiredGap } from "@/lib/checks";
import { parseFigure } from "@/lib/input";
import { lossChange, planCompletionPercent, yoyPercent, type LossChange } from "@/lib/stats";
import type { FormIndicator, ReportView } from "./types";

export type RowState = {
  indicator: FormIndicator;
  raw: string;
  /** The parsed figure in the indicator's unit (exact decimal string), null when empty or invalid. */
  value: string | null;
  error: string | null;
  yoy: number | null;
  loss: LossChange | null;
  /** 同比 on the 同口径 base the dashboards use, where one exists (then `yoy` is labelled 按上报上年数). */
  comparableYoy: { yoy: number | null; loss: LossChange | null } | null;
  completion: number | null;
  errors: Issue[];
  warnings: Issue[];
};

export type FormState = {
  rows: RowState[];
  checks: CheckResult;
  missing: Issue[];
  fieldErrorCount: number;
  /** The county's 必填指标 still empty, and whether nothing is filled at all. */
  gap: RequiredGap;
};

const toNumber = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export function computeForm(view: Pick<ReportView, "indicators" | "period" | "previousYtd" | "lastYear" | "plans"> & Partial<Pick<ReportView, "comparableBase" | "required">>, raw: Record<string, string>, explanations: Record<string, string>): FormState {
  const parsed = view.indicators.map((ind) => {
    const text = raw[ind.code] ?? "";
    const r = parseFigure(text, { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
    return { ind, text, value: r.ok ? r.value : null, error: r.ok ? null : r.message };
  });
  const values: Record<string, string> = {};
  for (const p of parsed) if (p.value !== null) values[p.ind.code] = p.value;
  const checks = runChecks({ month: view.period.month, indicators: view.indicators, values, previousYtd: view.previousYtd, lastYear: view.lastYear, plans: view.plans });
  const rows = parsed.map(({ ind, text, value, error }) => {
    const base = view.lastYear[ind.code] ?? null;
    const comparable = view.comparableBase?.[ind.code] ?? null;
    return {
      indicator: ind,
      raw: text,
      value,
      error,
      yoy: toNumber(yoyPercent(value, base)),
      loss: lossChange(value, base),
      comparableYoy: comparable === null ? null : { yoy: toNumber(yoyPercent(value, comparable)), loss: lossChange(value, comparable) },
      completion: toNumber(planCompletionPercent(value, view.plans[ind.code] ?? null)),
      errors: checks.errors.filter((i) => i.indicator === ind.code),
      warnings: checks.warnings.filter((i) => i.indicator === ind.code),
    };
  });
  // A figure typed but not parseable is not missing (its own error says what is wrong).
  const typed = Object.fromEntries(parsed.filter((p) => p.text.trim() !== "").map((p) => [p.ind.code, p.value ?? p.text]));
  const gap = requiredGap(view.indicators, typed, view.required ?? []);
  return { rows, checks, missing: missingExplanations(checks.warnings, explanations), fieldErrorCount: parsed.filter((p) => p.error).length, gap };
}
