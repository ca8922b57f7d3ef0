import { describe, expect, it } from "vitest";
import { CAUSE_RULES, checkRulesLabel, LOGICAL_RULES, missingExplanations, runChecks, VERIFICATION_RULES, type Issue } from "@/lib/checks";
import { parseFigure } from "@/lib/input";
import { check, fired, withRule } from "./fixtures";

describe("DOMAIN.md: sales typed as 18.83万元 beside an output of 19.1亿元", () => {
  const values = { gross_output: 191000, sales_revenue: 18.83 };
  const lastYear = { gross_output: 172000, sales_revenue: 180000 };

  it("is one finding, a unit slip on the sales, with its fix (decision 018)", () => {
    const { errors, warnings } = check(values, { lastYear });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        indicator: "sales_revenue",
        rule: "unit_slip",
        message: "销售收入（营业收入）18.83万元，是否应为18.83亿元（188,300万元）？",
        fix: { value: "188300", label: "改为18.83亿元" },
      },
    ]);
  });

  it("reads as in the brief with the short indicator name", () => {
    const indicators = withRule("sales_revenue", { name: "销售收入" });
    const [slip] = runChecks({ month: 7, indicators, values, previousYtd: {}, lastYear: {}, plans: {} }).warnings;
    expect(slip?.message).toBe("销售收入18.83万元，是否应为18.83亿元（188,300万元）？");
  });

  it("the knock-on error of a correctly entered profit is the slip's, not a second finding", () => {
    const { errors, warnings } = check({ ...values, profit: 9000 });
    expect(fired(errors)).toEqual(["unit_slip@sales_revenue"]);
    expect(warnings).toEqual([]);
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
    for (const rule of [...LOGICAL_RULES, ...VERIFICATION_RULES, ...CAUSE_RULES]) {
      expect(checkRulesLabel[rule]).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(checkRulesLabel.negative).toBe("出现负数");
  });
});
