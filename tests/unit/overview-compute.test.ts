import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { computeIndicatorCells, type ChildFigures } from "@/lib/overview/compute";

const d = (x: string | null) => (x === null ? null : new Decimal(x));
function child(value: string | null, base: string | null, extra: Partial<Record<keyof ChildFigures, string | null>> = {}): ChildFigures {
  return {
    value: d(value),
    base: d(base),
    comparableBase: d(extra.comparableBase ?? null),
    plan: d(extra.plan ?? null),
    previousValue: d(extra.previousValue ?? null),
    previousBase: d(extra.previousBase ?? null),
    previousComparableBase: d(extra.previousComparableBase ?? null),
  };
}

describe("computeIndicatorCells", () => {
  const flow = { code: "gross_output", kind: "FLOW" as const };

  it("sums children exactly and derives growth, share, contribution and pull", () => {
    const { cells, total } = computeIndicatorCells(flow, 7, [child("0.1", "0.05"), child("0.2", "0.25")], null);
    expect(total.value).toBe("0.3"); // not 0.30000000000000004
    expect(total.base).toBe("0.3");
    expect(total.yoyPercent).toBe(0);
    expect(cells[0].yoyPercent).toBe(100);
    expect(cells[1].yoyPercent).toBe(-20);
    expect(cells[0].sharePercent).toBeCloseTo(33.3333333, 6);
    expect(cells[0].increase).toBe("0.05");
    // The parent did not grow: contribution is undefined (no value), pull is a share of last year's total.
    expect(cells[0].contributionPercent).toBeNull();
    expect(cells[0].pullPoints).toBeCloseTo(16.6666667, 6);
  });

  it("gives a negative base words instead of a percentage, and a missing base no growth rank", () => {
    const { cells } = computeIndicatorCells(
      { code: "profit", kind: "FLOW" },
      7,
      [child("120", "-80"), child("-30", "-50"), child("500", "400"), child("90", null)],
      null,
    );
    expect(cells[0].yoyPercent).toBeNull();
    expect(cells[0].lossChange).toBe("扭亏为盈");
    expect(cells[1].lossChange).toBe("减亏");
    expect(cells[2].yoyPercent).toBe(25);
    expect(cells[2].growthRank).toBe(1);
    expect(cells[3].yoyPercent).toBeNull();
    expect(cells[3].growthRank).toBeNull();
    expect(cells.map((c) => c.rank)).toEqual([2, 4, 1, 3]);
  });

  it("ranks ties by competition and reports the change since last month", () => {
    const { cells } = computeIndicatorCells(flow, 3, [
      child("100", "90", { previousValue: "60" }),
      child("100", "80", { previousValue: "70" }),
      child("50", "40", { previousValue: "80" }),
    ], null);
    expect(cells.map((c) => c.rank)).toEqual([1, 1, 3]);
    // last month: 3rd, 2nd, 1st
    expect(cells.map((c) => c.rankChange)).toEqual([2, 1, -2]);
  });

  it("uses the comparable (同口径) base where enterprise figures exist and says so", () => {
    const { cells, total } = computeIndicatorCells(flow, 7, [child("120", "100", { comparableBase: "110" }), child("60", "50")], null);
    expect(cells[0].base).toBe("110");
    expect(cells[0].baseKind).toBe("comparable");
    expect(cells[0].yoyPercent).toBeCloseTo(9.0909091, 6);
    expect(cells[1].baseKind).toBe("reported");
    expect(total.base).toBe("160");
  });

  it("computes plan completion and the gap to time progress before rounding", () => {
    // 1–10月: 97.16% complete against 83.333…% time progress → 13.826… points ahead.
    const { cells, total } = computeIndicatorCells(flow, 10, [child("9716", "9000", { plan: "10000" })], d("20000"));
    expect(cells[0].planCompletionPercent).toBeCloseTo(97.16, 10);
    expect(cells[0].scheduleGapPoints).toBeCloseTo(13.8266667, 6);
    expect(total.plan).toBe("20000");
    expect(total.planCompletionPercent).toBeCloseTo(48.58, 10);
  });

  it("has no value at all for a region that did not report, never NaN", () => {
    const { cells, total } = computeIndicatorCells(flow, 7, [child(null, null), child(null, "10")], null);
    for (const c of [...cells, total]) {
      for (const v of Object.values(c)) expect(Number.isNaN(v)).toBe(false);
    }
    expect(total.value).toBeNull();
    expect(cells[0].rank).toBeNull();
    expect(cells[1].sharePercent).toBeNull();
  });
});
