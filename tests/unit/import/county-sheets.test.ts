// Sheets as counties draw them, parsed without a database: header blocks of one to three rows with
// merged cells, units stated in the title, a note row, a header cell or a cell, 合计 rows, sheet
// periods, peer-county sheets.
import { describe, expect, it } from "vitest";
import { subRole } from "@/lib/import/layout";
import { parseImport } from "@/lib/import/parse";
import { readUpload } from "@/lib/import/read";
import type { TownValuesRecord } from "@/lib/import/records";
import { periodInName, sheetPeriod } from "@/lib/import/sheet-period";
import { countyXls, countyXlsx, headerMerges, type CountySheet } from "../../fixtures/county-workbooks";
import { testRefs } from "./refs";

const TITLE = "2024年1-8月各乡镇工业主要经济指标完成情况表";

/** 乡镇 | 工业总产值 over 本年累计, 同比±% | 销售收入 over 本年累计, 同比±%: the shape of issue 13. */
function twoLevel(rows: (string | null)[][], opts: { note?: string; name?: string; title?: string } = {}): CountySheet {
  const above = [[opts.title ?? TITLE], [null, null, null, null, opts.note ?? "单位：亿元"]];
  return {
    name: opts.name ?? "8月",
    above,
    header: [
      ["乡镇", "工业总产值", "工业总产值", "销售收入", "销售收入"],
      ["乡镇", "本年累计", "同比±%", "本年累计", "同比±%"],
    ],
    rows,
    merges: [[1, 1, 1, 5], ...headerMerges(3, 2, [{ row: 0, from: 2, to: 3 }, { row: 0, from: 4, to: 5 }])],
  };
}

async function parse(buf: Buffer, name = "县表.xlsx", refs = testRefs()) {
  return parseImport("town_values", await readUpload(buf, name), refs);
}

