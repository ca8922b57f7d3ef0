// lib/peers: a county's 全市位次 read off a city's overview, and the words and table made of it.
// The overview here is assembled from figures by the same arithmetic as the real one (computeIndicatorCells).
import { describe, expect, it } from "vitest";
import { computeIndicatorCells, type ChildFigures } from "@/lib/overview/compute";
import type { RegionOverview } from "@/lib/overview/query";
import { countiesByRank, peerStanding } from "@/lib/peers/standing";
import { ownName, peerSentences, peerTable } from "@/lib/peers/text";

const IND = { code: "gross_output", name: "工业总产值", unit: "万元", kind: "FLOW" as const, precision: 2, percentPrecision: 1, priceBasis: "CURRENT" as const };
type Fig = [value: string | null, base: string | null, prev: string | null, prevBase: string | null, plan: string | null];
const fig = ([value, base, prev, prevBase, plan]: Fig): ChildFigures => ({ value, base, comparableBase: null, plan, previousValue: prev, previousBase: prevBase, previousComparableBase: null });

/** A city of counties with 工业总产值 for July (month 7). */
function city(counties: [code: string, name: string, f: Fig][]): RegionOverview {
  const { cells, total } = computeIndicatorCells(IND, 7, counties.map(([, , f]) => fig(f)), null);
  return {
    region: { code: "321200000000", name: "泰州市", level: "CITY" },
    period: "2024-07",
    timeProgressPercent: 58.333333333333336,
    indicators: [IND],
    totals: { gross_output: total },
    growthExcluded: {},
    children: counties.map(([code, name], i) => ({ region: { code, name, kind: "区" }, values: { gross_output: cells[i] } })),
  };
}

const FOUR = city([
  ["321202000000", "海陵区", ["300", "250", "200", "180", "600"]], // +20%, June 2nd
  ["321203000000", "高港区", ["300", "300", "250", "200", null]], // 0%, tie in total, June 1st
  ["321281000000", "兴化市", ["400", "320", "150", "140", "500"]], // +25%, first now, June 3rd
  ["321299000000", "新区", [null, null, null, null, null]], // no figures
]);

describe("peerStanding", () => {
  it("reads the county's ranks, changes and share off the city's cells, ties shared", () => {
    const s = peerStanding(FOUR, "321203000000")!;
    const g = s.indicators[0];
    expect([g.cell.rank, g.cell.growthRank, g.cell.rankChange, g.ranked, g.rankedByGrowth, s.countyCount]).toEqual([2, 3, -1, 3, 3, 4]);
    expect(peerStanding(FOUR, "321202000000")!.indicators[0].cell.rank).toBe(2);
    expect(s.hasFigures).toBe(true);
    expect(countiesByRank(s, "gross_output").map((c) => c.name)).toEqual(["兴化市", "海陵区", "高港区", "新区"]);
  });

  it("has no place for a county without figures, nor for one alone with figures, nor outside the city", () => {
    expect(peerStanding(FOUR, "321299000000")!.hasFigures).toBe(false);
    const alone = city([["321202000000", "海陵区", ["300", "250", null, null, null]], ["321203000000", "高港区", [null, null, null, null, null]]]);
    expect(peerStanding(alone, "321202000000")!.hasFigures).toBe(false);
    expect(peerStanding(FOUR, "320000000000")).toBeNull();
  });
});

describe("peerSentences and peerTable", () => {
  it("names the place, the change, the share, the growth rank and the plan against 时序进度", () => {
    expect(peerSentences(peerStanding(FOUR, "321281000000")!)).toEqual([
      "我市乡镇工业经济总量在3个县（市、区）中名列第1位，比上月前移2位，占全市的40.0%；增幅名列第1位（同比增长25.0%），比上月前移2位；完成年计划的80.0%，超时序进度21.7个百分点。",
    ]);
    // No plan: the clause is left out, never "完成年计划的—".
    expect(peerSentences(peerStanding(FOUR, "321203000000")!)).toEqual([
      "我区乡镇工业经济总量在3个县（市、区）中名列第2位，比上月后移1位，占全市的30.0%；增幅名列第3位（同比持平），比上月后移2位。",
    ]);
  });

  it("says nothing for a county without figures: no 第null位, no —", () => {
    expect(peerSentences(peerStanding(FOUR, "321299000000")!)).toEqual([]);
  });

  it("tables the counties in rank order with the city's total; a county without figures reads —", () => {
    const t = peerTable(peerStanding(FOUR, "321203000000")!, 7)!;
    expect(t.headers).toEqual(["县（市、区）", "1–7月累计", "同比", "占全市比重", "完成年计划", "总量位次", "增幅位次"]);
    // The city's plan is the counties' plans (1,100万元): 1,000 ÷ 1,100.
    expect(t.totalRow).toEqual(["泰州市合计", "0.10", "+14.9%", "100.0%", "90.9%", "", ""]);
    expect(t.rows).toEqual([
      ["兴化市", "0.04", "+25.0%", "40.0%", "80.0%", "第1位", "第1位"],
      ["海陵区", "0.03", "+20.0%", "30.0%", "50.0%", "第2位", "第2位"],
      ["高港区", "0.03", "0.0%", "30.0%", "—", "第2位", "第3位"],
      ["新区", "—", "—", "—", "—", "—", "—"],
    ]);
    expect(t.rows[t.own][0]).toBe("高港区");
  });

  it("calls the county 我县 / 我市 / 我区 by its name", () => {
    expect([ownName({ name: "宝应县" }), ownName({ name: "兴化市" }), ownName({ name: "海陵区" })]).toEqual(["我县", "我市", "我区"]);
  });
});

describe("a county in a city's overview grows like for like over its own towns", () => {
  it("leaves out of its growth a town with no figure last year, and last year's figure of a town that has not reported", () => {
    // 兴化市: 1,000 this year of which 100 from a zone new this year; last year 800, of which 50 from a town not in yet.
    const county: ChildFigures = { ...fig(["1000", "750", null, null, null]), growthValue: "900" };
    const peer = fig(["500", "400", null, null, null]);
    const { cells, total, excluded } = computeIndicatorCells(IND, 7, [county, peer], null);
    expect([cells[0].value, cells[0].base, cells[0].yoyPercent, cells[0].increase]).toEqual(["1000", "750", 20, "150"]);
    expect(cells[0].rank).toBe(1);
    expect(cells[0].growthRank).toBe(2); // 20% < 25%
    // The city's total grows over the same like-for-like parts: (900 + 500) ÷ (750 + 400).
    expect(total.value).toBe("1500");
    expect(total.yoyPercent).toBeCloseTo((1400 / 1150 - 1) * 100, 10);
    expect(excluded).toEqual([]);
  });
});
