// 存在问题 and 下步工作 drafted from plain data: towns behind 时序进度 with their gap in 个百分点,
// indicators falling (county and towns), loss-making towns with 减亏/增亏 and by how much, projects
// lagging the year's schedule; and one parenthetical where a name already ends in one.
import { describe, expect, it } from "vitest";
import { composeBulletin, sectionsToText } from "@/lib/bulletin/compose";
import { nextStepsSection, problemsSection } from "@/lib/bulletin/compose-review";
import { withNote } from "@/lib/bulletin/phrases";
import type { BulletinData } from "@/lib/bulletin/types";
import type { Cell } from "@/lib/overview/compute";

const cell = (over: Partial<Cell>): Cell => ({
  value: null, base: null, baseKind: null, yoyPercent: null, lossChange: null, increase: null, plan: null, planCompletionPercent: null, scheduleGapPoints: null,
  sharePercent: null, rank: null, growthRank: null, rankChange: null, growthRankChange: null, contributionPercent: null, pullPoints: null, ...over,
});
const ind = (code: string, name: string) => ({ code, name, unit: "万元", precision: 2, percentPrecision: 1 });

const data: BulletinData = {
  county: { code: "321281000000", name: "兴化市" },
  year: 2024,
  month: 7,
  timeProgressPercent: 58.333333,
  indicators: Object.fromEntries([ind("gross_output", "工业总产值"), ind("sales_revenue", "销售收入（营业收入）"), ind("profit", "利润总额"), ind("tax", "入库税金")].map((i) => [i.code, i])),
  totals: {
    gross_output: cell({ value: "500000", yoyPercent: 6.1 }),
    tax: cell({ value: "20000", yoyPercent: -4.25 }),
  },
  towns: [
    { code: "a", name: "甲镇", cells: { gross_output: cell({ value: "300000", yoyPercent: 8, planCompletionPercent: 61.2, scheduleGapPoints: 2.87 }), profit: cell({ value: "900", base: "-300", lossChange: "扭亏为盈" }) } },
    { code: "b", name: "永丰镇", cells: { gross_output: cell({ value: "50000", yoyPercent: -3.04, planCompletionPercent: 49.96, scheduleGapPoints: -8.373 }), profit: cell({ value: "-512.3", base: "-610.4", increase: "98.1", lossChange: "减亏" }) } },
    { code: "c", name: "丙镇", cells: { gross_output: cell({ value: "150000", yoyPercent: 1.2, planCompletionPercent: 55, scheduleGapPoints: -3.333 }), profit: cell({ value: "-20", base: "-5", increase: "-15", lossChange: "增亏" }) } },
    { code: "d", name: "丁镇", cells: { gross_output: cell({ value: "1000", planCompletionPercent: 58.3, scheduleGapPoints: -0.033 }), profit: cell({ value: "-8", base: "12", increase: "-20" }) } },
  ],
  parks: [],
  projects: [
    { name: "智能装备项目（05）", town: "永丰镇", totalInvestment: "281700", stage: "IN_PRODUCTION", yearPlanned: "20000", completedYtd: "4000" },
    { name: "食品项目", town: "甲镇", totalInvestment: "12000", stage: "UNDER_CONSTRUCTION", yearPlanned: "5000", completedYtd: "4000" },
  ],
  attraction: null,
  enterprises: null,
};

describe("存在问题", () => {
  const text = problemsSection(data).paragraphs.join("\n");

  it("names the towns behind 时序进度, furthest first, with the gap in 个百分点 (−0.03 is not behind)", () => {
    expect(text).toContain("（一）部分乡镇进度滞后。工业总产值落后时序进度的乡镇有2个：永丰镇完成年计划的50.0%，落后时序进度8.4个百分点；丙镇完成年计划的55.0%，落后时序进度3.3个百分点。");
    expect(text).not.toContain("丁镇完成年计划");
  });

  it("names falling indicators for the county and the towns", () => {
    expect(text).toContain("（二）部分指标同比下降。全市入库税金同比下降4.3%；工业总产值同比下降的有永丰镇（下降3.0%）。");
  });

  it("names each loss-making town with its loss and how it moved: 减亏, 增亏, 由盈转亏", () => {
    expect(text).toContain("（三）部分乡镇仍有亏损。永丰镇利润总额亏损512.30万元，同比减亏98.10万元；丙镇利润总额亏损20.00万元，同比增亏15.00万元；丁镇利润总额亏损8.00万元，上年同期为盈利，由盈转亏。");
  });

  it("names projects whose investment is behind the year's schedule", () => {
    expect(text).toContain("（四）部分项目投资进度偏慢。永丰镇智能装备项目（05）完成年度计划投资的20.0%，落后时序进度38.3个百分点。");
    expect(text).not.toContain("食品项目");
  });
});

describe("下步工作", () => {
  it("turns each problem into work for the towns named", () => {
    const text = nextStepsSection(data).paragraphs.join("\n");
    expect(text).toContain("（一）对照目标抓进度。永丰镇、丙镇要对照年度目标任务");
    expect(text).toContain("（二）稳住增长势头。永丰镇要深入分析指标下降原因");
    expect(text).toContain("（三）抓好减亏增效。永丰镇要巩固减亏成果，丙镇、丁镇要遏制亏损扩大势头");
    expect(text).toContain("（四）加快项目建设。投资进度落后的1个项目");
    expect(text).toMatch(/（五）提高数据质量。/);
  });

  it("follows the figures as the last two sections, numbered on", () => {
    const headings = composeBulletin(data).sections.map((s) => s.heading);
    expect(headings.slice(-2)).toEqual([`${["一", "二", "三", "四", "五", "六", "七", "八", "九"][headings.length - 2]}、存在问题`, `${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][headings.length - 1]}、下步工作`]);
  });
});

describe("one parenthetical", () => {
  it("widens a name's own parenthetical instead of adding a second", () => {
    expect(withNote("永丰镇智能装备项目（05）", "28.17亿元，投产")).toBe("永丰镇智能装备项目（05，28.17亿元，投产）");
    expect(withNote("戴南镇", "增长20.1%")).toBe("戴南镇（增长20.1%）");
  });

  it("never prints ）（ in the bulletin", () => {
    const t = sectionsToText(composeBulletin(data).sections);
    expect(t).toContain("永丰镇智能装备项目（05，28.17亿元，投产）");
    expect(t).not.toContain("）（");
  });
});
