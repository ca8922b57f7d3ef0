// The year-end forecast and its at-risk list on a real database, against a county computed by hand.
// Every town follows the same two seasonal shapes: in 2022 1–6月 reached 40% of the year, in 2023 50%,
// so any town's — and the county's — pace for 1–6月 is the median 45%, its spread 40–50%.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { createRegion, ensureIndicators } from "@/lib/demo/factories";
import { getRegionForecast } from "@/lib/forecast/query";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { FORECAST_REASONS } from "@/lib/stats";
import { resetDatabase } from "../support/db";

const SHAPE: Record<number, number[]> = {
  2022: [5, 5, 5, 5, 10, 10, 10, 10, 10, 10, 10, 10],
  2023: [5, 5, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5],
};
const COUNTY = "321281000000";
const town = (n: number) => `3212811${String(n).padStart(2, "0")}000`;

type Town = { name: string; scale: number; ytd2024: number[]; plan: string | null; skip2023?: number };
const TOWNS: Town[] = [
  { name: "甲镇", scale: 10, ytd2024: [50, 100, 200, 300, 380, 450], plan: "1100" }, // 1000, at risk
  { name: "乙镇", scale: 0, ytd2024: [50, 100, 150, 200, 250, 300], plan: "500" }, // new this year
  { name: "丙镇", scale: 2, ytd2024: [10, 20, 40, 60, 75, 90], plan: "0" }, // zero plan
  { name: "丁镇", scale: 5, ytd2024: [25, 50, 100, 150, 190, 225], plan: "480", skip2023: 5 }, // 2023 lacks May
  { name: "戊镇", scale: 4, ytd2024: [20, 40, 80, 120, 160], plan: "400" }, // June not reported
  { name: "己镇", scale: 10, ytd2024: [40, 90, 180, 270, 350, 432], plan: "1000" }, // 960, watch
];
let county: RegionRef;
let outputId: number;

beforeAll(async () => {
  await resetDatabase();
  const db = getPrisma();
  const ids = await ensureIndicators(db);
  outputId = ids.get("gross_output")!;
  const city = await createRegion(db, { code: "321200000000", name: "泰州市", level: "CITY" });
  const c = await createRegion(db, { code: COUNTY, name: "兴化市", level: "COUNTY", parentId: city.id });
  for (const [i, t] of TOWNS.entries()) {
    const r = await createRegion(db, { code: town(i), name: t.name, level: "TOWN", parentId: c.id, sortOrder: i });
    const years: [number, number[]][] = t.scale === 0 ? [] : [2022, 2023].map((y) => [y, cumulative(SHAPE[y].map((x) => x * t.scale))]);
    years.push([2024, t.ytd2024]);
    for (const [year, ytd] of years) {
      for (const [m, value] of ytd.entries()) {
        if (year === 2023 && t.skip2023 === m + 1) continue;
        const report = await db.townReport.create({ data: { regionId: r.id, year, month: m + 1, status: "APPROVED" }, select: { id: true } });
        await db.reportValue.create({ data: { reportId: report.id, regionId: r.id, indicatorId: outputId, year, month: m + 1, value: String(value) } });
      }
    }
    if (t.plan !== null) await db.annualPlan.create({ data: { regionId: r.id, indicatorId: outputId, year: 2024, value: t.plan } });
  }
  await db.annualPlan.create({ data: { regionId: c.id, indicatorId: outputId, year: 2024, value: "3500" } });
  // A submitted (not yet approved) June report: not counted by default.
  const late = await db.region.findUniqueOrThrow({ where: { code: town(4) }, select: { id: true } });
  const report = await db.townReport.create({ data: { regionId: late.id, year: 2024, month: 6, status: "SUBMITTED" }, select: { id: true } });
  await db.reportValue.create({ data: { reportId: report.id, regionId: late.id, indicatorId: outputId, year: 2024, month: 6, value: "200" } });
  county = (await getRegionByCode(COUNTY))!;
});

function cumulative(monthly: number[]): number[] {
  let acc = 0;
  return monthly.map((x) => (acc += x));
}

const indicator = () => ({ id: outputId, code: "gross_output", name: "工业总产值", unit: "万元", kind: "FLOW" as const, precision: 2, percentPrecision: 1 });

