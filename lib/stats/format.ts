import { checkDigits, dec, roundHalfUp, toDecimal, type Num } from "./decimal";

/*
 * Display strings. Every formatter answers "—" for a missing value, so "NaN", "Infinity" and
 * "undefined" can never reach a page, the bulletin or the wall dashboard.
 */

export const MISSING = "—";

/** Money is stored in 万元; 1亿元 = 10,000万元. */
const WAN_PER_YI = dec(10000);

/** "1,234,567.89": half-up to `digits`, thousands separators, never "-0.00". */
export function formatNumber(x: Num, digits: number): string {
  const rounded = roundHalfUp(x, digits);
  if (rounded === null) return MISSING;
  // roundHalfUp already folded −0 to 0, so a value that rounds to zero prints unsigned.
  const [intPart = "", fraction] = rounded.abs().toFixed(digits).split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = rounded.isNeg() ? "-" : "";
  return fraction === undefined ? sign + grouped : `${sign}${grouped}.${fraction}`;
}

/** A 万元 amount as a 万元 number, without the unit (tables with the unit in the header). */
export function formatWan(value: Num, digits = 2): string {
  return formatNumber(value, digits);
}

export function formatWanWithUnit(value: Num, digits = 2): string {
  return withUnit(formatWan(value, digits), "万元");
}

/** A 万元 amount shown in 亿元: 123456 → "12.35". */
export function formatYi(valueInWan: Num, digits = 2): string {
  const wan = toDecimal(valueInWan);
  return wan === null ? MISSING : formatNumber(wan.div(WAN_PER_YI), digits);
}

export function formatYiWithUnit(valueInWan: Num, digits = 2): string {
  return withUnit(formatYi(valueInWan, digits), "亿元");
}

/** "12.3%". */
export function formatPercent(p: Num, digits = 1): string {
  return withUnit(formatNumber(p, digits), "%");
}

/** "13.8个百分点" — the unit of a difference between two percentages. */
export function formatPoints(p: Num, digits = 1): string {
  return withUnit(formatNumber(p, digits), "个百分点");
}

/** "增长12.3%" / "下降4.5%" / "持平" — the sign is decided after rounding, as the reader sees it. */
export function formatGrowth(p: Num, digits = 1): string {
  const rounded = roundHalfUp(p, checkDigits(digits));
  if (rounded === null) return MISSING;
  if (rounded.isZero()) return "持平";
  const verb = rounded.isPos() ? "增长" : "下降";
  return `${verb}${formatNumber(rounded.abs(), digits)}%`;
}

/** "超时序进度13.8个百分点" / "落后时序进度2.1个百分点" / "与时序进度持平". */
export function formatScheduleGap(points: Num, digits = 1): string {
  const rounded = roundHalfUp(points, checkDigits(digits));
  if (rounded === null) return MISSING;
  if (rounded.isZero()) return "与时序进度持平";
  const phrase = rounded.isPos() ? "超时序进度" : "落后时序进度";
  return `${phrase}${formatNumber(rounded.abs(), digits)}个百分点`;
}

/** "+1.2" / "-3.4" / "0.0": a change with an explicit sign, zero unsigned. */
export function formatSigned(x: Num, digits: number): string {
  const rounded = roundHalfUp(x, digits);
  if (rounded === null) return MISSING;
  const text = formatNumber(rounded, digits);
  return rounded.isPos() && !rounded.isZero() ? `+${text}` : text;
}

function withUnit(text: string, unit: string): string {
  return text === MISSING ? MISSING : text + unit;
}
