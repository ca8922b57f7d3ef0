import { describe, expect, it } from "vitest";
import { FIGURE_MESSAGES, formatFigureForInput, parseFigure, type FigureFieldOptions } from "@/lib/input";

const money: FigureFieldOptions = { unit: "万元" };
const moneySigned: FigureFieldOptions = { unit: "万元", allowNegative: true };
const count: FigureFieldOptions = { unit: "家", integerOnly: true };
const power: FigureFieldOptions = { unit: "万千瓦时" };

describe("parseFigure accepts what people type", () => {
  it.each<[string, FigureFieldOptions, string]>([
    ["1234.5", money, "1234.5"],
    ["1,234.5", money, "1234.5"],
    ["12,345,678.9", money, "12345678.9"],
    ["１２３４．５", money, "1234.5"],
    ["１，２３４．５", money, "1234.5"],
    ["  1234.5  ", money, "1234.5"],
    ["1 234.5", money, "1234.5"],
    ["\u30001234.5\u3000", money, "1234.5"], // ideographic spaces
    ["3500万", money, "3500"],
    ["3500万元", money, "3500"],
    ["3500 万元", money, "3500"],
    ["1.2亿", money, "12000"],
    ["1.2亿元", money, "12000"],
    ["0.1亿", money, "1000"],
    ["19.1亿元", money, "191000"],
    ["１．２亿", money, "12000"],
    ["35000000元", money, "3500"],
    ["18830元", money, "1.883"],
    ["1元", money, "0.0001"],
    ["-56.3", moneySigned, "-56.3"],
    ["−56.3", moneySigned, "-56.3"], // U+2212
    ["－56.3", moneySigned, "-56.3"], // full-width minus
    ["-1.2亿", moneySigned, "-12000"],
    ["0", money, "0"],
    ["-0", money, "0"],
    ["0.00", money, "0"],
    ["007", money, "7"],
    ["12.50", money, "12.5"],
    [".5", money, "0.5"],
    ["5.", money, "5"],
    ["1.2345", money, "1.2345"],
    ["12.34560000", money, "12.3456"],
    ["99999999999999.9999", money, "99999999999999.9999"],
    ["9999999999.99999999亿", money, "99999999999999.9999"],
    ["12", count, "12"],
    ["12家", count, "12"],
    ["12.0", count, "12"],
    ["1,200", count, "1200"],
    ["56.7", power, "56.7"],
    ["56.7万千瓦时", power, "56.7"],
    ["3户", { unit: "户", integerOnly: true }, "3"],
    ["3个", { unit: "个", integerOnly: true }, "3"],
    ["350人", { unit: "人", integerOnly: true }, "350"],
    ["1.5万", { unit: "元" }, "15000"],
    ["12000万元", { unit: "亿元" }, "1.2"],
  ])("%j (%j) → %s", (raw, opts, value) => {
    expect(parseFigure(raw, opts)).toEqual({ ok: true, value });
  });

  it.each(["", "   ", "\u3000", "\t\n"])("empty %j is no value, not an error", (raw) => {
    expect(parseFigure(raw, money)).toEqual({ ok: true, value: null });
  });
});

describe("parseFigure rejects with a Chinese field error", () => {
  it.each<[string, FigureFieldOptions, string]>([
    ["abc", money, FIGURE_MESSAGES.notANumberMoney],
    ["亿", money, FIGURE_MESSAGES.notANumberMoney],
    ["万元", money, FIGURE_MESSAGES.notANumberMoney],
    [".", money, FIGURE_MESSAGES.notANumberMoney],
    ["-", moneySigned, FIGURE_MESSAGES.notANumberMoney],
    ["1.2.3", money, FIGURE_MESSAGES.notANumberMoney],
    ["--5", moneySigned, FIGURE_MESSAGES.notANumberMoney],
    ["5-", moneySigned, FIGURE_MESSAGES.notANumberMoney],
    ["+5", money, FIGURE_MESSAGES.notANumberMoney],
    ["1e5", money, FIGURE_MESSAGES.notANumberMoney],
    ["0x10", money, FIGURE_MESSAGES.notANumberMoney],
    ["Infinity", money, FIGURE_MESSAGES.notANumberMoney],
    ["NaN", money, FIGURE_MESSAGES.notANumberMoney],
    ["（56.3）", moneySigned, FIGURE_MESSAGES.notANumberMoney],
    ["3500万万", money, FIGURE_MESSAGES.notANumberMoney],
    ["3500美元", money, FIGURE_MESSAGES.notANumberMoney],
    ["1,2345", money, FIGURE_MESSAGES.badGrouping],
    ["12,34.5", money, FIGURE_MESSAGES.badGrouping],
    [",123", money, FIGURE_MESSAGES.badGrouping],
    ["1,234,56", money, FIGURE_MESSAGES.badGrouping],
    ["-56.3", money, "不能为负数"],
    ["−56.3", money, "不能为负数"],
    ["-1亿", money, "不能为负数"],
    ["-3", count, "不能为负数"],
    ["12.5", count, "应为整数"],
    ["12.5家", count, "应为整数"],
    ["1.23456", money, "小数位数过多（最多4位）"],
    ["0.00001", money, "小数位数过多（最多4位）"],
    ["1.5元", money, "换算为万元后小数位数过多（最多4位）"],
    ["100000000000000", money, "数值过大"],
    ["10000000000亿", money, "数值过大"],
    ["1" + "0".repeat(40), money, "数值过大"],
    ["0." + "0".repeat(40) + "1", money, "小数位数过多（最多4位）"],
    ["12万元", count, "单位不符：本项单位为家"],
    ["12户", count, "单位不符：本项单位为家"],
    ["56.7万", power, "单位不符：本项单位为万千瓦时"],
    ["56.7千瓦时", power, "单位不符：本项单位为万千瓦时"],
    ["12家", money, "单位不符：本项单位为万元"],
    ["abc", count, FIGURE_MESSAGES.notAnInteger],
    ["abc", power, FIGURE_MESSAGES.notANumber],
  ])("%j (%j) → %s", (raw, opts, message) => {
    expect(parseFigure(raw, opts)).toEqual({ ok: false, message });
  });

  it("checks the sign before the fraction, and the fraction before the size", () => {
    expect(parseFigure("-1.5", count)).toEqual({ ok: false, message: "不能为负数" });
    expect(parseFigure("123456789012345.5", count)).toEqual({ ok: false, message: "应为整数" });
  });
});

describe("formatFigureForInput", () => {
  it.each<[string | null, number, string]>([
    ["12000", 2, "12000.00"],
    ["1234567.5", 2, "1234567.50"],
    ["1.2345", 2, "1.2345"], // never rounds a stored value away
    ["12", 0, "12"],
    ["-56.3", 2, "-56.30"],
    ["0", 2, "0.00"],
    ["99999999999999.9999", 2, "99999999999999.9999"],
    [null, 2, ""],
    ["abc", 2, ""],
    ["12", -1, "12"],
    ["12", 1.5, "12"],
  ])("%j at precision %i → %j", (value, precision, text) => {
    expect(formatFigureForInput(value, precision)).toBe(text);
  });

  it("round-trips through parseFigure", () => {
    for (const v of ["12000", "1234567.5", "-56.3", "0.0001"]) {
      expect(parseFigure(formatFigureForInput(v, 2), moneySigned)).toEqual({ ok: true, value: v });
    }
  });
});
