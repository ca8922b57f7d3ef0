// Periods named in URLs, queries and bodies start in 2000; derived periods may go earlier.
import { describe, expect, it } from "vitest";
import { invalidPeriodText, parsePeriod, periodKeyProblem, samePeriodLastYear } from "@/lib/stats";

describe("period lower bound", () => {
  it.each(["1899-12", "1999-12", "1000-01", "0000-01"])("refuses %s with the range message", (key) => {
    expect(parsePeriod(key)).toBeNull();
    expect(periodKeyProblem(key)).toBe("统计期不能早于2000年1月");
  });

  it("accepts 2000-01 and still derives 1999 as its base", () => {
    expect(parsePeriod("2000-01")).toEqual({ year: 2000, month: 1 });
    expect(periodKeyProblem("2000-01")).toBeNull();
    expect(samePeriodLastYear({ year: 2000, month: 1 })).toEqual({ year: 1999, month: 1 });
  });

  it("tells a format problem from a range problem", () => {
    expect(periodKeyProblem("2024-7")).toBe("统计期应为 YYYY-MM 格式，例如 2024-07");
    expect(invalidPeriodText("1899-12")).toBe("“1899-12”不是有效的统计期：统计期不能早于2000年1月");
  });
});
