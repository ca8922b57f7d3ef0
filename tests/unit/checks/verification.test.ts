import { describe, expect, it } from "vitest";
import type { Issue } from "@/lib/checks";
import { check, withRule } from "./fixtures";

const only = (issues: Issue[], rule: string) => issues.filter((i) => i.rule === rule);

describe("yoy_out_of_range", () => {
  it.each<[number | string, number | string, boolean]>([
    [150, 100, false], // exactly +50%
    [150.1, 100, true], // +50.1%
    [50, 100, false], // exactly −50%
    [49.9, 100, true], // −50.1%
    ["150.04", 100, false], // +50.04% prints as 50.0%: not said to exceed 50%
    ["150.05", 100, true], // prints as 50.1%
    [1000, 0, false], // no base: no percentage
    [1000, -100, false], // loss base: words, not a percentage
  ])("%j against %j → fires: %s", (current, base, fires) => {
    const result = check({ gross_output: current }, { lastYear: { gross_output: base } });
    expect(only(result.warnings, "yoy_out_of_range")).toHaveLength(fires ? 1 : 0);
  });

  it("message gives the growth and the threshold", () => {
    const up = check({ gross_output: 1724 }, { lastYear: { gross_output: 1000 } });
    expect(only(up.warnings, "yoy_out_of_range")[0]?.message).toBe(
      "工业总产值同比增长72.4%，超过±50%的核实阈值，请说明原因",
    );
    const down = check({ tax: 300 }, { lastYear: { tax: 1000 } });
    expect(only(down.warnings, "yoy_out_of_range")[0]?.message).toBe(
      "入库税金同比下降70.0%，超过±50%的核实阈值，请说明原因",
    );
  });

  it("uses the indicator's own threshold, and the default for a nonsensical one", () => {
    const lastYear = { gross_output: 100 };
    expect(check({ gross_output: 131 }, { lastYear, indicators: withRule("gross_output", { yoyWarnPercent: 30 }) }).warnings).toHaveLength(1);
    expect(check({ gross_output: 130 }, { lastYear, indicators: withRule("gross_output", { yoyWarnPercent: "30" }) }).warnings).toHaveLength(0);
    expect(check({ gross_output: 140 }, { lastYear, indicators: withRule("gross_output", { yoyWarnPercent: -5 }) }).warnings).toHaveLength(0);
    expect(check({ gross_output: 140 }, { lastYear, indicators: withRule("gross_output", { yoyWarnPercent: null }) }).warnings).toHaveLength(0);
  });
});

describe("magnitude_vs_last_year / magnitude_vs_last_month", () => {
  it.each<[number | string, number | string, boolean]>([
    [100000, 100, true], // exactly 1,000×
    [99999.99, 100, false],
    [100, 100000, true], // exactly 1/1,000
    [100.01, 100000, false],
    [0, 100, false], // zero: no ratio
    [100, 0, false],
    [-100000, 100, false], // different sign
    [-100000, -100, true], // two losses, 1,000× apart
  ])("%j against %j → fires: %s", (current, base, fires) => {
    const values = { profit: current };
    const year = check(values, { lastYear: { profit: base } });
    const month = check(values, { previousYtd: { profit: base } });
    expect(only(year.warnings, "magnitude_vs_last_year")).toHaveLength(fires ? 1 : 0);
    expect(only(month.warnings, "magnitude_vs_last_month")).toHaveLength(fires ? 1 : 0);
  });

  it("messages say which comparison and suggest a unit slip", () => {
    const year = check({ gross_output: 191000 }, { lastYear: { gross_output: 180 } });
    expect(only(year.warnings, "magnitude_vs_last_year")[0]?.message).toBe(
      "工业总产值（191,000.00万元）约为去年同期（180.00万元）的1,061倍，可能存在单位错误（元/万元/亿元），请核实",
    );
    const month = check({ electricity: 5 }, { previousYtd: { electricity: 5000 } });
    expect(only(month.warnings, "magnitude_vs_last_month")[0]?.message).toBe(
      "工业用电量（5.00万千瓦时）仅为上月止累计（5,000.00万千瓦时）的千分之一，可能存在单位或录入错误，请核实",
    );
  });

  it("uses the indicator's ratio", () => {
    const indicators = withRule("gross_output", { magnitudeWarnRatio: 100 });
    expect(check({ gross_output: 10000 }, { lastYear: { gross_output: 100 }, indicators }).warnings.map((i) => i.rule)).toContain(
      "magnitude_vs_last_year",
    );
    const silly = withRule("gross_output", { magnitudeWarnRatio: 1 }); // falls back to 1,000
    expect(only(check({ gross_output: 2 }, { previousYtd: { gross_output: 1 }, indicators: silly }).warnings, "magnitude_vs_last_month")).toEqual([]);
  });

  it("ignores last month's YTD in January", () => {
    const result = check({ gross_output: 100000 }, { month: 1, previousYtd: { gross_output: 100 } });
    expect(only(result.warnings, "magnitude_vs_last_month")).toEqual([]);
  });
});

