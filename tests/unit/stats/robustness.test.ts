import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as stats from "@/lib/stats";
import { anyNum, BAD_TEXT, isSafeDecimalResult } from "./arbitraries";

/*
 * Whatever arrives — 0, negatives, huge or tiny magnitudes, NaN, ±Infinity, junk strings,
 * non-finite Decimals — no function throws, returns NaN/Infinity, or prints something a
 * leader should never read on the wall dashboard.
 */

const runs = { numRuns: 400 };
const digits = fc.integer({ min: 0, max: 4 });
const month = fc.oneof(fc.integer({ min: -2, max: 14 }), fc.double());

describe("no NaN or Infinity ever comes out", () => {
  it("single-value functions", () => {
    fc.assert(
      fc.property(anyNum, digits, (x, d) => {
        expect(isSafeDecimalResult(stats.toDecimal(x))).toBe(true);
        expect(isSafeDecimalResult(stats.roundHalfUp(x, d))).toBe(true);
      }),
      runs,
    );
  });

  it("two-value formulas", () => {
    const pairs = [
      stats.yoyPercent,
      stats.increase,
      stats.planCompletionPercent,
      stats.sharePercent,
      stats.contributionPercent,
      stats.pullPoints,
    ];
    fc.assert(
      fc.property(anyNum, anyNum, (a, b) => {
        for (const f of pairs) expect(isSafeDecimalResult(f(a, b))).toBe(true);
        expect([null, "扭亏为盈", "减亏", "增亏", "持平"]).toContain(stats.lossChange(a, b));
      }),
      runs,
    );
  });

  it("average annual growth, including overflowing powers", () => {
    fc.assert(
      fc.property(anyNum, anyNum, anyNum, (start, end, years) => {
        expect(isSafeDecimalResult(stats.averageAnnualGrowthPercent(start, end, years))).toBe(true);
      }),
      runs,
    );
    // (1e900 / 1e-900)^(1e10) overflows: no value, not Infinity.
    expect(stats.averageAnnualGrowthPercent("1e-900", "1e900", "1e-10")).toBeNull();
  });

  it("time progress and schedule gap for any month", () => {
    fc.assert(
      fc.property(anyNum, anyNum, month, (ytd, plan, m) => {
        expect(isSafeDecimalResult(stats.timeProgressPercent(m))).toBe(true);
        expect(isSafeDecimalResult(stats.scheduleGapPoints(ytd, plan, m))).toBe(true);
      }),
      runs,
    );
  });

  it("series and rankings", () => {
    fc.assert(
      fc.property(fc.array(anyNum, { maxLength: 14 }), (xs) => {
        for (const x of stats.monthlyFromYtd(xs)) expect(isSafeDecimalResult(x)).toBe(true);
        for (const x of stats.ytdFromMonthly(xs)) expect(isSafeDecimalResult(x)).toBe(true);
        for (const r of stats.competitionRank(xs)) expect(r === null || Number.isInteger(r)).toBe(true);
        for (const r of stats.competitionRankNullsLast(xs)) expect(Number.isInteger(r)).toBe(true);
      }),
      runs,
    );
  });

  it("tiers and buckets", () => {
    fc.assert(
      fc.property(anyNum, (x) => {
        expect([null, "over100m", "over50m", "over20m"]).toContain(stats.enterpriseOutputTier(x));
        expect(typeof stats.isTaxOverMillion(x)).toBe("boolean");
        expect([null, "ge1b", "ge100m", "50m_100m", "10m_50m", "lt10m"]).toContain(stats.projectBucket(x));
      }),
      runs,
    );
  });
});

describe("formatters never print NaN, Infinity or undefined", () => {
  const withDigits = [
    stats.formatNumber,
    stats.formatWan,
    stats.formatWanWithUnit,
    stats.formatYi,
    stats.formatYiWithUnit,
    stats.formatPercent,
    stats.formatPoints,
    stats.formatGrowth,
    stats.formatScheduleGap,
    stats.formatSigned,
  ];

  it("for any value and digit count", () => {
    fc.assert(
      fc.property(anyNum, digits, (x, d) => {
        for (const format of withDigits) {
          const text = format(x, d);
          expect(text).not.toMatch(BAD_TEXT);
          expect(text.length).toBeGreaterThan(0);
          // Either the placeholder or something with a digit or a verdict word in it.
          expect(text === "—" || /\d|持平/.test(text)).toBe(true);
        }
      }),
      runs,
    );
  });

  it("for values computed from arbitrary inputs", () => {
    fc.assert(
      fc.property(anyNum, anyNum, (a, b) => {
        expect(stats.formatGrowth(stats.yoyPercent(a, b))).not.toMatch(BAD_TEXT);
        expect(stats.formatPercent(stats.sharePercent(a, b))).not.toMatch(BAD_TEXT);
        expect(stats.formatScheduleGap(stats.scheduleGapPoints(a, b, 7))).not.toMatch(BAD_TEXT);
      }),
      runs,
    );
  });

  it("for any period", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), month, (year, m) => {
        expect(stats.formatPeriod(year, m)).not.toMatch(BAD_TEXT);
        expect(stats.formatPeriodRange(year, m)).not.toMatch(BAD_TEXT);
      }),
      runs,
    );
  });
});
