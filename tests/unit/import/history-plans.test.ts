// The 年计划 a history import takes from a county's monthly sheets (decision 017): one plan per town and
// year, the latest month's where the sheets disagree (with a warning naming both), compared with the
// stored plans so that the same file again changes nothing.
import { describe, expect, it } from "vitest";
import { filePlans, planYearPlans } from "@/lib/import/history-plans";
import type { TownValuesRecord } from "@/lib/import/records";
import { INDICATOR_REFS } from "./refs";

const rec = (month: number, plan: string, sheet = `2018年1-${month}月`): TownValuesRecord => ({
  src: { sheet, row: 6 }, townId: 2, townName: "戴南镇", year: 2018, month, values: { gross_output: "100" }, plans: { gross_output: plan },
});
const name = (code: string) => INDICATOR_REFS.find((i) => i.code === code)!.name;

describe("年计划 from the monthly sheets", () => {
  it("the same plan on every month is one plan, created once, and unchanged against itself", () => {
    const { plans, problems } = filePlans([rec(1, "12000"), rec(2, "12000.0"), rec(3, "12000")], name);
    expect(problems).toEqual([]);
    expect([...plans.values()].map((p) => [p.townName, p.year, p.values])).toEqual([["戴南镇", 2018, { gross_output: "12000" }]]);
    const first = planYearPlans(plans, new Map(), INDICATOR_REFS);
    expect(first.actions).toEqual([{ op: "create", label: "戴南镇 2018年计划", src: { sheet: "2018年1-1月", row: 6 }, changes: [{ field: "工业总产值", old: null, new: "12000" }] }]);
    expect(first.writes).toEqual([{ regionId: 2, year: 2018, set: [{ code: "gross_output", old: null, value: "12000" }] }]);
    const again = planYearPlans(plans, new Map([["2|2018", { gross_output: "12000.0000" }]]), INDICATOR_REFS);
    expect(again.actions.map((a) => a.op)).toEqual(["unchanged"]);
    expect(again.writes).toEqual([]);
  });

  it("a plan adjusted mid-year: the latest month's, in whatever order the sheets come, with a warning naming both", () => {
    const { plans, problems } = filePlans([rec(9, "13000"), rec(6, "12000"), rec(12, "13000")], name);
    expect(plans.get("2|2018")?.values).toEqual({ gross_output: "13000" });
    expect(problems).toEqual([{
      sheet: "2018年1-9月", row: 6, column: "工业总产值·年计划", severity: "warning",
      message: "戴南镇2018年的年计划与工作表“2018年1-6月”第6行不同（12,000 → 13,000），按最后一个月的年计划导入",
    }]);
  });
});
