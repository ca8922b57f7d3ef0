import { formatNumber, formatPercent, type Dec } from "@/lib/stats";

/*
 * Pieces of the Chinese messages. Values are shown as the user typed them (never rounded away:
 * 12.5家 must not read "13家") and at least at the indicator's precision.
 */

const MAX_SHOWN_DECIMALS = 4;

function precisionOf(precision: number): number {
  return Number.isInteger(precision) ? Math.min(Math.max(precision, 0), MAX_SHOWN_DECIMALS) : 2;
}

/** "5,000.00万元", "12家". */
export function valueText(value: Dec, rule: { unit: string; precision: number }): string {
  const digits = Math.max(precisionOf(rule.precision), Math.min(value.decimalPlaces(), MAX_SHOWN_DECIMALS));
  return formatNumber(value, digits) + rule.unit;
}

/** "72.4%". */
export function percentText(p: Dec): string {
  return formatPercent(p, 1);
}

/** A configured threshold without padding: 50 → "50", 12.5 → "12.5". */
export function thresholdText(t: Dec): string {
  return formatNumber(t, Math.min(t.decimalPlaces(), 2));
}

/** A multiple: "1,061" for large ones, "12.5" for small. */
export function timesText(ratio: Dec): string {
  return formatNumber(ratio, ratio.gte(100) ? 0 : 1);
}

/** What a 1,000× slip usually is: 元 typed as 万元 (or 亿元 as 万元) for money, a typo otherwise. */
export function slipHint(unit: string): string {
  return unit.endsWith("元") ? "可能存在单位错误（元/万元/亿元），请核实" : "可能存在单位或录入错误，请核实";
}
