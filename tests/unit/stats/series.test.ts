import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthlyFromYtd, toDecimal, ytdFromMonthly, type Dec } from "@/lib/stats";
import { figure } from "./arbitraries";

const text = (xs: (Dec | null)[]) => xs.map((x) => (x === null ? null : x.toString()));
const series = fc.array(figure, { maxLength: 12 });

describe("monthlyFromYtd (当月 from 累计)", () => {
  it("January is its own month; later months are differences", () => {
    expect(text(monthlyFromYtd([100, 250, 420.5]))).toEqual(["100", "150", "170.5"]);
  });

  it("is exact where floats are not", () => {
    expect(text(monthlyFromYtd([0.1, 0.3]))).toEqual(["0.1", "0.2"]); // floats: 0.19999999999999998
  });

  it("a missing month blanks itself and the month after", () => {
    expect(text(monthlyFromYtd([100, null, 420, 500]))).toEqual(["100", null, null, "80"]);
    expect(monthlyFromYtd([])).toEqual([]);
  });
});

describe("ytdFromMonthly (累计 from 当月)", () => {
  it("accumulates exactly", () => {
    expect(text(ytdFromMonthly([0.1, 0.2, "0.3"]))).toEqual(["0.1", "0.3", "0.6"]);
  });

  it("after a missing month every later total is unknown", () => {
    expect(text(ytdFromMonthly([100, 50, null, 20]))).toEqual(["100", "150", null, null]);
  });
});

describe("上月止累计 + 本月 = 本月止累计", () => {
  it("monthlyFromYtd then ytdFromMonthly round-trips exactly", () => {
    fc.assert(
      fc.property(series, (ytd) => {
        expect(text(ytdFromMonthly(monthlyFromYtd(ytd)))).toEqual(text(ytd.map(toDecimal)));
      }),
      { numRuns: 300 },
    );
  });

  it("ytdFromMonthly then monthlyFromYtd round-trips exactly", () => {
    fc.assert(
      fc.property(series, (monthly) => {
        expect(text(monthlyFromYtd(ytdFromMonthly(monthly)))).toEqual(text(monthly.map(toDecimal)));
      }),
      { numRuns: 300 },
    );
  });

  it("every month satisfies the identity", () => {
    fc.assert(
      fc.property(series, (ytd) => {
        const months = monthlyFromYtd(ytd);
        for (let i = 1; i < ytd.length; i++) {
          expect(toDecimal(ytd[i - 1])!.plus(months[i]!).eq(toDecimal(ytd[i])!)).toBe(true);
        }
      }),
    );
  });
});
