import { toDecimal, type Num } from "@/lib/stats";

/**
 * A stored figure as the text of an input box: plain digits, no thousands separators (they
 * would be typed back in), padded to the indicator's precision, and never rounded — a value with
 * more decimals than the precision keeps them, so saving the form unchanged cannot alter it.
 * Missing or unusable values give an empty box.
 */
export function formatFigureForInput(value: Num, precision: number): string {
  const d = toDecimal(value);
  if (d === null) return "";
  const digits = Number.isInteger(precision) ? Math.min(Math.max(precision, 0), 20) : 0;
  return d.toFixed(Math.max(digits, d.decimalPlaces()));
}
