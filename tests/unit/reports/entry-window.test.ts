import { describe, expect, it } from "vitest";
import { entryPeriodAfter, entryRefusal, latestOpenPeriod } from "@/lib/reports/entry-window";

// 3 December 2026, 10:00 in China; 25 December 2026, 00:30 in China (24 December 16:30 UTC).
const DEC_3 = new Date("2026-12-03T02:00:00Z");
const DEC_25 = new Date("2026-12-24T16:30:00Z");

describe("a period opens for entry after its month ends", () => {
  it("on 3 December the newest open period is 1–11月, not 1–12月", () => {
    expect(latestOpenPeriod(DEC_3, null)).toEqual({ year: 2026, month: 11 });
    expect(entryRefusal({ year: 2026, month: 11 }, DEC_3, null)).toBeNull();
    expect(entryRefusal({ year: 2026, month: 12 }, DEC_3, null)).toBe("2026年12月尚未结束，该期数据在月份结束后（次月1日起）填报");
    expect(entryRefusal({ year: 2027, month: 1 }, DEC_3, null)).toBe("2027年1月尚未到来，不能填报该期数据");
  });

  it("a county's 快报 window opens the current month from its day (China time)", () => {
    expect(latestOpenPeriod(DEC_3, 25)).toEqual({ year: 2026, month: 11 });
    expect(entryRefusal({ year: 2026, month: 12 }, DEC_3, 25)).toBe("2026年12月尚未结束，该期快报自本月25日起填报");
    expect(latestOpenPeriod(DEC_25, 25)).toEqual({ year: 2026, month: 12 });
    expect(entryRefusal({ year: 2026, month: 12 }, DEC_25, 25)).toBeNull();
    // 24 December 23:59 in China is still before the window.
    expect(latestOpenPeriod(new Date("2026-12-24T15:59:00Z"), 25)).toEqual({ year: 2026, month: 11 });
  });

  it("January opens December of the year before", () => {
    expect(latestOpenPeriod(new Date("2027-01-02T00:00:00Z"), null)).toEqual({ year: 2026, month: 12 });
  });
});

describe("the period a reporter works on", () => {
  it("is the month after the last submitted one, never a month that has not ended", () => {
    // One town submitted 1–11月 on 3 December: its reporter stays on 1–11月 (read-only), not 1–12月.
    expect(entryPeriodAfter({ year: 2026, month: 11 }, DEC_3, null)).toEqual({ year: 2026, month: 11 });
    expect(entryPeriodAfter({ year: 2026, month: 10 }, DEC_3, null)).toEqual({ year: 2026, month: 11 });
    expect(entryPeriodAfter({ year: 2026, month: 8 }, DEC_3, null)).toEqual({ year: 2026, month: 9 });
    expect(entryPeriodAfter(null, DEC_3, null)).toEqual({ year: 2026, month: 11 });
    expect(entryPeriodAfter({ year: 2026, month: 11 }, DEC_25, 25)).toEqual({ year: 2026, month: 12 });
  });
});
