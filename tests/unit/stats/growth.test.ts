import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageAnnualGrowthPercent, increase, lossChange, yoyPercent } from "@/lib/stats";
import { Exact, figure } from "./arbitraries";

describe("yoyPercent (同比增长)", () => {
  it.each([
    [112.3, 100, "12.3"],
    [95.5, 100, "-4.5"],
    [100, 100, "0"],
    [0, 100, "-100"],
    ["19100", "18830", "1.4338821030270844397238449283058948486457780138078"],
  ])("(%j − %j) / base × 100 = %s", (current, base, expected) => {
    expect(yoyPercent(current, base)?.toString()).toBe(expected);
  });

  it("is exact where floats are not: 0.3 on a base of 0.1", () => {
    // (0.3 − 0.1) / 0.1 × 100 in floats is 199.99999999999997.
    expect(yoyPercent(0.3, 0.1)?.toString()).toBe("200");
  });

  it.each([
    ["base 0", 5, 0],
    ["negative base", 5, -10],
    ["missing base", 5, null],
    ["missing current", undefined, 10],
    ["empty string", "", 10],
  ])("has no value for %s", (_label, current, base) => {
    expect(yoyPercent(current, base)).toBeNull();
  });

  it("recovers the current value: base × (1 + yoy/100) = current", () => {
    const positive = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), positive, (current, base) => {
        const yoy = yoyPercent(current, base);
        expect(yoy).not.toBeNull();
        const back = new Exact(yoy!).div(100).plus(1).times(base);
        expect(back.minus(current).abs().lte("1e-40")).toBe(true);
      }),
    );
  });
});

describe("lossChange (negative base words)", () => {
  it.each([
    [50, -100, "扭亏为盈"],
    [0, -100, "扭亏为盈"],
    [-40, -100, "减亏"],
    [-140, -100, "增亏"],
    [-100, -100, "持平"],
    ["-100.00", -100, "持平"],
  ])("current %j on base %j → %s", (current, base, expected) => {
    expect(lossChange(current, base)).toBe(expected);
  });

  it.each([
    [50, 100],
    [-50, 100],
    [50, 0],
    [null, -100],
    [-50, undefined],
  ])("no words unless the base is a loss and both are known (%j, %j)", (current, base) => {
    expect(lossChange(current, base)).toBeNull();
  });

  it("yoyPercent and lossChange never both answer", () => {
    fc.assert(
      fc.property(figure, figure, (current, base) => {
        expect(yoyPercent(current, base) !== null && lossChange(current, base) !== null).toBe(false);
      }),
    );
  });
});

describe("increase (增量)", () => {
  it("is current − base, exactly", () => {
    expect(increase(0.3, 0.1)?.toString()).toBe("0.2");
    expect(increase("12345678901234.56", "0.01")?.toString()).toBe("12345678901234.55");
    expect(increase(-20, -50)?.toString()).toBe("30");
  });

  it("is null when either side is missing", () => {
    expect(increase(null, 1)).toBeNull();
    expect(increase(1, "n/a")).toBeNull();
  });
});

describe("averageAnnualGrowthPercent (年均增长)", () => {
  it.each([
    [100, 121, 2, "10"],
    [1000, 1331, 3, "10"],
    [100, 100, 5, "0"],
    [100, 0, 2, "-100"],
    [100, 200, 1, "100"],
  ])("%j → %j over %j years = %s%", (start, end, years, expected) => {
    expect(averageAnnualGrowthPercent(start, end, years)?.toString()).toBe(expected);
  });

  it("matches the closed form for doubling over ten years (7.177…%)", () => {
    expect(averageAnnualGrowthPercent(50, 100, 10)?.toFixed(10)).toBe("7.1773462536");
  });

  it.each([
    [0, 100, 2],
    [-10, 100, 2],
    [100, -1, 2],
    [100, 120, 0],
    [100, 120, -1],
    [null, 120, 2],
  ])("has no value for start %j, end %j, years %j", (start, end, years) => {
    expect(averageAnnualGrowthPercent(start, end, years)).toBeNull();
  });

  it("compounds back to the end value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 20 }),
        (start, end, years) => {
          const rate = averageAnnualGrowthPercent(start, end, years);
          expect(rate).not.toBeNull();
          const compounded = new Exact(rate!).div(100).plus(1).pow(years).times(start);
          expect(compounded.minus(end).abs().lte("1e-30")).toBe(true);
        },
      ),
    );
  });
});
