import { describe, expect, it } from "vitest";
import {
  formatPeriod,
  formatPeriodKey,
  formatPeriodRange,
  chinaMonth,
  isFuturePeriod,
  parsePeriod,
  previousPeriod,
  samePeriodLastYear,
} from "@/lib/stats";

describe("period keys", () => {
  it("parses and formats YYYY-MM", () => {
    expect(parsePeriod("2024-07")).toEqual({ year: 2024, month: 7 });
    expect(parsePeriod("2024-12")).toEqual({ year: 2024, month: 12 });
    expect(formatPeriodKey({ year: 2024, month: 7 })).toBe("2024-07");
  });

  it.each(["2024-00", "2024-13", "2024-7", "24-07", "2024/07", "", "2024-07-01", "abcd-ef"])(
    "rejects %j",
    (key) => {
      expect(parsePeriod(key)).toBeNull();
    },
  );

  it("round-trips every month of a year", () => {
    for (let month = 1; month <= 12; month++) {
      const key = formatPeriodKey({ year: 2024, month });
      expect(parsePeriod(key)).toEqual({ year: 2024, month });
    }
  });

  it("refuses to build a key for an invalid period", () => {
    expect(() => formatPeriodKey({ year: 2024, month: 13 })).toThrow(RangeError);
  });
});

describe("period arithmetic", () => {
  it("previousPeriod crosses the year boundary", () => {
    expect(previousPeriod({ year: 2024, month: 7 })).toEqual({ year: 2024, month: 6 });
    expect(previousPeriod({ year: 2024, month: 1 })).toEqual({ year: 2023, month: 12 });
  });

  it("samePeriodLastYear is the YoY base", () => {
    expect(samePeriodLastYear({ year: 2024, month: 7 })).toEqual({ year: 2023, month: 7 });
  });
});

describe("period labels", () => {
  it("formats the cumulative range with an en dash, January alone", () => {
    expect(formatPeriodRange(2024, 7)).toBe("2024年1–7月");
    expect(formatPeriodRange(2024, 1)).toBe("2024年1月");
    expect(formatPeriodRange(2024, 12)).toBe("2024年1–12月");
  });

  it("formats a single month", () => {
    expect(formatPeriod(2024, 7)).toBe("2024年7月");
  });

  it("shows — for an impossible period", () => {
    expect(formatPeriodRange(2024, 0)).toBe("—");
    expect(formatPeriod(NaN, 7)).toBe("—");
  });
});

describe("the current month in China", () => {
  it("turns over at midnight Beijing time, not UTC", () => {
    expect(chinaMonth(new Date("2026-11-30T15:59:59Z"))).toEqual({ year: 2026, month: 11 });
    expect(chinaMonth(new Date("2026-11-30T16:00:00Z"))).toEqual({ year: 2026, month: 12 });
    expect(chinaMonth(new Date("2026-12-31T16:00:00Z"))).toEqual({ year: 2027, month: 1 });
  });

  it("a period after the current month has not begun; this month and earlier have", () => {
    const now = new Date("2026-12-02T01:00:00Z");
    expect(isFuturePeriod({ year: 2027, month: 1 }, now)).toBe(true);
    expect(isFuturePeriod({ year: 2026, month: 12 }, now)).toBe(false);
    expect(isFuturePeriod({ year: 2026, month: 11 }, now)).toBe(false);
  });
});
