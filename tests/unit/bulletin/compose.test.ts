// The bulletin text from plain data: conventions (亿元 with two decimals, 个百分点, 同比增长/下降,
// 扭亏为盈, towns in rank order) and sentences omitted cleanly when their data is missing.
import { describe, expect, it } from "vitest";
import { reconciliationChecks } from "@/lib/bulletin/checks";
import { composeBulletin, sectionsToText, textToSections } from "@/lib/bulletin/compose";
import type { BulletinData } from "@/lib/bulletin/types";
import type { Cell } from "@/lib/overview/compute";

const cell = (over: Partial<Cell>): Cell => ({
  value: null, base: null, baseKind: null, yoyPercent: null, lossChange: null, increase: null, plan: null, planCompletionPercent: null, scheduleGapPoints: null,
  sharePercent: null, rank: null, growthRank: null, rankChange: null, growthRankChange: null, contributionPercent: null, pullPoints: null, ...over,
});
const ind = (code: string, name: string, unit = "万元") => ({ code, name, unit, precision: 2, percentPrecision: 1 });

function data(over: Partial<BulletinData> = {}): BulletinData {
  return {
    county: { code: "321281000000", name: "兴化市" },
    year: 2024,
    month: 7,
    timeProgressPercent: 58.333,
    indicators: Object.fromEntries([ind("gross_output", "工业总产值"), ind("sales_revenue", "销售收入（营业收入）"), ind("profit", "利润总额"), ind("new_private_enterprises", "新发展私营企业", "户")].map((i) => [i.code, i])),
    totals: {
      gross_output: cell({ value: "1234567.891", yoyPercent: 8.249, planCompletionPercent: 61.234, scheduleGapPoints: 2.9007 }),
      sales_revenue: cell({ value: "1100000", yoyPercent: -3.25 }),
      new_private_enterprises: cell({ value: "356", yoyPercent: 12 }),
    },
    towns: [
      { code: "a", name: "甲镇", cells: { gross_output: cell({ value: "500", rank: 2, growthRank: 3, yoyPercent: 1.04, scheduleGapPoints: -3.21 }), profit: cell({ value: "5", lossChange: "扭亏为盈" }) } },
      { code: "b", name: "乙镇", cells: { gross_output: cell({ value: "900", rank: 1, growthRank: 1, yoyPercent: 20.05, scheduleGapPoints: 4 }) } },
      { code: "c", name: "丙镇", cells: { gross_output: cell({ value: "300", rank: 3, growthRank: 4, yoyPercent: -2.5, scheduleGapPoints: -0.04 }) } },
      { code: "d", name: "丁镇", cells: { gross_output: cell({ value: "100", rank: 4, growthRank: 2, yoyPercent: 9.95, scheduleGapPoints: -8.27 }) } },
      { code: "e", name: "新区", cells: { gross_output: cell({ value: null }) } },
    ],
    parks: [],
    projects: [],
    attraction: null,
    enterprises: null,
    ...over,
  };
}

const text = (d: BulletinData) => sectionsToText(composeBulletin(d).sections);

