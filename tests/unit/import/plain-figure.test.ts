// The import's shortcuts for plain decimals: parsing a cell gives exactly lib/input's parseFigure
// answer, or steps aside (undefined) so parseFigure gives the value or the message; comparing two
// figures gives exactly Decimal's answer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFigure } from "@/lib/input/parse-figure";
import { compareDecimal, sameFigure } from "@/lib/import/plan-types";
import { parseFigureCell, plainFigure } from "@/lib/import/values";
import { toDecimal } from "@/lib/stats";

const OPTIONS = [
  { unit: "万元" },
  { unit: "万元", allowNegative: true },
  { unit: "家", integerOnly: true },
  { unit: "人", integerOnly: true, allowNegative: true },
  { unit: "万千瓦时" },
];

// Plain decimals and near misses: leading/trailing zeros, signs, long parts, stray characters.
const text = fc
  .tuple(
    fc.constantFrom("", "-", "+", " ", "−"),
    fc.stringMatching(/^0{0,3}\d{0,18}$/),
    fc.constantFrom("", ".", ".0", ".5"),
    fc.stringMatching(/^\d{0,6}0{0,3}$/),
    fc.constantFrom("", "", "", " ", "万", "e3", ","),
  )
  .map(([sign, int, dot, frac, tail]) => `${sign}${int}${dot}${dot === "." ? frac : ""}${tail}`);

describe("plainFigure", () => {
  it("agrees with parseFigure whenever it answers", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...OPTIONS), (t, opts) => {
        const plain = plainFigure(t, opts);
        if (plain === undefined) return;
        expect(parseFigure(t, opts)).toEqual({ ok: true, value: plain });
      }),
      { numRuns: 5000 },
    );
  });

  it("answers for the usual cells, and leaves the rest to parseFigure", () => {
    expect(plainFigure("1234.5", {})).toBe("1234.5");
    expect(plainFigure("0100.500", {})).toBe("100.5");
    expect(plainFigure("-0.00", {})).toBe("0");
    expect(plainFigure("-20", { allowNegative: true })).toBe("-20");
    expect(plainFigure("-20", {})).toBeUndefined(); // parseFigure's message: 不能为负数
    expect(plainFigure("1.5", { integerOnly: true })).toBeUndefined(); // 应为整数
    expect(plainFigure("1.23456", {})).toBeUndefined(); // 小数位数过多
    expect(plainFigure("123456789012345", {})).toBeUndefined(); // 数值过大
    expect(plainFigure("1,234", {})).toBeUndefined();
    expect(plainFigure("1.2亿", {})).toBeUndefined();
  });

  it("parseFigureCell gives the same answers with the shortcut as parseFigure with the header's unit", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(null, "万元", "亿元", "元"), (t, headerUnit) => {
        const opts = { unit: "万元", allowNegative: true };
        const bare = /^[\s\d.,，．\-−+０-９]+$/.test(t);
        const typed = headerUnit && bare ? `${t}${headerUnit}` : t;
        const expected = parseFigure(typed.replace(/^\+/, ""), opts);
        expect(parseFigureCell(t, { ...opts, headerUnit })).toEqual(expected.ok ? { ok: true, value: expected.value } : { ok: false, message: expected.message });
      }),
      { numRuns: 5000 },
    );
  });
});

describe("compareDecimal and sameFigure", () => {
  const decimal = fc
    .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^0{0,2}\d{0,16}$/), fc.stringMatching(/^\d{0,4}0{0,3}$/))
    .filter(([, int, frac]) => int !== "" || frac !== "")
    .map(([sign, int, frac]) => `${sign}${int || "0"}${frac ? `.${frac}` : ""}`);
  const close = fc.tuple(decimal, fc.constantFrom("", "0", "00", ".0")).map(([d, pad]) => (pad === ".0" ? (d.includes(".") ? `${d}0` : `${d}.0`) : d.includes(".") ? `${d}${pad}` : d));

  it("agree with Decimal", () => {
    fc.assert(
      fc.property(fc.oneof(decimal, close, fc.constantFrom("1e3", "0.5e1")), fc.oneof(decimal, close), (a, b) => {
        const expected = toDecimal(a)!.comparedTo(toDecimal(b)!);
        expect(Math.sign(compareDecimal(a, b))).toBe(expected);
        expect(sameFigure(a, b)).toBe(expected === 0);
      }),
      { numRuns: 20000 },
    );
    expect(sameFigure("12000", "12000.0000")).toBe(true);
    expect(sameFigure("-0", "0.00")).toBe(true);
    expect(compareDecimal("-35.5", "-35.45")).toBeLessThan(0);
    expect(compareDecimal("0.5", "0.45")).toBeGreaterThan(0);
  });
});
