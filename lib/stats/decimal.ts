import Decimal from "decimal.js";

/**
 * A private Decimal constructor for the stats core, so that other code changing the global
 * `Decimal.set(...)` cannot alter our results.
 *
 * Precision is in significant digits. Money in 万元 has at most ~20 significant digits, so with
 * 50 every sum and difference of real figures is exact (exact whenever the operands together span
 * ≤ 50 digits), and only quotients and powers are rounded, 30+ digits below anything shown to
 * users. Half-up matches the display rule in DOMAIN.md.
 * Magnitudes are capped at 1e±1000 (beyond: Infinity → null, or 0): no figure comes near, and
 * decimal.js's default 9e15 exponent would let "1e999999999" build a gigabyte string on display.
 */
const D = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  maxE: 1000,
  minE: -1000,
});

/** The value type every stats function returns. Callers use `.toString()` / `.toNumber()`. */
export type Dec = Decimal;

/** Anything a caller may hand us: form strings, Prisma Decimals, plain numbers, or nothing. */
export type Num = number | string | Decimal | null | undefined;

/**
 * Plain decimal notation only. decimal.js itself would also accept "0x1F", "0b1" and "Infinity",
 * which a user typing into a form never means as a figure.
 */
const DECIMAL_STRING = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Decimal | null; missing, non-finite and unparsable inputs are all `null` ("no value"). */
export function toDecimal(x: Num): Dec | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "number") {
    // String(x) is the shortest representation that round-trips, so 1.005 becomes "1.005"
    // rather than its binary expansion 1.00499999999999989…
    return Number.isFinite(x) ? finite(new D(String(x))) : null;
  }
  if (typeof x === "string") {
    const s = x.trim();
    return DECIMAL_STRING.test(s) ? finite(new D(s)) : null;
  }
  if (Decimal.isDecimal(x)) return finite(new D(x));
  return null;
}

/**
 * Guard for every result: decimal.js can produce NaN/±Infinity (overflow past maxE, 0/0), and
 * users must see "—" rather than those. Also folds −0 into 0 so it never displays as "-0".
 */
export function finite(x: Dec): Dec | null {
  if (!x.isFinite()) return null;
  return x.isZero() ? new D(0) : x;
}

/** Converts every input, or returns null if any is missing: most formulas need all operands. */
export function allDecimals<T extends readonly Num[]>(...xs: T): { [K in keyof T]: Dec } | null {
  const out: Dec[] = [];
  for (const x of xs) {
    const d = toDecimal(x);
    if (d === null) return null;
    out.push(d);
  }
  return out as { [K in keyof T]: Dec };
}

/** Digits are configuration (an indicator's precision), so a bad value is a programming error. */
export function checkDigits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`digits must be an integer in 0..20, got ${digits}`);
  }
  return digits;
}

/**
 * Half away from zero on the decimal value: 2.345 → 2.35, −2.345 → −2.35, 1.005 → 1.01.
 * Never `Math.round(x * 100) / 100`, which rounds 1.005 down because of its binary artefact.
 */
export function roundHalfUp(x: Num, digits: number): Dec | null {
  checkDigits(digits);
  const d = toDecimal(x);
  return d === null ? null : finite(d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP));
}

/** The constant 100, shared so percent formulas read like the table in DOMAIN.md. */
export const HUNDRED: Dec = new D(100);

/** Builds a Decimal in the stats context from a trusted literal (integers, constants). */
export function dec(value: number | string): Dec {
  return new D(value);
}
