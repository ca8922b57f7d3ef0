import Decimal from "decimal.js";
import fc from "fast-check";
import type { Num } from "@/lib/stats";

/*
 * Shared generators for the property tests (not a test file itself: vitest only picks up *.test.ts).
 */

/** A plain decimal string such as "-12345.0067", up to 18 integer and 8 fraction digits. */
export const decimalString: fc.Arbitrary<string> = fc
  .record({
    negative: fc.boolean(),
    int: fc.bigInt({ min: 0n, max: 10n ** 18n }),
    frac: fc.stringMatching(/^\d{0,8}$/),
  })
  .map(({ negative, int, frac }) => `${negative ? "-" : ""}${int}${frac === "" ? "" : "." + frac}`);

/**
 * Realistic figures in 万元: decimal strings and ordinary numbers, no missing values.
 * Magnitudes stay within 1e-6..1e12 so any mix of them spans fewer than the core's 50 significant
 * digits; sums are exact within that span (0.8 + 5e-324 would need 325 digits, and no report has it).
 */
export const figure: fc.Arbitrary<string | number> = fc.oneof(
  decimalString,
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc
    .double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true })
    .filter((x) => x === 0 || Math.abs(x) >= 1e-6),
);

/** Anything a caller could pass, including every flavour of "missing" and absurd magnitudes. */
export const anyNum: fc.Arbitrary<Num> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, −0, ±Number.MAX_VALUE, subnormals
  fc.integer(),
  decimalString,
  fc.constantFrom<Num>(
    null,
    undefined,
    0,
    -0,
    "",
    "   ",
    "0",
    "-0",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "1e-999",
    "1e5000",
    "1e-5000",
    "0x10",
    "1,000",
    "abc",
    1e308,
    -1e308,
    5e-324,
    new Decimal(NaN),
    new Decimal(Infinity),
    new Decimal("-1e9000000000000000"),
  ),
  fc.double().map((d) => new Decimal(d)),
  fc.string(),
);

/** Reports that nothing unusable leaked out of a Decimal-returning function. */
export function isSafeDecimalResult(x: Decimal | null): boolean {
  return x === null || (Decimal.isDecimal(x) && x.isFinite() && !x.isNaN());
}

/** Display text that must never reach a user. */
export const BAD_TEXT = /NaN|Infinity|undefined|null|\[object/;

/**
 * Decimal for the tests' own arithmetic (sums of results, reference values): far more precise
 * than the core's 50 digits, so a tolerance in an assertion measures the core, not the test.
 */
export const Exact = Decimal.clone({ precision: 200 });
