import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  formatGrowth,
  formatNumber,
  formatPercent,
  formatPoints,
  formatScheduleGap,
  formatSigned,
  formatWan,
  formatWanWithUnit,
  formatYi,
  formatYiWithUnit,
  yoyPercent,
} from "@/lib/stats";

describe("formatNumber", () => {
  it.each([
    [1234567.891, 2, "1,234,567.89"],
    ["1234567.895", 2, "1,234,567.90"],
    [1.005, 2, "1.01"],
    [2.345, 2, "2.35"],
    [-2.345, 2, "-2.35"],
    [-1234.5, 0, "-1,235"],
    [999.995, 2, "1,000.00"],
    [0, 2, "0.00"],
    [-0.001, 2, "0.00"],
    [-0, 1, "0.0"],
    [123, 0, "123"],
    [new Decimal("1e21"), 0, "1,000,000,000,000,000,000,000"],
  ])("formats %j with %i digits as %s", (x, digits, expected) => {
    expect(formatNumber(x, digits)).toBe(expected);
  });

  it.each([null, undefined, "", NaN, Infinity, "abc"])("shows %j as —", (x) => {
    expect(formatNumber(x, 2)).toBe("—");
  });
});

describe("万元 / 亿元", () => {
  it("formats 万元 amounts with separators", () => {
    expect(formatWan(12345.678)).toBe("12,345.68");
    expect(formatWan(12345.678, 0)).toBe("12,346");
    expect(formatWanWithUnit(12345.678)).toBe("12,345.68万元");
  });

  it("converts 万元 to 亿元 (1亿 = 10,000万)", () => {
    expect(formatYi(123456)).toBe("12.35");
    expect(formatYiWithUnit(123456)).toBe("12.35亿元");
    expect(formatYiWithUnit(191000, 1)).toBe("19.1亿元");
    expect(formatYi(123456789)).toBe("12,345.68");
    // Half-up applies to the 亿 value: 1.005亿 is 10050万.
    expect(formatYi(10050)).toBe("1.01");
  });

  it("keeps the unit off a missing value", () => {
    expect(formatWanWithUnit(null)).toBe("—");
    expect(formatYiWithUnit(undefined)).toBe("—");
  });
});

describe("percentages and points", () => {
  it("formatPercent rounds to one decimal by default", () => {
    expect(formatPercent(12.345)).toBe("12.3%");
    expect(formatPercent(12.35)).toBe("12.4%");
    expect(formatPercent(12.345, 2)).toBe("12.35%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(yoyPercent(10, 0))).toBe("—"); // base 0: "—", never ∞
  });

  it("formatPoints", () => {
    expect(formatPoints(13.8266)).toBe("13.8个百分点");
    expect(formatPoints(-2.05)).toBe("-2.1个百分点");
  });

  it.each([
    [12.34, "增长12.3%"],
    [-4.45, "下降4.5%"],
    [0, "持平"],
    [0.04, "持平"],
    [-0.04, "持平"],
    [0.05, "增长0.1%"],
    [null, "—"],
  ])("formatGrowth(%j) → %s", (p, expected) => {
    expect(formatGrowth(p)).toBe(expected);
  });

  it("formatGrowth of a YoY computed from figures", () => {
    expect(formatGrowth(yoyPercent(112.3, 100))).toBe("增长12.3%");
    expect(formatGrowth(yoyPercent(95.5, 100))).toBe("下降4.5%");
  });

  it.each([
    [13.8266, "超时序进度13.8个百分点"],
    [-2.1, "落后时序进度2.1个百分点"],
    [0.04, "与时序进度持平"],
    [undefined, "—"],
  ])("formatScheduleGap(%j) → %s", (p, expected) => {
    expect(formatScheduleGap(p)).toBe(expected);
  });

  it.each([
    [1.24, 1, "+1.2"],
    [-3.35, 1, "-3.4"],
    [0, 1, "0.0"],
    [-0.04, 1, "0.0"],
    [1234.5, 0, "+1,235"],
    [null, 1, "—"],
  ])("formatSigned(%j, %i) → %s", (x, digits, expected) => {
    expect(formatSigned(x, digits)).toBe(expected);
  });
});
