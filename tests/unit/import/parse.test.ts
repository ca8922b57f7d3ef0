// The parse of a messy, real-world-like workbook: title rows, header variants, text numbers,
// 1.2亿, a bad credit code, a duplicate row and a formula cell.
import { describe, expect, it } from "vitest";
import { parseImport } from "@/lib/import/parse";
import { readUpload } from "@/lib/import/read";
import type { EnterpriseValuesRecord } from "@/lib/import/records";
import { ENTERPRISE_VALUE_HEADERS, messyWorkbook, TOWN_VALUE_HEADERS } from "../../fixtures/import-workbooks";
import { CODES, testRefs } from "./refs";

const BAD_CODE = CODES[3].slice(0, 17) + (CODES[3][17] === "0" ? "1" : "0");

async function enterpriseSheet() {
  return messyWorkbook({
    title: "戴南镇规上工业企业主要指标（2024年1–8月）",
    headers: ENTERPRISE_VALUE_HEADERS,
    notesSheet: true,
    rows: [
      [1, CODES[0], "企业1", "12,345.6", "11000", "-35.5", "220"],
      [2, CODES[1].toLowerCase(), "企业2", "1.2亿", "1.1亿", "800万", { formula: "E5*0.02", result: 220 }],
      [3, CODES[2], "企业3 ", 5230.25, 5000, 120, 45.5],
      [4, BAD_CODE, "企业4", "3000", "2800", "90", "10"],
      [5, CODES[0], "企业1", "12,345.6", "11000", "-35.5", "220"],
      [null, "合计", null, null, null, null, null],
    ],
  });
}

describe("parseImport: enterprise monthly figures from a messy workbook", () => {
  it("finds the header under the merged title, reads text numbers, 亿/万 and cached formula results", async () => {
    const sheets = await readUpload(await enterpriseSheet(), "戴南镇8月.xlsx");
    const { records, problems, rowsTotal } = parseImport("enterprise_values", sheets, testRefs());
    expect(rowsTotal).toBe(6);
    const recs = records as EnterpriseValuesRecord[];
    expect(recs.map((r) => r.creditCode)).toEqual([CODES[0], CODES[1], CODES[2]]);
    expect(recs[0]).toMatchObject({ enterpriseId: 100, year: 2024, month: 8, values: { gross_output: "12345.6", sales_revenue: "11000", profit: "-35.5", tax: "220" }, src: { sheet: "Sheet1", row: 4 } });
    expect(recs[1].values).toEqual({ gross_output: "12000", sales_revenue: "11000", profit: "800", tax: "220" });
    expect(recs[2].values).toEqual({ gross_output: "5230.25", sales_revenue: "5000", profit: "120", tax: "45.5" });

    const errors = problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([{ sheet: "Sheet1", row: 7, column: "信用代码", severity: "error", value: expect.any(String), message: expect.stringContaining("统一社会信用代码校验位不正确") }]);
    const warnings = problems.filter((p) => p.severity === "warning").map((p) => [p.row, p.message]);
    expect(warnings).toContainEqual([3, "未识别的列“序号”，已忽略"]);
    expect(warnings).toContainEqual([8, "与第4行完全重复，已忽略"]);
    expect(warnings).toContainEqual([9, "合计行不导入，已跳过（合计由系统计算）"]);
  });

  it("a conflicting duplicate is an error; a formula without a cached result is refused", async () => {
    const buf = await messyWorkbook({
      title: "企业数据",
      headers: ["统一社会信用代码", "企业名称", "总产值", "税收"],
      rows: [
        [CODES[0], "企业1", "100", "1"],
        [CODES[0], "企业1", "200", "1"],
        [CODES[1], "企业2", { formula: "C4+C5" }, "1"],
      ],
    });
    const { problems } = parseImport("enterprise_values", await readUpload(buf, "x.xlsx"), testRefs());
    expect(problems.filter((p) => p.severity === "error").map((p) => [p.row, p.column, p.message])).toEqual([
      [5, null, "与第4行重复（同一企业、同一统计期）且数值不同，请只保留一行"],
      [6, "总产值", "公式单元格没有计算结果，请在 Excel 中将公式转为数值后再导入"],
    ]);
  });
});

describe("parseImport: town monthly figures", () => {
  it("matches header variants, resolves towns by name, short name and code, and reports unknown towns and bad numbers", async () => {
    const buf = await messyWorkbook({
      title: "各乡镇工业主要指标完成情况",
      headers: TOWN_VALUE_HEADERS,
      rows: [
        ["戴南镇", "2024年1-8月", "1.2亿", "9,800", "11500", "-20", "310.5", "12"],
        ["张郭", "2024-08", "８５００", "7000", "8000", "150", "200", "8"],
        ["321281001000", "202408", "6000", "5000", "5500", "100", "90", "3.5"],
        ["黑龙镇", "2024-08", "100", "50", "90", "1", "1", "1"],
      ],
    });
    const { records, problems } = parseImport("town_values", await readUpload(buf, "t.xlsx"), testRefs());
    expect(records.map((r) => ("townName" in r ? r.townName : ""))).toEqual(["戴南镇", "张郭镇"]);
    expect(records[0]).toMatchObject({ year: 2024, month: 8, values: { gross_output: "12000", above_scale_output: "9800", sales_revenue: "11500", profit: "-20", tax: "310.5", new_private_enterprises: "12" } });
    expect(problems.filter((p) => p.severity === "error").map((p) => [p.row, p.column, p.message])).toEqual([
      [6, "新增私营企业", "应为整数"],
      [7, "乡镇（街道）", "未知乡镇“黑龙镇”：兴化市没有该乡镇（街道）"],
    ]);
  });

  it("a reporter may import only their own town", async () => {
    const buf = await messyWorkbook({ title: "t", headers: ["乡镇", "工业总产值"], rows: [["戴南镇", "100"], ["张郭镇", "100"]] });
    const { records, problems } = parseImport("town_values", await readUpload(buf, "t.xlsx"), testRefs({ onlyTownId: 2 }));
    expect(records).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual(["只能导入本镇的数据，“张郭镇”不是您所在的乡镇"]);
  });

  it("reports missing required columns with the header row", async () => {
    const buf = await messyWorkbook({ title: "t", headers: ["名称", "工业总产值"], rows: [["戴南镇", "100"]] });
    const { problems } = parseImport("town_values", await readUpload(buf, "t.xlsx"), testRefs());
    expect(problems).toEqual([{ sheet: "Sheet1", row: 3, column: null, severity: "error", message: "表头（第3行）缺少必需的列：乡镇" }]);
  });
});
