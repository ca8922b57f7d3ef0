import { describe, expect, it } from "vitest";
import { makeRng, type Rng } from "@/lib/demo/random";
import {
  DEFAULT_RISK_THRESHOLD,
  FORECAST_REASONS,
  choosePace,
  forecastStatus,
  forecastYear,
  paceFromHistory,
  straightPace,
  yearShares,
  type YearPath,
} from "@/lib/stats";

/** A year's YTD path from 12 monthly amounts (as 2-decimal strings, as stored). */
function ytdOf(monthly: number[]): string[] {
  let acc = 0;
  return monthly.map((x) => (acc = Math.round((acc + x) * 100) / 100).toFixed(2));
}

/** A seasonal year: low 1–2月, high 12月, each month jittered by ±jitter. */
function seasonalYear(rng: Rng, size: number, jitter = 0.2): number[] {
  const weights = [6.5, 6, 8, 8, 8.5, 9, 8, 8, 8.5, 9, 9.5, 11];
  return weights.map((w) => Math.max(0, (w * size * (1 + (rng() - 0.5) * 2 * jitter)) / 100));
}

const flat = (year: number, perMonth: number): YearPath => ({ year, ytd: ytdOf(Array(12).fill(perMonth)) });

describe("yearShares", () => {
  it("is ytd(m) / ytd(12), ending at exactly 1", () => {
    const r = yearShares(ytdOf([10, 10, 20, 20, 20, 20, 20, 20, 20, 20, 10, 10]));
    expect("shares" in r && r.shares.map((s) => s.toString())).toEqual(["0.05", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "0.95", "1"]);
  });

  it.each([
    ["a missing month", [...ytdOf(Array(12).fill(1)).slice(0, 5), null, ...ytdOf(Array(12).fill(1)).slice(6)], "incomplete"],
    ["eleven months", ytdOf(Array(11).fill(1)), "incomplete"],
    ["a zero year", Array(12).fill("0"), "nonpositive"],
    ["a loss year", ytdOf(Array(12).fill(-1)), "nonpositive"],
    ["a YTD that falls (restated mid-year)", ["10", "20", "30", "25", "35", "45", "55", "65", "75", "85", "95", "105"], "restated"],
    ["a negative January", ["-5", "20", "30", "40", "50", "60", "70", "80", "90", "100", "110", "120"], "restated"],
  ])("refuses %s", (_, ytd, problem) => {
    expect(yearShares(ytd as string[])).toEqual({ problem });
  });
});

describe("paceFromHistory / choosePace", () => {
  it("takes the per-month median of the latest five usable years and lists the others", () => {
    const rng = makeRng(1);
    const years: YearPath[] = [2017, 2018, 2019, 2020, 2021, 2022].map((year) => ({ year, ytd: ytdOf(seasonalYear(rng, 1000)) }));
    years.push({ year: 2023, ytd: ["1", "2", "3", "2", "5", "6", "7", "8", "9", "10", "11", "12"] });
    const { pace, excluded } = paceFromHistory(years);
    expect(pace?.years).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(excluded).toEqual([{ year: 2023, problem: "restated" }]);
    // Month 3 by hand: the middle of the five years' shares.
    const march = years.slice(1, 6).map((y) => (yearShares(y.ytd) as { shares: { toNumber(): number }[] }).shares[2].toNumber()).sort((a, b) => a - b);
    expect(pace?.shares[2].toNumber()).toBeCloseTo(march[2], 12);
    expect(pace?.low[2].toNumber()).toBeCloseTo(march[0], 12);
    expect(pace?.high[2].toNumber()).toBeCloseTo(march[4], 12);
  });

  it("falls back to the parent's pace, then to the straight line, saying which", () => {
    const parent = paceFromHistory([flat(2022, 5), { year: 2023, ytd: ytdOf([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9]) }]).pace;
    const oneYear = [flat(2023, 3)];
    expect(choosePace(oneYear, parent).source).toBe("parent");
    expect(choosePace(oneYear, parent).years).toEqual([2022, 2023]);
    expect(choosePace(oneYear, null).source).toBe("straight");
    expect(choosePace([flat(2022, 1), flat(2023, 2)], parent).source).toBe("own");
  });
});

describe("pace properties (seeded generator, 200 histories)", { timeout: 30_000 }, () => {
  const rng = makeRng(20261204);
  const histories = Array.from({ length: 200 }, () => {
    const n = 2 + Math.floor(rng() * 5);
    const size = 10 + rng() * 1e6;
    return Array.from({ length: n }, (_, i) => ({ year: 2015 + i, ytd: ytdOf(seasonalYear(rng, size * (0.8 + rng() * 0.4), 0.6 * rng())) }));
  });

  it("is monotone, within 0..1 and ends at exactly 100%", () => {
    for (const h of histories) {
      const { pace } = paceFromHistory(h);
      expect(pace).not.toBeNull();
      for (let m = 0; m < 12; m++) {
        expect(pace!.shares[m].gte(0) && pace!.shares[m].lte(1)).toBe(true);
        expect(pace!.low[m].lte(pace!.shares[m]) && pace!.shares[m].lte(pace!.high[m])).toBe(true);
        if (m > 0) expect(pace!.shares[m].gte(pace!.shares[m - 1])).toBe(true);
      }
      expect(pace!.shares[11].toString()).toBe("1");
    }
  });

  it("equals month/12 on flat history, whatever the level", () => {
    for (let i = 0; i < 100; i++) {
      const level = Math.round(rng() * 1e6) + 1;
      const { pace } = paceFromHistory([flat(2021, level), flat(2022, level * 2), flat(2023, level)]);
      pace!.shares.forEach((s, m) => expect(s.toString()).toBe(straightPace().shares[m].toString()));
    }
  });

  it("forecasts a year exactly when it follows the pace, and the band holds the point", () => {
    for (const h of histories.slice(0, 100)) {
      const month = 1 + Math.floor(rng() * 11);
      const f = forecastYear({ kind: "FLOW", month, ytd: "1000", plan: "2000", history: h, parentPace: null });
      if (f.value === null) {
        expect(f.reason).toBe(FORECAST_REASONS.earlyPace);
        continue;
      }
      expect(f.value.times(f.paceAtMonth!).toNumber()).toBeCloseTo(1000, 8);
      expect(f.low!.lte(f.value) && f.value.lte(f.high!)).toBe(true);
      expect(f.completion!.toNumber()).toBeCloseTo(f.value.toNumber() / 20, 8);
    }
  });
});

