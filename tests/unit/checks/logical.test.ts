import { describe, expect, it } from "vitest";
import { check, fired } from "./fixtures";

describe("negative", () => {
  it.each<[string, string | number, boolean]>([
    ["gross_output", -5, true],
    ["gross_output", "-0.0001", true],
    ["gross_output", 0, false],
    ["gross_output", "-0", false],
    ["tax", -1, true],
    ["employees", -3, true],
    ["profit", -56.3, false], // may be negative
    ["profit_tax", -10, false],
  ])("%s = %j → fires: %s", (code, value, fires) => {
    expect(fired(check({ [code]: value }).errors).includes(`negative@${code}`)).toBe(fires);
  });

  it("names the indicator and the value", () => {
    expect(check({ gross_output: -5 }).errors[0]?.message).toBe("工业总产值（-5.00万元）不能为负数");
  });
});

describe("ytd_decreased", () => {
  const previousYtd = { gross_output: 1000, profit: 100, employees: 500, above_scale_count: 12 };
  it.each<[string, number, boolean]>([
    ["gross_output", 999.99, true],
    ["gross_output", 1000, false], // a zero month is allowed
    ["gross_output", 1200, false],
    ["profit", 50, false], // may be negative: a loss month lowers the YTD
    ["employees", 400, false], // a stock may fall
    ["above_scale_count", 11, false],
  ])("%s %d after 上月 → fires: %s", (code, value, fires) => {
    const result = check({ [code]: value }, { previousYtd });
    expect(fired(result.errors).includes(`ytd_decreased@${code}`)).toBe(fires);
  });

  it("message shows both YTDs", () => {
    const [issue] = check({ gross_output: 900 }, { previousYtd }).errors;
    expect(issue?.message).toBe("工业总产值本月止累计（900.00万元）小于上月止累计（1,000.00万元），当月数为负，请核实");
  });

  it("does not run without last month's YTD, nor in January", () => {
    expect(check({ gross_output: 900 }).errors).toEqual([]);
    expect(check({ gross_output: 900 }, { month: 1, previousYtd }).errors).toEqual([]);
  });
});

describe("fractional_count", () => {
  it.each<[string, string | number, boolean]>([
    ["above_scale_count", 12.5, true],
    ["above_scale_count", "12.0001", true],
    ["above_scale_count", "12.0000", false],
    ["employees", 350, false],
    ["gross_output", 12.5, false],
  ])("%s = %j → fires: %s", (code, value, fires) => {
    expect(fired(check({ [code]: value }).errors).includes(`fractional_count@${code}`)).toBe(fires);
  });

  it("shows the fraction rather than rounding it away", () => {
    expect(check({ above_scale_count: 12.5 }).errors[0]?.message).toBe("规上（列统）企业数（12.5家）应为整数");
  });
});

describe("cross-indicator comparisons", () => {
  it.each<[string, Record<string, number>, string | null]>([
    ["value_added_above_output", { value_added: 5000, gross_output: 4000 }, "value_added"],
    ["value_added_above_output", { value_added: 4000, gross_output: 4000 }, null],
    ["value_added_above_output", { value_added: 5000 }, null], // output missing
    ["above_scale_above_output", { above_scale_output: 4000.01, gross_output: 4000 }, "above_scale_output"],
    ["above_scale_above_output", { above_scale_output: 4000, gross_output: 4000 }, null],
    ["profit_above_sales", { profit: 101, sales_revenue: 100 }, "profit"],
    ["profit_above_sales", { profit: 100, sales_revenue: 100 }, null],
    ["profit_above_sales", { profit: -20, sales_revenue: 100 }, null],
    ["profit_tax_below_profit", { profit_tax: 99, profit: 100 }, "profit_tax"],
    ["profit_tax_below_profit", { profit_tax: 100, profit: 100 }, null],
    ["profit_tax_below_profit", { profit_tax: -30, profit: -20 }, "profit_tax"],
    ["profit_tax_below_profit", { profit_tax: -10, profit: -20 }, null],
    ["profit_tax_below_profit", { profit_tax: 99 }, null],
  ])("%s with %j → %s", (rule, values, indicator) => {
    const hits = check(values).errors.filter((i) => i.rule === rule);
    expect(hits.map((i) => i.indicator)).toEqual(indicator === null ? [] : [indicator]);
  });

  it("messages name both indicators and values", () => {
    const messages = check({ value_added: 5000, gross_output: 4000, profit: 300, profit_tax: 250 }).errors.map(
      (i) => i.message,
    );
    expect(messages).toContain("工业增加值（5,000.00万元）不能大于工业总产值（4,000.00万元）");
    expect(messages).toContain("利税总额（250.00万元）不能小于利润总额（300.00万元）（利税 = 利润 + 税金，税金不为负）");
  });

  it("runs on enterprise figures whose indicators were not listed, with catalog names", () => {
    const result = check({ profit: 101, sales_revenue: 100 }, { indicators: [] });
    expect(result.errors.map((i) => i.message)).toEqual([
      "利润总额（101.00万元）不能大于销售收入（营业收入）（100.00万元）",
    ]);
  });
});

describe("a clean report", () => {
  it("has no errors", () => {
    const values = {
      gross_output: 191000,
      above_scale_output: 150000,
      value_added: 45000,
      sales_revenue: 185000,
      profit: 9000,
      profit_tax: 15000,
      tax: 6000,
      employees: 12000,
      above_scale_count: 38,
    };
    expect(check(values, { previousYtd: { gross_output: 160000 } }).errors).toEqual([]);
  });

  it("ignores missing and unusable figures", () => {
    expect(check({ gross_output: null, value_added: "abc", tax: undefined, profit: Number.NaN }).errors).toEqual([]);
  });
});
