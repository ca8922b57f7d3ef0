/*
 * The unit words people type after a figure, and how a typed money unit converts to the
 * indicator's own unit. Money scales are powers of ten (元 = 10^0, 万元 = 10^4, 亿元 = 10^8),
 * so a conversion is a decimal shift and stays exact.
 */

const MONEY_EXPONENT: Readonly<Record<string, number>> = {
  元: 0,
  万: 4,
  万元: 4,
  亿: 8,
  亿元: 8,
};

/** Money units an indicator can have; any other unit (家, 万千瓦时, 亩…) is taken literally. */
const MONEY_UNITS = new Set(["元", "万元", "亿元"]);

/** Unit words we recognise, so a wrong one gets "单位不符" rather than "请输入数字". */
const KNOWN_UNIT_WORDS = new Set([
  ...Object.keys(MONEY_EXPONENT),
  "万千瓦时",
  "千瓦时",
  "家",
  "户",
  "个",
  "人",
  "亩",
  "%",
]);

export function isMoneyUnit(unit: string): boolean {
  return MONEY_UNITS.has(unit);
}

/**
 * Decimal places to shift a figure typed with `suffix` into `unit`: "1.2亿" into 万元 → +4,
 * "35000000元" into 万元 → −4, no suffix → 0. Null when the suffix does not fit the unit.
 */
export function suffixShift(suffix: string, unit: string): number | null {
  if (suffix === "") return 0;
  if (isMoneyUnit(unit)) {
    const from = Object.hasOwn(MONEY_EXPONENT, suffix) ? MONEY_EXPONENT[suffix] : undefined;
    const to = MONEY_EXPONENT[unit];
    return from === undefined || to === undefined ? null : from - to;
  }
  return unit !== "" && suffix === unit ? 0 : null;
}

export function isKnownUnitWord(suffix: string): boolean {
  return KNOWN_UNIT_WORDS.has(suffix);
}
