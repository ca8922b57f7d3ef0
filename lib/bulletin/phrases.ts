// Bulletin wording: each helper answers null when its figure is missing, so a sentence is
// dropped whole rather than printed with "—", "xx" or "NaN".
import type { Cell } from "@/lib/overview/compute";
import { presentGrowth, presentPlan, presentValue, type GrowthInput } from "@/lib/present/figure";
import { formatNumber, roundHalfUp, yoyPercent } from "@/lib/stats";

/** The headline's indicators in the order it names them, with the verb each takes. */
export const HEADLINE = [
  { code: "gross_output", verb: "完成" },
  { code: "above_scale_output", verb: "完成" },
  { code: "sales_revenue", verb: "实现" },
  { code: "profit", verb: "实现" },
  { code: "profit_tax", verb: "实现" },
  { code: "tax", verb: "" },
  { code: "industrial_investment", verb: "完成" },
] as const;

/** "12.35亿元" (county totals: two decimals), as the wall and the overview show it. */
export const yi = (wan: string | null | undefined) => {
  if (wan == null) return null;
  const v = presentValue(wan, { unit: "万元", precision: 2 }, "yi");
  return `${v.text}${v.unit}`;
};

/** "同比增长12.3%" / "同比下降4.5%" / "同比持平"; "扭亏为盈"/"减亏"/"增亏" on a loss base; null when there is no base. */
export function growthPhrase(cell: GrowthInput | undefined, digits = 1): string | null {
  if (!cell || (cell.lossChange === null && (cell.yoyPercent === null || cell.yoyPercent === undefined))) return null;
  if (cell.lossChange === "持平") return "亏损额与上年同期持平";
  return `同比${presentGrowth(cell, digits).words}`;
}

export const growthOf = (value: string | null, base: string | null, digits = 1) => {
  const g = yoyPercent(value, base);
  return g === null ? null : growthPhrase({ yoyPercent: g, lossChange: null }, digits);
};

export const completionPhrase = (cell: Cell | undefined, digits = 1) => (cell?.planCompletionPercent == null ? null : `完成年计划的${presentPlan(cell, digits).completion}`);

export const schedulePhrase = (cell: Cell | undefined) => (cell?.scheduleGapPoints == null ? null : presentPlan(cell).gap);

export const count = (n: number | string | null | undefined, unit: string) => (n == null ? null : `${formatNumber(n, 0)}${unit}`);

/** Joins the clauses that exist with "，"; null when the first (the figure itself) is missing. */
export function clause(head: string | null, ...rest: (string | null)[]): string | null {
  if (head === null) return null;
  return [head, ...rest.filter((x): x is string => x !== null)].join("，");
}

/** Clauses joined with "；" and closed with "。"; null when none exist. */
export function sentence(prefix: string, clauses: (string | null)[]): string | null {
  const present = clauses.filter((c): c is string => c !== null && c !== "");
  return present.length === 0 ? null : `${prefix}${present.join("；")}。`;
}

export const names = (list: string[]) => list.join("、");

/** Whether a schedule gap reads as 落后 after rounding to the shown digit (−0.04 reads 持平). */
export const isBehind = (points: number | null) => points !== null && roundHalfUp(points, 1)!.isNeg() && !roundHalfUp(points, 1)!.isZero();

/** "全县" / "全市" (a county-level city) / "全区": how the county names itself. */
export const whole = (county: { name: string }) => `全${county.name.endsWith("市") ? "市" : county.name.endsWith("区") ? "区" : "县"}`;

/**
 * "name（note）", or, when the name already ends in a parenthetical ("…项目（05）"), that one
 * parenthetical widened: "…项目（05，28.17亿元，投产）" — never "（05）（28.17亿元，投产）".
 */
export const withNote = (name: string, note: string) => (name.endsWith("）") ? `${name.slice(0, -1)}，${note}）` : `${name}（${note}）`);
