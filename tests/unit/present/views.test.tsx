// Views built on the presenter: the overview's KPI row colours, the ranking list's figures.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KpiRow } from "@/components/overview/kpi-row";
import { chartUnit, rankRows, scaled } from "@/lib/dashboard/chart-rows";
import type { Cell } from "@/lib/overview/compute";
import { formatNumber } from "@/lib/stats";

const cell = (over: Partial<Cell>): Cell => ({
  value: "1000", base: null, baseKind: null, yoyPercent: null, lossChange: null, increase: null, plan: null, planCompletionPercent: null, scheduleGapPoints: null,
  sharePercent: null, rank: null, growthRank: null, rankChange: null, growthRankChange: null, contributionPercent: null, pullPoints: null, ...over,
});
const profit = { code: "profit", name: "利润总额", unit: "万元", kind: "FLOW" as const, precision: 2, percentPrecision: 1 };
const output = { ...profit, code: "gross_output", name: "工业总产值" };

/** The growth span of the KPI card: its class and text. */
function kpiGrowth(c: Cell) {
  const html = renderToStaticMarkup(<KpiRow indicators={[profit]} totals={{ profit: c }} timeProgress={58.3} />);
  const m = /同比 <span class="([^"]*)"[^>]*>([^<]*)<\/span>/.exec(html);
  return { cls: m?.[1] ?? "", text: m?.[2] ?? "" };
}

describe("overview KPI row colours, as every other view", () => {
  it("colours 增亏 as decline (green), not growth", () => {
    expect(kpiGrowth(cell({ lossChange: "增亏" }))).toEqual({ cls: "text-down", text: "增亏" });
  });

  it("leaves a −0.04% growth uncoloured: it reads 持平", () => {
    expect(kpiGrowth(cell({ yoyPercent: -0.04 }))).toEqual({ cls: "", text: "持平" });
  });

  it("colours growth and 扭亏为盈 as growth (red)", () => {
    expect(kpiGrowth(cell({ yoyPercent: 3.2 })).cls).toBe("text-up");
    expect(kpiGrowth(cell({ lossChange: "扭亏为盈" })).cls).toBe("text-up");
  });

  it("names the towns the totals' growth leaves out", () => {
    const html = renderToStaticMarkup(<KpiRow indicators={[output]} totals={{ gross_output: cell({ yoyPercent: 9.3 }) }} timeProgress={58.3} growthExcluded={{ gross_output: ["兴化高新区"] }} />);
    expect(html).toContain("合计同比不含新设（上年同期无数据）的兴化高新区");
  });
});

describe("ranking list figures round once", () => {
  const children = [{ region: { code: "321281108000", name: "戴南镇" }, values: { gross_output: cell({ value: "1565949.6" }) } }];

  it("戴南镇 1,565,949.6万元 reads 156.59 (亿元) in the list, as on the wall and in the 通报", () => {
    const [row] = rankRows(children, output, chartUnit(output));
    expect(row.valueText).toBe("156.59");
  });

  it("chart labels formatted from the scaled number round once too", () => {
    expect(formatNumber(scaled("1565949.6", chartUnit(output)), 2)).toBe("156.59");
  });
});
