// CSV formula injection (OWASP): text cells that start like a formula get a leading quote;
// numbers, negative ones included, stay numbers.
import { describe, expect, it } from "vitest";
import { buildCsv, csvCell } from "@/lib/export/csv";

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t制表符", "'\t制表符"],
    ["\r回车", `"'\r回车"`],
    ["＝1+1", "'＝1+1"],
    ["-12.5", "'-12.5"],
    ["华鑫机械", "华鑫机械"],
  ])("text %j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves numbers and numeric cells holding plain decimals alone", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell("-12.5000", true)).toBe("-12.5000");
    expect(csvCell("-2+3", true)).toBe("'-2+3");
    expect(csvCell(null)).toBe("");
  });

  it("applies to every row of an export table, by column kind", () => {
    const csv = buildCsv({
      name: "t",
      title: "=标题",
      unitNote: "金额单位：万元",
      periodLabel: "2024年1–7月",
      columns: [{ header: "企业名称", kind: "text" }, { header: "利润", kind: "money" }],
      rows: [["-2+3", "-12.5"]],
    });
    expect(csv.split("\r\n")).toEqual(["\uFEFF'=标题", "金额单位：万元 统计期：2024年1–7月", "企业名称,利润", "'-2+3,-12.5", ""]);
  });
});