describe("composeBulletin", () => {
  it("writes the headline with 亿元 to two decimals, growth, plan completion and the schedule gap", () => {
    const t = text(data());
    expect(t).toContain("2024年1–7月，全市乡镇工业完成工业总产值123.46亿元，同比增长8.2%，完成年计划的61.2%，超时序进度2.9个百分点；实现销售收入110.00亿元，同比下降3.3%。");
    expect(composeBulletin(data()).title).toBe("兴化市乡镇工业经济运行情况通报（2024年1–7月）");
  });

  it("names towns in rank order, the ones behind schedule by their gap, and 扭亏为盈", () => {
    const t = text(data());
    expect(t).toContain("工业总产值总量列前三位的是乙镇、甲镇、丙镇；增幅列前三位的是乙镇（增长20.1%）、丁镇（增长10.0%）、甲镇（增长1.0%）。");
    expect(t).toContain("工业总产值同比下降的有丙镇。");
    // −0.04 rounds to 0.0: not behind.
    expect(t).toContain("落后时序进度的有丁镇（落后8.3个百分点）、甲镇（落后3.2个百分点）。");
    expect(t).toContain("甲镇利润总额同比扭亏为盈。\n新区本期数据尚未报送或未通过审核，未计入全市合计和排名。");
    expect(t).toContain("新发展私营企业356户，同比增长12.0%");
  });

  it("omits every sentence whose data is missing, and never prints placeholders", () => {
    const empty = data({ totals: { gross_output: cell({ value: "1000" }) }, towns: [] });
    const t = text(empty);
    // The figures' part is the one sentence; 存在问题 and 下步工作 follow, drafted.
    expect(t.split("\n\n")).toEqual(["一、总体情况\n2024年1–7月，全市乡镇工业完成工业总产值0.10亿元。", expect.stringMatching(/^二、存在问题\n/), expect.stringMatching(/^三、下步工作\n/)]);
    for (const d of [data(), empty, data({ totals: {}, towns: [] })]) expect(text(d)).not.toMatch(/—|NaN|undefined|Infinity|xx|null/);
    expect(composeBulletin(data({ totals: {}, towns: [] })).sections).toEqual([]);
  });

  it("sections for projects, attraction (USD kept in its currency) and enterprise tiers", () => {
    const t = text(
      data({
        projects: [
          { name: "甲项目", town: "甲镇", totalInvestment: "150000", stage: "UNDER_CONSTRUCTION", yearPlanned: "40000", completedYtd: "25000" },
          { name: "乙项目", town: "乙镇", totalInvestment: "800", stage: "SIGNED", yearPlanned: null, completedYtd: null },
        ],
        attraction: { signed: 5, plannedWan: "52000", arrivedWan: "8000.5", arrivedCount: 3, usd: { count: 1, plannedWanUsd: "300", arrivedWanUsd: "50" }, unconverted: 0 },
        enterprises: { reporting: 300, over100m: 12, over50m: 20, over20m: 41, taxOverMillion: 33 },
      }),
    );
    expect(t).toContain(
      "全市乡镇共有工业项目2个，计划总投资15.08亿元。按投资规模分，10亿元以上项目1个、计划总投资15.00亿元，1000万元以下项目1个、计划总投资0.08亿元；按项目阶段分，签约1个（计划总投资0.08亿元）、在建1个（计划总投资15.00亿元）。",
    );
    // Completion over the projects with this year's plan only.
    expect(t).toContain("2024年1–7月，纳入年度投资计划的项目1个，当年计划投资4.00亿元，累计完成投资2.50亿元，完成年度计划的62.5%。");
    expect(t).toContain("亿元以上项目1个：甲镇甲项目（15.00亿元，在建）。");
    // No monthly report figures: the records' totals, said to be from the records.
    expect(t).toContain("2024年1–7月，据招商项目库登记，全市乡镇新签约招商引资项目5个（其中外资项目1个，协议外资300.00万美元，到账外资50.00万美元，按签约当期汇率折算），计划总投资5.20亿元，实际到账资金0.80亿元，其中3个项目已有资金到账。");
    expect(t).toContain("其中产值超亿元的12家，产值5000万–1亿元的20家，产值2000万–5000万元的41家；税收过百万元的企业33家。");
  });

  it("parks: each figure that exists, with its level as users name it, and nothing for a park without figures", () => {
    const park = { name: "甲园区", level: "省级开发区", developedArea: "1200.5", enterpriseCount: 40, salesRevenue: "250000", salesRevenueLastYear: "200000", profitTax: null, profitTaxLastYear: null, infrastructureInvestment: null };
    const t = text(data({ parks: [park, { ...park, name: "乙园区", level: "乡镇集中区", developedArea: null, enterpriseCount: null, salesRevenue: null, salesRevenueLastYear: null }] }));
    expect(t).toContain("三、园区建设\n甲园区（省级开发区）实现销售收入25.00亿元，同比增长25.0%；入园企业40家；已开发面积1,201亩。\n");
    expect(t).not.toContain("乙园区");
  });

  it("a county loss reads 亏损, and the monthly reports' attraction figures carry growth and plan completion", () => {
    const t = text(
      data({
        indicators: { ...data().indicators, attracted_projects: ind("attracted_projects", "招引项目", "个"), funds_arrived: ind("funds_arrived", "实际到账资金") },
        totals: {
          ...data().totals,
          profit: cell({ value: "-12345.6", lossChange: "增亏" }),
          attracted_projects: cell({ value: "42", yoyPercent: 5, planCompletionPercent: 70 }),
          funds_arrived: cell({ value: "187000", yoyPercent: 29.44, planCompletionPercent: 48.06 }),
        },
      }),
    );
    expect(t).toContain("；利润总额亏损1.23亿元，同比增亏。");
    expect(t).toContain("2024年1–7月，据乡镇月报，全市乡镇招引项目42个，同比增长5.0%，完成年计划的70.0%；实际到账资金18.70亿元，同比增长29.4%，完成年计划的48.1%。");
  });

  it("one 到账 figure: the monthly reports' in the text, the records' difference only as a check for the reviewer", () => {
    const d = data({
      indicators: { ...data().indicators, attracted_projects: ind("attracted_projects", "招引项目", "个"), funds_arrived: ind("funds_arrived", "实际到账资金") },
      totals: { ...data().totals, attracted_projects: cell({ value: "65" }), funds_arrived: cell({ value: "302200" }) },
      attraction: { signed: 81, plannedWan: "1500000", arrivedWan: "727600", arrivedCount: 40, usd: { count: 2, plannedWanUsd: "300", arrivedWanUsd: "50" }, unconverted: 0 },
    });
    const section = composeBulletin(d).sections.find((s) => s.heading.endsWith("招商引资"))!;
    expect(section.paragraphs).toEqual([
      "2024年1–7月，据乡镇月报，全市乡镇招引项目65个；实际到账资金30.22亿元。",
      "招商项目库登记的签约项目中，外资项目2个，协议外资300.00万美元，到账外资50.00万美元，按签约当期汇率折算；40个项目已有资金到账。",
    ]);
    const t = text(d);
    expect(t).not.toContain("72.76亿元");
    expect(t).not.toContain("81个");
    expect(reconciliationChecks(d)).toEqual([
      "项目库到账合计与乡镇月报相差 425,400.00 万元（项目库 727,600.00 万元，乡镇月报 302,200.00 万元）",
      "项目库签约项目与乡镇月报招引项目相差 16 个（项目库 81 个，乡镇月报 65 个）",
    ]);
    expect(reconciliationChecks({ ...d, attraction: { ...d.attraction!, arrivedWan: "302200", signed: 65 } })).toEqual(["项目库到账合计与乡镇月报一致（302,200.00 万元）"]);
  });

  it("the edited text reads back into the same sections", () => {
    const { sections } = composeBulletin(data());
    expect(textToSections(sectionsToText(sections))).toEqual(sections);
  });
});
