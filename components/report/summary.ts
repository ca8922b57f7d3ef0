// What a confirmation dialog tells the person about to 报送, 审核通过, 退回 or 重新打开 a report:
// whose report, which period, how many figures are filled, what is still missing, how many check
// findings, and the headline totals. Pure and client-safe; the figures read through the presenter.
import { requiredGap, type CheckResult } from "@/lib/checks";
import { presentValue } from "@/lib/present/figure";
import { formatPeriodRange, MISSING } from "@/lib/stats";
import type { FormIndicator } from "./types";

export type ReportSummary = {
  town: string;
  period: string;
  filled: number;
  total: number;
  /** Names of the county's 必填指标 without a figure. */
  missingRequired: string[];
  errors: number;
  warnings: number;
  totals: { label: string; text: string }[];
};

/** The totals a reviewer checks first (shown when the form has them). */
const HEADLINE = ["gross_output", "sales_revenue", "profit", "tax"];

type Input = {
  town: string;
  period: { year: number; month: number };
  indicators: FormIndicator[];
  values: Record<string, string | null | undefined>;
  required: string[];
  checks: CheckResult;
};

export function summarizeReport({ town, period, indicators, values, required, checks }: Input): ReportSummary {
  const present = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  return {
    town,
    period: formatPeriodRange(period.year, period.month),
    filled: indicators.filter((i) => i.code in present).length,
    total: indicators.length,
    missingRequired: requiredGap(indicators, present, required).missing.map((m) => m.name),
    errors: checks.errors.length,
    warnings: checks.warnings.length,
    totals: HEADLINE.flatMap((code) => {
      const ind = byCode.get(code);
      if (!ind) return [];
      const v = presentValue(present[code] ?? null, ind, "yi");
      return [{ label: ind.name.replace(/（.*）$/, ""), text: v.text === MISSING ? MISSING : `${v.text}${v.unit}` }];
    }),
  };
}