describe("forecastYear", () => {
  // Two past years: 1–6月 reached 40% and 50% of the year; the median pace is 45%.
  const history: YearPath[] = [
    { year: 2022, ytd: ytdOf([5, 5, 5, 5, 10, 10, 10, 10, 10, 10, 10, 10]) },
    { year: 2023, ytd: ytdOf([5, 5, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5]) },
  ];

  it("divides 1–N月累计 by the pace, with a band from the years' spread (hand-computed)", () => {
    const f = forecastYear({ kind: "FLOW", month: 6, ytd: "450", plan: "1100", history, parentPace: null });
    expect(f.pace?.source).toBe("own");
    expect(f.paceAtMonth?.toString()).toBe("0.45");
    expect(f.value?.toString()).toBe("1000");
    expect(f.low?.toString()).toBe("900"); // 450 / 0.5
    expect(f.high?.toString()).toBe("1125"); // 450 / 0.4
    expect(f.completion?.toFixed(4)).toBe("90.9091");
    expect(f.shortfall?.toString()).toBe("100");
    expect(f.monthlyNeed?.toString()).toBe("108.33333333333333333333333333333333333333333333333"); // (1100 − 450) / 6
    expect(f.remainingMonths).toBe(6);
    expect(f.reason).toBeNull();
    expect(forecastStatus(f.completion)).toBe("at_risk");
  });

  it("says why there is no forecast, never NaN", () => {
    const base = { month: 6, ytd: "450", plan: "1000", history, parentPace: null } as const;
    expect(forecastYear({ ...base, kind: "STOCK" }).reason).toBe(FORECAST_REASONS.stock);
    expect(forecastYear({ ...base, kind: "FLOW", ytd: null }).reason).toBe(FORECAST_REASONS.noValue);
    expect(forecastYear({ ...base, kind: "FLOW", history: [] }).reason).toBe(FORECAST_REASONS.noHistory);
    expect(forecastYear({ ...base, kind: "FLOW", month: 13 }).reason).toBe(FORECAST_REASONS.month);
    const early = forecastYear({ ...base, kind: "FLOW", month: 1, history: [{ year: 2023, ytd: ytdOf([0.1, ...Array(11).fill(10)]) }, { year: 2022, ytd: ytdOf([0.1, ...Array(11).fill(10)]) }] });
    expect([early.value, early.reason]).toEqual([null, FORECAST_REASONS.earlyPace]);
  });

  it("keeps the forecast but no completion for a zero, negative or missing plan", () => {
    for (const [plan, reason] of [["0", FORECAST_REASONS.badPlan], ["-5", FORECAST_REASONS.badPlan], [null, FORECAST_REASONS.noPlan]] as const) {
      const f = forecastYear({ kind: "FLOW", month: 6, ytd: "450", plan, history, parentPace: null });
      expect(f.value?.toString()).toBe("1000");
      expect([f.completion, f.shortfall, f.monthlyNeed, f.reason]).toEqual([null, null, null, reason]);
      expect(forecastStatus(f.completion)).toBe("none");
    }
  });

  it("uses the straight line without a band when no pace has two years, and says so", () => {
    const f = forecastYear({ kind: "FLOW", month: 6, ytd: "450", plan: "900", history: history.slice(0, 1), parentPace: null });
    expect(f.pace?.source).toBe("straight");
    expect(f.value?.toString()).toBe("900");
    expect([f.low, f.high]).toEqual([null, null]);
    expect(forecastStatus(f.completion)).toBe("ahead");
  });

  it("needs nothing more once the plan is made, and nothing after December", () => {
    expect(forecastYear({ kind: "FLOW", month: 6, ytd: "1200", plan: "1000", history, parentPace: null }).monthlyNeed?.toString()).toBe("0");
    const dec = forecastYear({ kind: "FLOW", month: 12, ytd: "1000", plan: "1000", history, parentPace: null });
    expect([dec.value?.toString(), dec.monthlyNeed, dec.remainingMonths]).toEqual(["1000", null, 0]);
  });
});

describe("forecastStatus", () => {
  it.each([
    [94.94, DEFAULT_RISK_THRESHOLD, "at_risk"],
    [94.96, DEFAULT_RISK_THRESHOLD, "watch"], // reads 95.0%
    [99.96, DEFAULT_RISK_THRESHOLD, "ahead"], // reads 100.0%
    [97, 98, "at_risk"],
    [99, 120, "at_risk"], // a line above 100 is 100
    [null, DEFAULT_RISK_THRESHOLD, "none"],
  ] as const)("%s%% against %s%% → %s", (completion, threshold, status) => {
    expect(forecastStatus(completion, threshold)).toBe(status);
  });
});
