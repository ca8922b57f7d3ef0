import type { Num } from "@/lib/stats";

/** An indicator's settings as the checks need them (a subset of the Indicator row). */
export type IndicatorRule = {
  code: string;
  name: string;
  unit: string;
  kind: "FLOW" | "STOCK";
  allowNegative?: boolean;
  integerOnly?: boolean;
  /** Decimals shown for the value in messages. */
  precision: number;
  /** |YoY| above this (in %) needs a 说明. Default 50. */
  yoyWarnPercent?: Num;
  /** Plan completion above this (in %) needs a 说明. Default 150. */
  planWarnPercent?: Num;
  /** A value this many times (or 1/this) its comparison value needs a 说明. Default 1000. */
  magnitudeWarnRatio?: Num;
};

/** Figures by indicator code. */
export type Figures = Readonly<Record<string, Num>>;

export type CheckInput = {
  /** Month of the period (1–12); the figures are YTD 1–month. */
  month: number;
  indicators: readonly IndicatorRule[];
  /** This period's YTD. */
  values: Figures;
  /** Last month's YTD of the same year; empty (or ignored) for the first reported month. */
  previousYtd?: Figures;
  /** The same period last year. */
  lastYear?: Figures;
  /** Annual plans. */
  plans?: Figures;
};

/** 逻辑性审核: submission is refused until fixed. */
export const LOGICAL_RULES = [
  "negative",
  "ytd_decreased",
  "value_added_above_output",
  "above_scale_above_output",
  "fractional_count",
  "profit_above_sales",
  "profit_tax_below_profit",
] as const;

/** 核实性审核: submission needs a 说明 for each. */
export const VERIFICATION_RULES = [
  "yoy_out_of_range",
  "magnitude_vs_last_year",
  "magnitude_vs_last_month",
  "plan_over",
  "sales_output_ratio",
  "value_added_ratio",
] as const;

/**
 * A finding that names the cause of others (decision 018): it replaces the findings that only follow
 * from it, and is an error when one of those was, else a warning.
 */
export const CAUSE_RULES = ["unit_slip"] as const;

export type LogicalRule = (typeof LOGICAL_RULES)[number];
export type VerificationRule = (typeof VERIFICATION_RULES)[number];
export type CauseRule = (typeof CAUSE_RULES)[number];
export type CheckRule = LogicalRule | VerificationRule | CauseRule;

/** A correction the form offers with one click: the figure (exact, in the indicator's unit) and the button's text. */
export type IssueFix = { value: string; label: string };

/**
 * One finding. `indicator` is the code whose figure is at fault (and whose 说明 answers it);
 * `related` the other figure a cross-indicator rule read (a cause on it subsumes this finding).
 */
export type Issue = { indicator: string; rule: CheckRule; message: string; related?: string; fix?: IssueFix };

export type CheckResult = { errors: Issue[]; warnings: Issue[] };
