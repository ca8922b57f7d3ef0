import { toDecimal } from "@/lib/stats";
import { normalizeTyped } from "./normalize";
import { isKnownUnitWord, isMoneyUnit, suffixShift } from "./units";

/*
 * Parsing what a reporter types into a figure field. Runs in the browser while typing and again
 * in the server action on submit, so both give the same answer and the same Chinese message.
 * The result is an exact decimal string: the value never passes through a binary float.
 */

/** The figure columns are Decimal(18,4): 14 integer digits and 4 decimals. */
export const MAX_INTEGER_DIGITS = 14;
export const MAX_FRACTION_DIGITS = 4;

/**
 * Far beyond any valid figure (even shifted by 亿→元), but short enough that the 50-digit
 * stats context converts every accepted value exactly. Longer input is rejected up front.
 */
const MAX_TYPED_DIGITS = 30;

export type FigureFieldOptions = {
  /** The indicator's unit: 万元, 万千瓦时, 家… Money typed in 元/万/亿 is converted to it. */
  unit: string;
  integerOnly?: boolean;
  allowNegative?: boolean;
};

/** `value: null` is an empty field (no figure), which is not an error here. */
export type ParsedFigure = { ok: true; value: string | null } | { ok: false; message: string };

export const FIGURE_MESSAGES = {
  notANumberMoney: "请输入数字，如 1234.5、3500万 或 1.2亿",
  notANumber: "请输入数字，如 1234.5",
  notAnInteger: "请输入整数，如 12",
  badGrouping: "千位分隔符位置不正确，如 1,234.5",
  negative: "不能为负数",
  fractional: "应为整数",
  tooManyDecimals: `小数位数过多（最多${MAX_FRACTION_DIGITS}位）`,
  tooLarge: "数值过大",
} as const;

// sign, integer part (digits and commas), fraction, and whatever follows (the unit word).
const TYPED = /^(-?)([\d,]*)(?:\.(\d*))?(.*)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

export function parseFigure(raw: string, opts: FigureFieldOptions): ParsedFigure {
  const text = normalizeTyped(raw);
  if (text === "") return { ok: true, value: null };
  const fail = (message: string): ParsedFigure => ({ ok: false, message });
  const notANumber = isMoneyUnit(opts.unit)
    ? FIGURE_MESSAGES.notANumberMoney
    : opts.integerOnly
      ? FIGURE_MESSAGES.notAnInteger
      : FIGURE_MESSAGES.notANumber;

  const m = TYPED.exec(text);
  const [, sign = "", grouped = "", fraction = "", suffix = ""] = m ?? [];
  if (m === null || (grouped.replace(/,/g, "") === "" && fraction === "")) return fail(notANumber);

  const shift = suffixShift(suffix, opts.unit);
  if (shift === null) {
    return fail(isKnownUnitWord(suffix) && opts.unit !== "" ? `单位不符：本项单位为${opts.unit}` : notANumber);
  }
  if (grouped.includes(",") && !GROUPED.test(grouped)) return fail(FIGURE_MESSAGES.badGrouping);

  const integerDigits = grouped.replace(/,/g, "").replace(/^0+/, "");
  const fractionDigits = fraction.replace(/0+$/, "");
  if (integerDigits.length > MAX_TYPED_DIGITS) return fail(FIGURE_MESSAGES.tooLarge);
  if (fractionDigits.length > MAX_TYPED_DIGITS) return fail(FIGURE_MESSAGES.tooManyDecimals);

  const typed = toDecimal(`${sign}${integerDigits || "0"}.${fractionDigits || "0"}`);
  if (typed === null) return fail(notANumber);
  // A power of ten: the product is exact in the 50-digit context for every typed length we accept.
  const value = typed.times(`1e${shift}`);

  if (value.isNeg() && !value.isZero() && !opts.allowNegative) return fail(FIGURE_MESSAGES.negative);
  if (opts.integerOnly && !value.isInteger()) return fail(FIGURE_MESSAGES.fractional);
  if (value.decimalPlaces() > MAX_FRACTION_DIGITS) {
    // "1.5元" has one decimal as typed; say why it now has too many.
    const converted = fractionDigits.length <= MAX_FRACTION_DIGITS;
    return fail(converted ? `换算为${opts.unit}后${FIGURE_MESSAGES.tooManyDecimals}` : FIGURE_MESSAGES.tooManyDecimals);
  }
  if (value.abs().gte(`1e${MAX_INTEGER_DIGITS}`)) return fail(FIGURE_MESSAGES.tooLarge);
  // toFixed() without digits: plain notation, no exponent, no trailing zeros; "-0" cannot occur.
  return { ok: true, value: value.isZero() ? "0" : value.toFixed() };
}
