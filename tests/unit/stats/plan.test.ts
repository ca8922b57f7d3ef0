import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatPercent,
  formatScheduleGap,
  planCompletionPercent,
  roundHalfUp,
  scheduleGapPoints,
  timeProgressPercent,
} from "@/lib/stats";

describe("timeProgressPercent (时序进度)", () => {
  it.each([
    [1, "8.3"],
    [6, "50.0"],
    [7, "58.3"],
    [10, "83.3"],
    [12, "100.0"],
  ])("month %i → %s%", (month, expected) => {
    expect(timeProgressPercent(month)?.toFixed(1)).toBe(expected);
  });

  it("7月 displays as 58.3%", () => {
    expect(formatPercent(timeProgressPercent(7))).toBe("58.3%");
  });

  it("is exact for months that divide evenly and unrounded otherwise", () => {
    expect(timeProgressPercent(3)?.toString()).toBe("25");
    expect(timeProgressPercent(10)?.toString()).toMatch(/^83\.3{40,}$/);
  });

  it.each([0, 13, -1, 6.5, NaN, Infinity])("has no value for month %j", (month) => {
    expect(timeProgressPercent(month)).toBeNull();
  });
});

describe("planCompletionPercent (完成年度计划)", () => {
  it("is ytd / plan × 100", () => {
    expect(planCompletionPercent(9716, 10000)?.toString()).toBe("97.16");
    expect(planCompletionPercent("15000", "10000")?.toString()).toBe("150");
  });

  it.each([
    [100, 0],
    [100, -5],
    [100, null],
    [null, 100],
  ])("has no value for ytd %j, plan %j", (ytd, plan) => {
    expect(planCompletionPercent(ytd, plan)).toBeNull();
  });
});

describe("scheduleGapPoints (超/落后时序进度)", () => {
  it("1–10月: 97.16% − 83.33% → 超13.8个百分点", () => {
    const gap = scheduleGapPoints(9716, 10000, 10);
    expect(gap?.toFixed(4)).toBe("13.8267");
    expect(roundHalfUp(gap, 1)?.toString()).toBe("13.8");
    expect(formatScheduleGap(gap)).toBe("超时序进度13.8个百分点");
  });

  it("computes the gap before rounding (rounding each term first would say 8.2)", () => {
    // completion 50.06% (shows 50.1%), 7月 time progress 58.333…% (shows 58.3%)
    const gap = scheduleGapPoints(5006, 10000, 7);
    expect(formatScheduleGap(gap)).toBe("落后时序进度8.3个百分点");
  });

  it("is null without a plan or a valid month", () => {
    expect(scheduleGapPoints(100, 0, 7)).toBeNull();
    expect(scheduleGapPoints(100, 1000, 13)).toBeNull();
  });

  it("equals completion − time progress for every month", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        (ytd, plan, month) => {
          const gap = scheduleGapPoints(ytd, plan, month)!;
          const expected = planCompletionPercent(ytd, plan)!.minus(timeProgressPercent(month)!);
          expect(gap.eq(expected)).toBe(true);
          // On schedule exactly when ytd / plan = month / 12, i.e. ytd × 12 = plan × month.
          expect(gap.isZero()).toBe(ytd * 12 === plan * month);
        },
      ),
    );
  });
});
