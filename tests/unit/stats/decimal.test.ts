import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfUp, toDecimal } from "@/lib/stats";
import { decimalString } from "./arbitraries";

/** Reference half-up rounding on the decimal digits themselves, with BigInt: no Decimal, no float. */
function referenceRound(text: string, digits: number): string {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (match === null) throw new Error(`not a plain decimal: ${text}`);
  const [, sign = "", int = "", frac = ""] = match;
  let scaled = BigInt(int + frac);
  if (frac.length <= digits) {
    scaled *= 10n ** BigInt(digits - frac.length);
  } else {
    const divisor = 10n ** BigInt(frac.length - digits);
    const quotient = scaled / divisor;
    scaled = 2n * (scaled % divisor) >= divisor ? quotient + 1n : quotient;
  }
  const padded = scaled.toString().padStart(digits + 1, "0");
  const body = digits === 0 ? padded : `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  return sign === "-" && scaled !== 0n ? `-${body}` : body;
}

describe("toDecimal", () => {
  it.each([
    [12, "12"],
    [1.005, "1.005"],
    [0.1, "0.1"],
    [-0, "0"],
    ["  42.50 ", "42.5"],
    ["-3", "-3"],
    [".5", "0.5"],
    ["1e3", "1000"],
    [new Decimal("7.25"), "7.25"],
  ])("reads %j as %s", (input, expected) => {
    expect(toDecimal(input)?.toString()).toBe(expected);
  });

  it.each([null, undefined, "", "  ", "abc", "1,000", "0x1F", "NaN", "Infinity", NaN, Infinity, -Infinity])(
    "treats %j as missing",
    (input) => {
      expect(toDecimal(input)).toBeNull();
    },
  );

  it("treats non-finite Decimal instances as missing", () => {
    expect(toDecimal(new Decimal(NaN))).toBeNull();
    expect(toDecimal(new Decimal(-Infinity))).toBeNull();
  });

  it("is not affected by another module changing the global Decimal precision", () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 3 });
    try {
      expect(toDecimal("123456.789")?.plus(1).toString()).toBe("123457.789");
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});

describe("roundHalfUp", () => {
  it.each([
    [2.345, 2, "2.35"],
    [-2.345, 2, "-2.35"],
    [1.005, 2, "1.01"],
    ["1.005", 2, "1.01"],
    [1.004999, 2, "1"],
    [0.5, 0, "1"],
    [-0.5, 0, "-1"],
    [58.333333, 1, "58.3"],
    [13.8266667, 1, "13.8"],
    [-0.04, 1, "0"],
    [1234.5, 0, "1235"],
  ])("rounds %j to %i digits as %s", (input, digits, expected) => {
    expect(roundHalfUp(input, digits)?.toString()).toBe(expected);
  });

  it("does what Math.round(x * 100) / 100 gets wrong", () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the float artefact STYLE.md warns about
    expect(roundHalfUp(1.005, 2)?.toNumber()).toBe(1.01);
  });

  it("returns null for missing input and rejects a nonsense digit count", () => {
    expect(roundHalfUp(null, 1)).toBeNull();
    expect(roundHalfUp("", 1)).toBeNull();
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });

  it("agrees with BigInt digit arithmetic on random decimal strings", () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 6 }), (text, digits) => {
        expect(roundHalfUp(text, digits)?.toFixed(digits)).toBe(referenceRound(text, digits));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with the reference on exact ties (…5, …50, …500) and near-ties (…4999)", () => {
    const tie = fc.record({
      negative: fc.boolean(),
      int: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      kept: fc.stringMatching(/^\d{0,5}$/),
      tail: fc.constantFrom("5", "50", "500", "4999", "5001", "49"),
    });
    fc.assert(
      fc.property(tie, ({ negative, int, kept, tail }) => {
        const text = `${negative ? "-" : ""}${int}.${kept}${tail}`;
        const digits = kept.length;
        expect(roundHalfUp(text, digits)?.toFixed(digits)).toBe(referenceRound(text, digits));
      }),
      { numRuns: 500 },
    );
  });

  it("rounds a JS number on its shortest decimal form, not its binary expansion", () => {
    const plain = fc
      .double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true })
      .filter((x) => !String(x).includes("e"));
    fc.assert(
      fc.property(plain, fc.integer({ min: 0, max: 4 }), (x, digits) => {
        expect(roundHalfUp(x, digits)?.toFixed(digits)).toBe(referenceRound(String(x), digits));
      }),
      { numRuns: 500 },
    );
  });
});
