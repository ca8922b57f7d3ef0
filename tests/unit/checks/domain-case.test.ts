import { describe, expect, it } from "vitest";
import { checkRulesLabel, LOGICAL_RULES, missingExplanations, runChecks, VERIFICATION_RULES, type Issue } from "@/lib/checks";
import { parseFigure } from "@/lib/input";
import { check, fired, withRule } from "./fixtures";

describe("DOMAIN.md: sales typed as 18.83万元 beside an output of 19.1亿元", () => {
  const values = { gross_output: 191000, sales_revenue: 18.83 };
  const lastYear = { gross_output: 172000, sales_revenue: 180000 };

  it("is caught by the output ratio and by last year's magnitude", () => {
    const { warnings } = check(values, { lastYear });
    expect(fired(warnings)).toEqual(
      expect.arrayContaining(["sales_output_ratio@sales_revenue", "magnitude_vs_last_year@sales_revenue"]),
    );
    const messages = warnings.map((w) => w.message);
    expect(messages).toContain(
      "销售收入（营业收入）（18.83万元）仅为工业总产值（191,000.00万元）的0.0%，可能存在单位错误（元/万元/亿元），请核实",
    );
    expect(messages).toContain(
      "销售收入（营业收入）（18.83万元）仅为去年同期（180,000.00万元）的1/9,559，可能存在单位错误（元/万元/亿元），请核实",
    );
  });

  it("reads as in the brief with the short indicator name", () => {
    const indicators = withRule("sales_revenue", { name: "销售收入" });
    const [ratio] = runChecks({ month: 7, indicators, values, previousYtd: {}, lastYear: {}, plans: {} }).warnings;
    expect(ratio?.message).toBe(
      "销售收入（18.83万元）仅为工业总产值（191,000.00万元）的0.0%，可能存在单位错误（元/万元/亿元），请核实",
    );
  });

  it("also trips a logical error when profit is entered correctly", () => {
    expect(fired(check({ ...values, profit: 9000 }).errors)).toEqual(["profit_above_sales@profit"]);
  });

  it("typed as 18.83亿 it parses to 188300万元 and passes", () => {
    const parsed = parseFigure("18.83亿", { unit: "万元" });
    expect(parsed).toEqual({ ok: true, value: "188300" });
    const fixed = check({ gross_output: 191000, sales_revenue: parsed.ok ? parsed.value : null }, { lastYear });
    expect(fired(fixed.warnings)).toEqual([]);
  });
});

describe("missingExplanations", () => {
  const warnings: Issue[] = [
    { indicator: "gross_output", rule: "yoy_out_of_range", message: "…" },
    { indicator: "gross_output", rule: "plan_over", message: "…" },
    { indicator: "sales_revenue", rule: "sales_output_ratio", message: "…" },
  ];

  it.each<[Record<string, string | undefined>, string[]]>([
    [{}, ["gross_output", "gross_output", "sales_revenue"]],
    [{ gross_output: "新投产企业两家" }, ["sales_revenue"]],
    [{ gross_output: "新投产企业两家", sales_revenue: "   " }, ["sales_revenue"]],
    [{ gross_output: "\u3000", sales_revenue: "已核实" }, ["gross_output", "gross_output"]],
    [{ gross_output: "已核实", sales_revenue: "已核实" }, []],
    [{ gross_output: undefined, sales_revenue: "已核实" }, ["gross_output", "gross_output"]],
  ])("with %j → %j still need a 说明", (explanations, missing) => {
    expect(missingExplanations(warnings, explanations).map((w) => w.indicator)).toEqual(missing);
  });

  it("does not read inherited properties as explanations", () => {
    const odd: Issue[] = [{ indicator: "constructor", rule: "plan_over", message: "…" }];
    expect(missingExplanations(odd, {})).toEqual(odd);
  });
});

describe("checkRulesLabel", () => {
  it("labels every rule in Chinese", () => {
    for (const rule of [...LOGICAL_RULES, ...VERIFICATION_RULES]) {
      expect(checkRulesLabel[rule]).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(checkRulesLabel.negative).toBe("出现负数");
  });
});
