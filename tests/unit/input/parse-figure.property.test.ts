import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "@/lib/stats";
import { formatFigureForInput, parseFigure } from "@/lib/input";

const runs = { numRuns: 500 };

/** A figure that fits Decimal(18,4): up to 14 integer and 4 fraction digits. */
const storable = fc
  .record({
    negative: fc.boolean(),
    int: fc.bigInt({ min: 0n, max: 10n ** 14n - 1n }),
    frac: fc.stringMatching(/^\d{0,4}$/),
  })
  .map(({ negative, int, frac }) => new Decimal(`${negative ? "-" : ""}${int}.${frac || "0"}`));

const signed = { unit: "万元", allowNegative: true };

describe("parseFigure properties", () => {
  it("a number formatted with thousands separators parses back to the same decimal", () => {
    fc.assert(
      fc.property(storable, fc.integer({ min: 0, max: 4 }), (d, extraDigits) => {
        const digits = Math.max(d.decimalPlaces(), extraDigits);
        const result = parseFigure(formatNumber(d, digits), signed);
        expect(result.ok).toBe(true);
        if (result.ok) expect(new Decimal(result.value ?? "NaN").eq(d)).toBe(true);
      }),
      runs,
    );
  });

  it("the value string is canonical: the decimal's own plain notation", () => {
    fc.assert(
      fc.property(storable, (d) => {
        const result = parseFigure(d.toFixed(), signed);
        expect(result).toEqual({ ok: true, value: d.isZero() ? "0" : d.toFixed() });
      }),
      runs,
    );
  });

  it("X亿 always equals X × 10000 exactly", () => {
    const yi = fc
      .record({ int: fc.bigInt({ min: 0n, max: 10n ** 9n }), frac: fc.stringMatching(/^\d{0,8}$/) })
      .map(({ int, frac }) => `${int}${frac === "" ? "" : "." + frac}`);
    fc.assert(
      fc.property(yi, fc.constantFrom("亿", "亿元"), (x, suffix) => {
        const expected = new Decimal(x).times(10000);
        const result = parseFigure(x + suffix, { unit: "万元" });
        if (expected.decimalPlaces() > 4) {
          expect(result.ok).toBe(false);
        } else {
          expect(result).toEqual({ ok: true, value: expected.toFixed() });
        }
      }),
      runs,
    );
  });

  it("full-width input parses like its ASCII twin", () => {
    const toFullWidth = (s: string) =>
      s.replace(/[0-9.,-]/g, (c) =>
        c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01),
      );
    fc.assert(
      fc.property(storable, (d) => {
        const ascii = formatNumber(d, d.decimalPlaces());
        expect(parseFigure(toFullWidth(ascii), signed)).toEqual(parseFigure(ascii, signed));
      }),
      runs,
    );
  });

  it("never throws and always answers ok+value or a Chinese message", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.boolean(), fc.boolean(), (raw, integerOnly, allowNegative) => {
        const result = parseFigure(raw, { unit: "万元", integerOnly, allowNegative });
        if (result.ok) {
          expect(result.value === null || /^-?\d+(\.\d{1,4})?$/.test(result.value)).toBe(true);
        } else {
          expect(result.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      runs,
    );
  });

  it("formatFigureForInput → parseFigure is the identity on storable values", () => {
    fc.assert(
      fc.property(storable, fc.integer({ min: 0, max: 4 }), (d, precision) => {
        const result = parseFigure(formatFigureForInput(d.toFixed(), precision), signed);
        expect(result).toEqual({ ok: true, value: d.isZero() ? "0" : d.toFixed() });
      }),
      runs,
    );
  });
});