describe("getRegionForecast (county, 2024年1–6月)", () => {
  it("forecasts each town from its own pace, with the band and what the rest of the year needs", async () => {
    const r = await getRegionForecast(county, 2024, 6, indicator());
    const jia = r.children.find((c) => c.region.name === "甲镇")!;
    expect(jia.pace).toMatchObject({ source: "own", years: [2022, 2023], percent: 45, lowPercent: 40, highPercent: 50, excluded: [] });
    expect([jia.ytd, jia.value, jia.low, jia.high, jia.shortfall]).toEqual(["450", "1000", "900", "1125", "100"]);
    expect(jia.completionPercent).toBeCloseTo(90.9091, 4);
    expect(jia.monthlyNeed).toBe("108.333333"); // (1100 − 450) / 6
    expect(jia.status).toBe("at_risk");
  });

  it("lists the towns below 95% worst first and the towns ahead, leaving out those without a completion", async () => {
    const r = await getRegionForecast(county, 2024, 6, indicator());
    expect(r.threshold).toBe(95);
    expect(r.atRisk.map((c) => c.region.name)).toEqual(["甲镇"]);
    expect(r.ahead.map((c) => [c.region.name, c.value, c.shortfall])).toEqual([["丁镇", "500", "-20"]]);
    expect(r.children.find((c) => c.region.name === "己镇")).toMatchObject({ value: "960", status: "watch" });
    // A stricter line (98%) puts 己镇 (96%) on the list too.
    const strict = await getRegionForecast(county, 2024, 6, indicator(), { threshold: 98 });
    expect(strict.atRisk.map((c) => c.region.name)).toEqual(["甲镇", "己镇"]);
  });

  it("gives a reason, never a number, for a new town, a missing month and a zero plan", async () => {
    const r = await getRegionForecast(county, 2024, 6, indicator());
    const by = (name: string) => r.children.find((c) => c.region.name === name)!;
    expect(by("乙镇")).toMatchObject({ value: null, completionPercent: null, status: "none", reason: FORECAST_REASONS.noHistory });
    expect(by("戊镇")).toMatchObject({ value: null, status: "none", reason: FORECAST_REASONS.noValue });
    expect(by("丙镇")).toMatchObject({ value: "200", completionPercent: null, status: "none", reason: FORECAST_REASONS.badPlan });
    // 丁镇's 2023 lacks May: its own pace has one year, so it uses the county's, and says why.
    expect(by("丁镇").pace).toMatchObject({ source: "parent", label: "上级历年进度", percent: 45, excluded: [{ year: 2023, reason: "2023年：缺少月份数据" }] });
    for (const c of r.children) expect(JSON.stringify(c)).not.toMatch(/NaN|Infinity/);
  });

  it("forecasts the county from the towns that reported whole years", async () => {
    const r = await getRegionForecast(county, 2024, 6, indicator());
    const ytd = new Decimal(450 + 300 + 90 + 225 + 432);
    expect(r.total.ytd).toBe(ytd.toFixed());
    expect(r.total.pace).toMatchObject({ source: "own", years: [2022, 2023], percent: 45 });
    expect(r.total.value).toBe(ytd.div("0.45").toDecimalPlaces(6).toFixed());
    // 戊镇 has not reported June: the county's 1–6月 (without it) is measured against the part of the county's plan
    // the reporting towns carry, 3500 × 3080 / 3480, as the overview measures its total (decision 004).
    const plan = new Decimal(3500).times(1100 + 500 + 0 + 480 + 1000).div(1100 + 500 + 0 + 480 + 400 + 1000).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    expect(r.total.plan).toBe(plan.toFixed());
    expect(r.total.completionPercent).toBeCloseTo(ytd.div("0.45").div(plan).times(100).toNumber(), 9);
  });

  it("measures the county against its whole plan once every town with a plan is counted", async () => {
    const r = await getRegionForecast(county, 2024, 6, indicator(), { counting: { includeSubmitted: true } });
    expect(r.total.plan).toBe("3500");
    expect(r.total.ytd).toBe(String(450 + 300 + 90 + 225 + 200 + 432));
  });

  it("counts a submitted report only when asked", async () => {
    const r = await getRegionForecast(county, 2024, 6, indicator(), { counting: { includeSubmitted: true } });
    expect(r.children.find((c) => c.region.name === "戊镇")).toMatchObject({ ytd: "200", value: "444.444444", status: "ahead" });
  });

  it("forecasts a town on its own with its county as fallback, and never a stock", async () => {
    const ding = (await getRegionByCode(town(3)))!;
    const r = await getRegionForecast(ding, 2024, 6, indicator());
    expect([r.region.name, r.total.value, r.total.pace?.source, r.children.length]).toEqual(["丁镇", "500", "parent", 0]);
    const stock = await getRegionForecast(county, 2024, 6, { ...indicator(), kind: "STOCK" });
    expect(stock.children.every((c) => c.value === null && c.reason === FORECAST_REASONS.stock)).toBe(true);
  });
});
