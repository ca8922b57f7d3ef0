import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/checks";
import { parseFigure } from "@/lib/input";
import { check, fired, withRule } from "./fixtures";

/*
 * Decision 018: one finding per cause. The case: a town with 工业总产值 171.2亿 (1,712,000万元)
 * types its 销售收入 as 168.3 (万元) — a 亿元 figure in a 万元 box.
 */
const history = {
  lastYear: { gross_output: 1_590_000, sales_revenue: 1_560_000, profit: 78_000 },
  previousYtd: { gross_output: 1_480_000, sales_revenue: 1_455_000, profit: 70_000 },
};
const slipped = { gross_output: 1_712_000, sales_revenue: 168.3, profit: 85_600, profit_tax: 140_000, tax: 54_400 };

describe("a unit slip is one finding with its fix", () => {
  it("171.2亿 of output and 168.3 of sales: exactly one finding, on 销售收入, with the fix", () => {
    const { errors, warnings } = check(slipped, history);
    expect([...errors, ...warnings]).toHaveLength(1);
    // profit (85,600) above a sales figure of 168.3 was an error: the slip that causes it blocks as one
    expect(errors).toEqual([
      {
        indicator: "sales_revenue",
        rule: "unit_slip",
        message: "销售收入（营业收入）168.3万元，是否应为168.3亿元（1,683,000万元）？",
        fix: { value: "1683000", label: "改为168.3亿元" },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads as the brief with the short name, and the fix clears every finding", () => {
    const indicators = withRule("sales_revenue", { name: "销售收入" });
    const r = runChecks({ month: 7, indicators, values: slipped, plans: {}, ...history });
    expect(r.errors[0]?.message).toBe("销售收入168.3万元，是否应为168.3亿元（1,683,000万元）？");
    const fixed = check({ ...slipped, sales_revenue: r.errors[0]!.fix!.value }, history);
    expect(fired([...fixed.errors, ...fixed.warnings])).toEqual([]);
  });

  it("where it replaces only warnings it is a warning (it needs a 说明 or the fix, like those)", () => {
    // January: no last month's YTD to fall below, no profit to exceed the sales
    const { errors, warnings } = check({ gross_output: 1_712_000, sales_revenue: 168.3 }, { month: 1, lastYear: history.lastYear });
    expect(errors).toEqual([]);
    expect(fired(warnings)).toEqual(["unit_slip@sales_revenue"]);
  });

  it("is found from the relation alone when there is no history (the ratio's subject is named)", () => {
    const { errors, warnings } = check({ gross_output: 1_712_000, sales_revenue: 168.3 });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.rule, w.indicator, w.fix?.label])).toEqual([["unit_slip", "sales_revenue", "改为168.3亿元"]]);
  });

  it("finds the output, not the sales, when the output's history says it is the slip", () => {
    const { errors, warnings } = check({ gross_output: 171.2, sales_revenue: 1_683_000 }, history);
    expect([...errors, ...warnings].map((i) => [i.rule, i.indicator, i.fix?.label])).toEqual([["unit_slip", "gross_output", "改为171.2亿元"]]);
  });

  it("a figure typed in 元 is offered in 万元", () => {
    const { warnings } = check({ tax: 543_210_000 }, { lastYear: { tax: 50_000 }, previousYtd: { tax: 47_000 } });
    expect(warnings).toEqual([
      {
        indicator: "tax",
        rule: "unit_slip",
        message: "入库税金543,210,000万元，是否按元填写了？应为54,321万元（543,210,000元）",
        fix: { value: "54321", label: "改为54,321万元" },
      },
    ]);
  });

  it("the fix parses back to the same figure the form would store", () => {
    expect(parseFigure("168.3亿", { unit: "万元" })).toEqual({ ok: true, value: "1683000" });
  });
});

describe("findings without a unit slip still report", () => {
  it("a genuine ratio problem (sales at 40% of output) is the ratio warning, no fix", () => {
    const { errors, warnings } = check({ gross_output: 1_712_000, sales_revenue: 684_800 }, { lastYear: history.lastYear, previousYtd: { gross_output: 1_480_000, sales_revenue: 600_000 } });
    expect(errors).toEqual([]);
    expect(fired(warnings)).toEqual(["yoy_out_of_range@sales_revenue", "sales_output_ratio@sales_revenue"]);
    expect(warnings.every((w) => w.fix === undefined)).toBe(true);
    expect(warnings[1]?.message).toBe("销售收入（营业收入）（684,800.00万元）仅为工业总产值（1,712,000.00万元）的40.0%，低于50%，请核实并说明原因");
  });

  it("a figure its history contradicts is not called a slip (profit above sales stays an error on profit)", () => {
    // sales fits last year's: the error is the profit's own
    const { errors } = check({ gross_output: 1_712_000, sales_revenue: 1_683_000, profit: 2_000_000 }, history);
    expect(fired(errors)).toEqual(["profit_above_sales@profit"]);
  });

  it("a 1,000× miss is not a 10⁴ slip: the magnitude warning stays, in words, never 1/N", () => {
    const { warnings } = check({ electricity: 5 }, { previousYtd: { electricity: 9_668 } });
    expect(warnings.map((w) => w.message)).toEqual(["工业用电量（5.00万千瓦时）不足上月止累计（9,668.00万千瓦时）的千分之一，可能存在单位或录入错误，请核实"]);
  });

  it("a share that rounds to zero reads 不足0.1%, never 0.0%", () => {
    // 0.045%: off by 2,200×, neither plausible nor plausible after a 10⁴ slip (4.5× the output)
    const { warnings } = check({ gross_output: 1_000_000, sales_revenue: 450 });
    expect(warnings.map((w) => w.message)).toEqual(["销售收入（营业收入）（450.00万元）不足工业总产值（1,000,000.00万元）的0.1%，可能存在单位错误（元/万元/亿元），请核实"]);
  });
});
