import { describe, expect, it } from "vitest";
import { requiredGap, requiredGapText } from "@/lib/checks";
import { summarizeReport } from "@/components/report/summary";
import type { FormIndicator } from "@/components/report/types";

const ind = (code: string, name: string, unit = "万元"): FormIndicator => ({ id: 0, code, name, unit, kind: "FLOW", precision: 2, percentPrecision: 1, isMoney: unit === "万元" });
const INDICATORS = [ind("gross_output", "工业总产值"), ind("sales_revenue", "销售收入（营业收入）"), ind("profit", "利润总额"), ind("employees", "从业人员", "人")];

describe("required figures", () => {
  it("names the required figures still empty, in form order", () => {
    const gap = requiredGap(INDICATORS, { profit: "10" }, ["sales_revenue", "gross_output"]);
    expect(gap).toEqual({ missing: [{ code: "gross_output", name: "工业总产值" }, { code: "sales_revenue", name: "销售收入（营业收入）" }], empty: false });
    expect(requiredGapText(gap)).toBe("尚未填写：工业总产值、销售收入（营业收入）");
  });

  it("an empty report is incomplete even where nothing is required; zero is a figure", () => {
    expect(requiredGapText(requiredGap(INDICATORS, {}, []))).toBe("尚未填写任何指标");
    expect(requiredGapText(requiredGap(INDICATORS, { gross_output: "0", sales_revenue: 0 }, ["gross_output", "sales_revenue"]))).toBeNull();
    expect(requiredGapText(requiredGap(INDICATORS, { gross_output: " " }, []))).toBe("尚未填写任何指标");
  });

  it("ignores codes the form does not have", () => {
    expect(requiredGap(INDICATORS, { profit: "1" }, ["retired_code"]).missing).toEqual([]);
  });
});

describe("confirmation summary", () => {
  it("counts filled figures, lists required gaps and shows totals in 亿元, — where missing", () => {
    const s = summarizeReport({
      town: "戴南镇",
      period: { year: 2024, month: 7 },
      indicators: INDICATORS,
      values: { gross_output: "171200", profit: null, employees: "5200" },
      required: ["gross_output", "sales_revenue"],
      checks: { errors: [], warnings: [{ indicator: "gross_output", rule: "yoy_out_of_range", message: "x" }] },
    });
    expect(s).toMatchObject({ town: "戴南镇", period: "2024年1–7月", filled: 2, total: 4, missingRequired: ["销售收入（营业收入）"], errors: 0, warnings: 1 });
    expect(s.totals).toEqual([
      { label: "工业总产值", text: "17.12亿元" },
      { label: "销售收入", text: "—" },
      { label: "利润总额", text: "—" },
    ]);
  });
});
