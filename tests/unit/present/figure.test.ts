// The one presenter: every view reads a cell's text, unit, growth words and tone from here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "@/lib/overview/compute";
import { growthScopeNote, presentCell, presentFraction, presentGrowth, presentLoggedValue, presentPlan, presentShare, presentValue, toneOf } from "@/lib/present/figure";

const cell = (over: Partial<Cell>): Cell => ({
  value: null, base: null, baseKind: null, yoyPercent: null, lossChange: null, increase: null, plan: null, planCompletionPercent: null, scheduleGapPoints: null,
  sharePercent: null, rank: null, growthRank: null, rankChange: null, growthRankChange: null, contributionPercent: null, pullPoints: null, ...over,
});
const money = { unit: "万元", precision: 2, percentPrecision: 1 };

describe("presentGrowth", () => {
  it("reads −0.04% as 持平, flat: the tone is decided after rounding, like the words", () => {
    const g = presentGrowth({ yoyPercent: -0.04, lossChange: null }, 1);
    expect(g).toEqual({ words: "持平", percent: "0.0%", signed: "0.0%", tone: "flat" });
    expect(toneOf(-0.05, 1)).toBe("down");
  });

  it("colours 增亏 as decline and 扭亏为盈 / 减亏 as improvement, in words", () => {
    expect(presentGrowth({ yoyPercent: null, lossChange: "增亏" })).toEqual({ words: "增亏", percent: "增亏", signed: "增亏", tone: "down" });
    expect(presentGrowth({ yoyPercent: null, lossChange: "扭亏为盈" })).toMatchObject({ words: "扭亏为盈", tone: "up" });
    expect(presentGrowth({ yoyPercent: null, lossChange: "减亏" })).toMatchObject({ words: "减亏", tone: "up" });
  });

  it("words, signed percent and tone for growth and decline", () => {
    expect(presentGrowth({ yoyPercent: 12.345, lossChange: null })).toEqual({ words: "增长12.3%", percent: "12.3%", signed: "+12.3%", tone: "up" });
    expect(presentGrowth({ yoyPercent: -4.55, lossChange: null }, 1)).toEqual({ words: "下降4.6%", percent: "-4.6%", signed: "-4.6%", tone: "down" });
  });

  it('answers "—" with no tone for a missing growth or cell', () => {
    expect(presentGrowth({ yoyPercent: null, lossChange: null })).toEqual({ words: "—", percent: "—", signed: "—", tone: "none" });
    expect(presentGrowth(undefined).words).toBe("—");
  });
});

describe("presentValue", () => {
  it("rounds once from the exact value to the displayed unit: 1,565,949.6万元 reads 156.59亿元, not 156.60", () => {
    expect(presentValue("1565949.6", money, "yi")).toEqual({ text: "156.59", unit: "亿元" });
    expect(presentValue("1565949.6", money)).toEqual({ text: "1,565,949.60", unit: "万元" });
  });

  it("keeps other units and their precision", () => {
    expect(presentValue("1234", { unit: "户", precision: 0 }, "yi")).toEqual({ text: "1,234", unit: "户" });
  });
});

describe("presentPlan and presentCell", () => {
  it("a −0.04-point gap reads 与时序进度持平 with no colour", () => {
    expect(presentPlan({ planCompletionPercent: 58.29, scheduleGapPoints: -0.04 })).toEqual({ completion: "58.3%", gap: "与时序进度持平", gapPoints: "0.0", gapTone: "flat" });
    expect(presentPlan({ planCompletionPercent: 50, scheduleGapPoints: -8.33 }).gapTone).toBe("down");
  });

  it('shows "—" for every figure of a missing cell', () => {
    const shown = presentCell(undefined, money, "yi");
    expect([shown.text, shown.base, shown.increase, shown.growth.words, shown.plan.completion, shown.plan.gap, shown.share, shown.contribution, shown.pull]).toEqual(Array(9).fill("—"));
  });

  it("never prints NaN, Infinity or undefined, whatever the cell holds", () => {
    const num = fc.oneof(fc.constant(null), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -0.04, 0.05));
    const dec = fc.oneof(fc.constant(null), fc.constantFrom("NaN", "Infinity", "", "abc", "-0", "1e999"), fc.double({ noNaN: true }).map(String));
    fc.assert(
      fc.property(dec, dec, num, num, num, fc.constantFrom(null, "扭亏为盈", "减亏", "增亏", "持平" as const), (value, base, yoy, plan, gap, loss) => {
        const shown = presentCell(cell({ value, base, yoyPercent: yoy, planCompletionPercent: plan, scheduleGapPoints: gap, lossChange: loss }), money, "yi");
        const text = JSON.stringify(shown);
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});

describe("growthScopeNote", () => {
  it("names the towns a total's growth leaves out, or nothing", () => {
    expect(growthScopeNote(["兴化高新区"])).toBe("合计同比不含新设（上年同期无数据）的兴化高新区");
    expect(growthScopeNote([])).toBeNull();
    expect(growthScopeNote(undefined)).toBeNull();
  });
});

describe("presentLoggedValue", () => {
  it("reads a logged figure with separators and its decimals, other text as it is, nothing as —", () => {
    expect(presentLoggedValue("1565949.60")).toBe("1,565,949.60");
    expect(presentLoggedValue("1565949.6000")).toBe("1,565,949.60");
    expect(presentLoggedValue("-1234.5")).toBe("-1,234.50");
    expect(presentLoggedValue("126")).toBe("126");
    expect(presentLoggedValue("0.1234")).toBe("0.1234");
    expect(presentLoggedValue("已报送")).toBe("已报送");
    expect(presentLoggedValue(null)).toBe("—");
    expect(presentLoggedValue("")).toBe("—");
  });
});

describe("presentShare / presentFraction: ratios in words, never 0.0% or 1/9,668", () => {
  it.each<[string | number | null, string]>([
    ["72.44", "72.4%"],
    ["0.05", "0.1%"],
    ["0.0098", "不足0.1%"],
    [0, "0.0%"],
    [null, "—"],
  ])("share %s reads %s", (p, text) => {
    expect(presentShare(p)).toBe(text);
  });

  it.each<[string, string, boolean]>([
    ["0.000103", "千分之一", true],
    ["0.001", "千分之一", false],
    ["0.0000999", "万分之一", true],
    ["0.01", "百分之一", false],
    ["1e-12", "亿分之一", true],
  ])("fraction %s reads %s (below: %s)", (r, text, below) => {
    expect(presentFraction(r)).toEqual({ text, below });
  });

  it("has no words for ratios that are not small", () => {
    expect(presentFraction("0.5")).toBeNull();
    expect(presentFraction("2")).toBeNull();
    expect(presentFraction(null)).toBeNull();
  });
});