describe("plan_over", () => {
  it.each<[number | string, number | string, boolean]>([
    [150, 100, false], // exactly 150%
    [150.1, 100, true],
    ["150.04", 100, false],
    [1000, 0, false], // no plan
    [1000, -5, false],
  ])("%j against plan %j → fires: %s", (ytd, plan, fires) => {
    expect(only(check({ tax: ytd }, { plans: { tax: plan } }).warnings, "plan_over")).toHaveLength(fires ? 1 : 0);
  });

  it("message and per-indicator threshold", () => {
    const result = check({ tax: 1625 }, { plans: { tax: 1000 } });
    expect(result.warnings[0]?.message).toBe("入库税金完成年度计划（1,000.00万元）的162.5%，超过150%的核实阈值，请说明原因");
    const indicators = withRule("tax", { planWarnPercent: 200 });
    expect(check({ tax: 1625 }, { plans: { tax: 1000 }, indicators }).warnings).toEqual([]);
  });
});

describe("sales_output_ratio (0.5–1.5× gross output)", () => {
  it.each<[number | string, boolean]>([
    [500, false], // exactly 0.5×
    ["499.95", false], // 49.995% prints as 50.0%
    ["499.4", true], // 49.94% prints as 49.9%
    [1500, false], // exactly 1.5×
    [1501, true],
    [0, true],
  ])("sales %j beside output 1,000 → fires: %s", (sales, fires) => {
    const result = check({ sales_revenue: sales, gross_output: 1000 });
    expect(only(result.warnings, "sales_output_ratio")).toHaveLength(fires ? 1 : 0);
  });

  it("does not run without a positive output", () => {
    expect(check({ sales_revenue: 100, gross_output: 0 }).warnings).toEqual([]);
    expect(check({ sales_revenue: 100 }).warnings).toEqual([]);
  });

  it("an ordinary miss asks for a reason; an extreme one suggests a unit slip", () => {
    expect(check({ sales_revenue: 400, gross_output: 1000 }).warnings[0]?.message).toBe(
      "销售收入（营业收入）（400.00万元）仅为工业总产值（1,000.00万元）的40.0%，低于50%，请核实并说明原因",
    );
    expect(check({ sales_revenue: 2000, gross_output: 1000 }).warnings[0]?.message).toBe(
      "销售收入（营业收入）（2,000.00万元）是工业总产值（1,000.00万元）的200.0%，高于150%，请核实并说明原因",
    );
    expect(check({ sales_revenue: 20000, gross_output: 1000 }).warnings[0]?.message).toBe(
      "销售收入（营业收入）（20,000.00万元）是工业总产值（1,000.00万元）的2,000.0%，可能存在单位错误（元/万元/亿元），请核实",
    );
  });
});

describe("value_added_ratio (0.1–0.6× gross output)", () => {
  it.each<[number | string, boolean]>([
    [100, false], // exactly 0.1×
    [99, true],
    [600, false], // exactly 0.6×
    ["600.6", true], // 60.06% → 60.1%
    [-50, false], // already an error (negative)
  ])("value added %j beside output 1,000 → fires: %s", (va, fires) => {
    const result = check({ value_added: va, gross_output: 1000 });
    expect(only(result.warnings, "value_added_ratio")).toHaveLength(fires ? 1 : 0);
  });
});