describe("county sheets: headers, units, totals", () => {
  it("a two-level merged header under a title and a 单位：亿元 note: data starts after the second header row, figures in 亿元 stored as 万元", async () => {
    const buf = await countyXlsx([twoLevel([["合计", "3.3", "10", "3", "8"], ["戴南镇", "1.2", "12.5", "1.1", "9"], ["张郭镇", "2.1", "8.6", "1.9", "7.4"]])]);
    const { records, problems, sheets } = await parse(buf);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const recs = records as TownValuesRecord[];
    expect(recs.map((r) => [r.townName, r.year, r.month, r.values.gross_output, r.values.sales_revenue])).toEqual([
      ["戴南镇", 2024, 8, "12000", "11000"],
      ["张郭镇", 2024, 8, "21000", "19000"],
    ]);
    expect(recs[0].src.row).toBe(6);
    expect(sheets[0]).toMatchObject({ name: "8月", status: "data", period: "2024-08", periodFrom: "title", headerRows: "第3–4行", rows: 2, totals: 1, unit: "亿元（单位说明行）" });
    expect(sheets[0].columns).toContainEqual({ header: "工业总产值·本年累计", target: "工业总产值", role: "导入", imported: true, unit: "亿元（单位说明行）" });
    expect(sheets[0].columns).toContainEqual(expect.objectContaining({ header: "工业总产值·同比±%", imported: false, unit: "%" }));
    // The 合计 row matches its towns (3.3亿 = 1.2亿 + 2.1亿): no warning at all about it.
    expect(problems.filter((p) => p.row === 5)).toEqual([]);
  });

  it("a three-level header with the unit in a header cell; a cell's own unit beats it; 合计 last and off → a warning", async () => {
    const sheet: CountySheet = {
      name: "Sheet1",
      above: [["各乡镇工业经济主要指标"], ["金额单位：亿元"]],
      header: [
        ["乡镇", "主要经济指标", "主要经济指标", "主要经济指标", "主要经济指标"],
        ["乡镇", "工业总产值（万元）", "工业总产值（万元）", "利润总额", "利润总额"],
        ["乡镇", "本年累计", "上年同期", "本年累计", "上年同期"],
      ],
      rows: [["戴南镇", "12,000", "11000", "0.03", "0.02"], ["张郭镇", "1.5亿", "14000", "0.01", "0.01"], ["全市合计", "29000", "25000", "0.04", "0.03"]],
      merges: headerMerges(3, 3, [{ row: 0, from: 2, to: 5 }, { row: 1, from: 2, to: 3 }, { row: 1, from: 4, to: 5 }]),
    };
    const { records, problems, sheets } = await parse(await countyXlsx([sheet]));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect((records as TownValuesRecord[]).map((r) => [r.townName, r.values.gross_output, r.values.profit])).toEqual([
      ["戴南镇", "12000", "300"],
      ["张郭镇", "15000", "100"],
    ]);
    expect(sheets[0]).toMatchObject({ headerRows: "第3–5行", periodFrom: "form", rows: 2, totals: 1 });
    expect(sheets[0].columns?.find((c) => c.header.includes("利润总额") && c.imported)?.unit).toBe("亿元（单位说明行）");
    expect(sheets[0].columns?.find((c) => c.header.includes("工业总产值") && c.imported)?.unit).toBe("万元（表头）");
    expect(problems.filter((p) => p.row === 8).map((p) => [p.column, p.message])).toEqual([
      ["工业总产值", "合计行与各乡镇之和不一致：表中合计29,000万元，2个乡镇之和27,000万元，相差2,000万元；合计行不导入，请核对各乡镇数据"],
    ]);
  });

  it("the unit in the title applies when nothing closer states one", async () => {
    const sheet: CountySheet = { name: "2024.8", above: [["各乡镇工业总产值完成情况（亿元）"]], header: [["乡镇", "工业总产值"]], rows: [["戴南镇", "1.25"]] };
    const { records, sheets } = await parse(await countyXlsx([sheet]));
    expect((records as TownValuesRecord[])[0]).toMatchObject({ year: 2024, month: 8, values: { gross_output: "12500" } });
    expect(sheets[0]).toMatchObject({ unit: "亿元（标题）", periodFrom: "name" });
  });

  it("two different units above the header are a question, answered by a choice in the preview", async () => {
    const sheet = twoLevel([["戴南镇", "1.2", "12.5", "1.1", "9"]], { note: "单位：万元" });
    sheet.above = [[TITLE, null, null, null, "单位：亿元"], [null, null, null, null, "单位：万元"]];
    sheet.merges = sheet.merges!.slice(1); // the title not merged over the note
    const first = await parse(await countyXlsx([sheet]));
    expect(first.sheets[0].question).toMatchObject({ kind: "unit", message: expect.stringContaining("单位不明确") });
    expect(first.problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([expect.stringContaining("请在预览中为该表选择单位")]);
    const answered = parseImport("town_values", await readUpload(await countyXlsx([sheet]), "x.xlsx"), testRefs(), { "8月": { unit: "亿元" } });
    expect(answered.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect((answered.records as TownValuesRecord[])[0].values.gross_output).toBe("12000");
    expect(answered.sheets[0].unit).toBe("亿元（预览中选择）");
  });

  it("a sheet whose rows are counties is refused as a 县区表, naming the sheet", async () => {
    const sheet: CountySheet = { name: "全市", above: [["2024年1-8月全市各县（市、区）工业主要指标"]], header: [["县（市、区）", "工业总产值"]], rows: [["全市合计", "900"], ["兴化市", "300"], ["高邮市", "250"], ["宝应县", "200"], ["海陵区", "150"]] };
    const { records, problems, sheets } = await parse(await countyXlsx([sheet]));
    expect(records).toEqual([]);
    expect(problems.filter((p) => p.severity === "error")).toEqual([{ sheet: "全市", row: null, column: null, severity: "error", message: expect.stringMatching(/^这是县区表：各行是县（市、区）（如“高邮市”“宝应县”）/) }]);
    expect(sheets[0].status).toBe("refused");
  });

  it("a loosely matched town name is a warning to confirm", async () => {
    const { problems } = await parse(await countyXlsx([{ name: "8月", above: [[TITLE]], header: [["乡镇", "工业总产值"]], rows: [["戴南", "100"]] }]));
    expect(problems).toContainEqual({ sheet: "8月", row: 3, column: "乡镇", severity: "warning", value: "戴南", message: "“戴南”按“戴南镇”匹配，请确认" });
  });
});

describe("county sheets: one sheet per month", () => {
  it("sheet names and titles give each sheet its period; notes sheets are listed as skipped", async () => {
    expect(["1-9月", "9月", "2024年1-9月", "2024.9", "202409"].map((n) => periodInName(n))).toEqual([
      { period: null, month: 9 }, { period: null, month: 9 }, { period: { year: 2024, month: 9 }, month: null }, { period: { year: 2024, month: 9 }, month: null }, { period: { year: 2024, month: 9 }, month: null },
    ]);
    expect(sheetPeriod("9月", ["2024年1-8月各乡镇…"], null, null).question).toContain("统计期不明确");
    expect(sheetPeriod("9月", [], null, null).question).toContain("只有月份、没有年份");
    const sheets = [1, 2, 3].map((m) => twoLevel([["戴南镇", String(m), "", String(m), ""]], { name: `${m}月`, title: `2024年1-${m}月各乡镇工业主要经济指标完成情况表` }));
    const { records, sheets: infos, problems } = await parse(await countyXlsx(sheets, { notes: true }));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect((records as TownValuesRecord[]).map((r) => [r.month, r.values.gross_output])).toEqual([[1, "10000"], [2, "20000"], [3, "30000"]]);
    expect(infos.map((s) => [s.name, s.status, s.period ?? null, s.rows ?? null, s.reason ?? null])).toEqual([
      ["填表说明", "skipped", null, null, "说明或图表页，不是数据表"],
      ["1月", "data", "2024-01", 1, null],
      ["2月", "data", "2024-02", 1, null],
      ["3月", "data", "2024-03", 1, null],
    ]);
  });
});

describe("legacy .xls", () => {
  it("reads an Excel 97–2003 workbook with merged headers like the .xlsx", async () => {
    const rows = [["戴南镇", "1.2", "12.5", "1.1", "9"], ["合计", "1.2", "", "1.1", ""]];
    const xls = countyXls([twoLevel(rows)]);
    expect(xls.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const a = await parse(xls, "县表.xls");
    const b = await parse(await countyXlsx([twoLevel(rows)]));
    expect(a.records).toEqual(b.records);
    expect(a.sheets).toEqual(b.sheets);
    expect(a.problems).toEqual(b.problems);
  });

  it("names the roles of sub-column headers", () => {
    expect(["本年累计", "1-9月累计", "同比±%", "增减", "占年计划%", "完成年计划%", "上年同期", "本月", "排名", "年计划"].map(subRole)).toEqual([
      "value", "value", "yoy", "delta", "planShare", "planShare", "lastYear", "month", "rank", "plan",
    ]);
  });
});
