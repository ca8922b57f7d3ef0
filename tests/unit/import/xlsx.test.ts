// lib/import/xlsx.ts, the fast workbook reader, reads every kind of cell as the exceljs-based
// reader it replaced does (readXlsx, kept as its fallback), and what exceljs cannot read as Excel shows it.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ImportRefused } from "@/lib/import/limits";
import { readUpload, readXlsx } from "@/lib/import/read";
import { readXlsxEntries, XLSX_PARTS } from "@/lib/import/xlsx";
import { unzipXlsx } from "@/lib/import/zip-guard";
import { ENTERPRISE_VALUE_HEADERS, messyWorkbook } from "../../fixtures/import-workbooks";
import { CODES } from "./refs";

const fast = (buf: Buffer) => readXlsxEntries(unzipXlsx(buf, XLSX_PARTS).entries);
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

async function expectSameAsExcelJs(buf: Buffer) {
  const mine = fast(buf);
  expect(plain(mine)).toEqual(plain(await readXlsx(buf)));
  return mine;
}

describe("the xlsx reader reads what exceljs reads", () => {
  it("the messy test workbook: notes sheet, merged title, formulas", async () => {
    const buf = await messyWorkbook({
      title: "戴南镇规上工业企业主要指标（2024年1–8月）",
      headers: ENTERPRISE_VALUE_HEADERS,
      notesSheet: true,
      rows: [
        [1, CODES[0], "企业1", "12,345.6", "11000", "-35.5", "220"],
        [2, CODES[1], "企业2", "1.2亿", 0.1 + 0.2, "800万", { formula: "E5*0.02", result: 220 }],
        [3, CODES[2], "企业3 ", 5230.25, 5000, 120, { formula: "C4+C5" }],
      ],
    });
    const sheets = await expectSameAsExcelJs(buf);
    expect(sheets.map((s) => s.name)).toEqual(["说明", "Sheet1"]);
    expect(sheets[1].rows[0].map((c) => c.text)).toEqual(Array(7).fill("戴南镇规上工业企业主要指标（2024年1–8月）"));
    expect(sheets[1].rows[4][4]).toEqual({ text: "0.3" });
    expect(sheets[1].rows[5][6]).toEqual({ text: null, problem: "公式单元格没有计算结果，请在 Excel 中将公式转为数值后再导入" });
  });

  it("dates, booleans, errors, rich text, hyperlinks, shared formulas, merges, hidden sheets, long text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("隐藏", { state: "hidden" }).addRow(["不读"]);
    const ws = wb.addWorksheet("数据 & <明细>");
    ws.addRow(["乡镇", "日期", "月份", "是否规上", "错误", "富文本", "链接", "大数", "小数", "负数"]);
    ws.addRow(["戴南镇", new Date(Date.UTC(2024, 2, 15)), new Date(Date.UTC(2024, 6, 1)), true, { error: "#N/A" }, { richText: [{ text: "兴化" }, { font: { bold: true }, text: "市" }] }, { text: "官网", hyperlink: "https://example.cn" }, 1e20, 1e-7, -35.5]);
    ws.getCell("B2").numFmt = "yyyy-mm-dd";
    ws.getCell("C2").numFmt = 'yyyy"年"m"月"';
    ws.addRow(["张郭镇", 45500, 45500.75, false, { formula: "1/0", result: { error: "#DIV/0!" } }, { formula: '"a"&"b"', result: "ab" }, { formula: "TRUE()", result: true }, 12, 13, { formula: "H3+I3", result: 25 }]);
    ws.getCell("B3").numFmt = "m/d/yy";
    ws.getCell("C3").numFmt = "0.00";
    ws.getCell("J4").value = { sharedFormula: "J3", result: 7 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("A4").value = "  有空格  ";
    ws.getCell("B4").value = "长".repeat(2001);
    ws.getCell("C4").numFmt = "0.00"; // styled, empty
    ws.getCell("A5").value = "昭阳街道";
    ws.mergeCells("A5:A7"); // a town merged down over three rows
    ws.getCell("B6").value = 100;
    ws.getCell("L9").value = "远处";
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const [sheet, ...rest] = await expectSameAsExcelJs(buf);
    expect(rest).toEqual([]);
    expect(sheet.name).toBe("数据 & <明细>");
    expect(sheet.rows[1].map((c) => c.text)).toEqual(["戴南镇", "2024-03-15", "2024-07-01", "是", null, "兴化市", "官网", "100000000000000000000", "1e-7", "-35.5"]);
    expect(sheet.rows[1][4]).toEqual({ text: null, problem: "单元格为错误值 #N/A" });
    expect(sheet.rows[2].map((c) => c.text)).toEqual(["张郭镇", "2024-07-27", "45500.75", "否", null, "ab", "是", "12", "13", "25"]);
    expect(sheet.rows[2][4].problem).toBe("公式结果为错误值 #DIV/0!");
    expect(sheet.rows[3][0]).toEqual({ text: "有空格" });
    expect(sheet.rows[3][1].problem).toMatch(/单元格内容过长/);
    expect(sheet.rows[3][9]).toEqual({ text: "7" });
    expect(sheet.rows.slice(4, 7).map((r) => r[0].text)).toEqual(["昭阳街道", "昭阳街道", "昭阳街道"]);
    expect(sheet.rows[8][11]).toEqual({ text: "远处" });
  });

  it("refuses a sheet over the row limit before reading it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    ws.getCell("A1").value = "乡镇";
    ws.getCell("A100031").value = "戴南镇";
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await readUpload(buf, "big.xlsx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect((err as Error).message).toBe("工作表“大表”行数超过100,000行上限，请拆分文件后分批导入");
  });
});

describe("workbooks exceljs does not read the way Excel shows them", () => {
  const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
  async function handWritten(sheetXml: string, sharedStrings?: string) {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", CONTENT_TYPES);
    zip.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file("xl/workbook.xml", `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="表1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`);
    zip.file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`);
    if (sharedStrings) zip.file("xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings}</sst>`);
    return fast(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }

  it("prefixed tags (Open XML SDK), inline strings, cells without references, phonetic runs, escapes", async () => {
    const sheets = await handWritten(
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>乡镇</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>` +
        `<x:row><x:c t="inlineStr"><x:is><x:r><x:t>戴</x:t></x:r><x:r><x:t xml:space="preserve">南镇 </x:t></x:r></x:is></x:c><x:c><x:v>12.5</x:v></x:c><x:c t="d"><x:v>2024-08-01T00:00:00</x:v></x:c><x:c r="E2" t="str"><x:v>A&amp;B</x:v></x:c></x:row>`,
      `<si><t>工业总产值</t><rPh sb="0" eb="2"><t>ゴウギョウ</t></rPh></si><si><t>第一行_x000D_第二行</t></si>`,
    );
    expect(sheets).toEqual([
      {
        name: "表1",
        rows: [
          [{ text: "乡镇" }, { text: "工业总产值" }, { text: "第一行\r第二行" }],
          [{ text: "戴南镇" }, { text: "12.5" }, { text: "2024-08-01" }, { text: null }, { text: "A&B" }],
        ],
      },
    ]);
  });
});
