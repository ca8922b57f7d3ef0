// How the town form can be prefilled from its 规上 enterprises' figures. Only two town indicators
// are the enterprises' sum by definition — 规上工业总产值 (Σ enterprises' 工业总产值) and 规上企业数
// (how many are 规上) — so only those are ticked for copying by default. The town's 工业总产值, 销售收入,
// 利润 and 税金 cover 规下 industry too: the 规上 sum is shown beside them as a check, and copying it is
// the reporter's deliberate choice (a town whose industry is all 规上).
// Pure: the report form computes the differences while the reporter types.
import { toDecimal } from "@/lib/stats";

/** What the server sends: the sums of the town's enterprises that are 规上 in the period. */
export type EnterpriseSums = {
  /** 规上 enterprises in the period. */
  aboveScale: number;
  /** Of those, how many have at least one figure for the period. */
  reported: number;
  /** Σ per enterprise indicator code; absent when no enterprise has the figure. */
  sums: Record<string, string>;
  /** The indicators reported per enterprise. */
  codes: string[];
};

export const COUNT_SOURCE = "__count__";

type Rule = { target: string; source: string; equivalent: boolean; note: string };

const RULES: readonly Rule[] = [
  { target: "above_scale_output", source: "gross_output", equivalent: true, note: "规上企业工业总产值之和" },
  { target: "above_scale_count", source: COUNT_SOURCE, equivalent: true, note: "本期规上（列统）企业家数" },
];

const PARTIAL_NOTE = "全镇数含规下企业，一般不小于规上合计";

export type PrefillRow = {
  target: string;
  name: string;
  unit: string;
  precision: number;
  /** The 规上 sum in the target's unit, or null when no enterprise has reported it yet. */
  sum: string | null;
  equivalent: boolean;
  note: string;
};

type TownIndicator = { code: string; name: string; unit: string; precision: number };

/** The rows of the panel, in the town form's order: the defined sums, then same-code comparisons. */
export function prefillRows(indicators: readonly TownIndicator[], sums: EnterpriseSums): PrefillRow[] {
  const enterpriseCodes = sums.codes;
  const rules: Rule[] = [...RULES];
  for (const code of enterpriseCodes) if (!rules.some((r) => r.target === code)) rules.push({ target: code, source: code, equivalent: false, note: PARTIAL_NOTE });
  const out: PrefillRow[] = [];
  for (const ind of indicators) {
    const rule = rules.find((r) => r.target === ind.code);
    if (!rule) continue;
    if (rule.source !== COUNT_SOURCE && !enterpriseCodes.includes(rule.source)) continue;
    const sum = rule.source === COUNT_SOURCE ? String(sums.aboveScale) : (sums.sums[rule.source] ?? null);
    out.push({ target: ind.code, name: ind.name, unit: ind.unit, precision: ind.precision, sum, equivalent: rule.equivalent, note: rule.note });
  }
  return out;
}

/** 表中数 − 规上合计, exact; null when either is missing. */
export function prefillDifference(formValue: string | null, sum: string | null): string | null {
  const a = toDecimal(formValue);
  const b = toDecimal(sum);
  return a === null || b === null ? null : a.minus(b).toFixed();
}
