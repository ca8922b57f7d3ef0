// An uploaded file → sheets of text cells. Refuses (ImportRefused, a Chinese message) anything
// too big, not a spreadsheet, or a zip bomb — before any XML is parsed. Workbooks are read by
// lib/import/xlsx.ts; exceljs is the fallback for a workbook that reader does not understand.
import ExcelJS from "exceljs";
import { ApiError } from "@/lib/api/errors";
import { decodeText, parseCsv } from "./csv";
import { assertLegacyWorkbook, readWithSheetJs } from "./legacy";
import { HEADER_SEARCH_ROWS, ImportRefused, MAX_COLUMNS, MAX_DATA_ROWS, MAX_UPLOAD_BYTES, MB } from "./limits";
import type { RawCell, RawSheet } from "./types";
import { dateText, numberText, readXlsxEntries, textCell, UnsupportedXlsx, XLSX_PARTS } from "./xlsx";
import { unzipXlsx } from "./zip-guard";

export { numberText };

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** readUpload for a preview (the town import and the city's table): a refusal is a 422 with its Chinese message. */
export async function readUploadForPreview(buf: Buffer, fileName: string): Promise<RawSheet[]> {
  try {
    return await readUpload(buf, fileName);
  } catch (e) {
    if (e instanceof ImportRefused) throw new ApiError("unprocessable", e.message);
    throw e;
  }
}

export async function readUpload(buf: Buffer, fileName: string): Promise<RawSheet[]> {
  if (buf.length === 0) throw new ImportRefused("文件为空");
  if (buf.length > MAX_UPLOAD_BYTES) throw new ImportRefused(`文件大小超过 ${MB(MAX_UPLOAD_BYTES)} 上限，请拆分后分批导入`);
  const lower = fileName.toLowerCase();
  if (buf.subarray(0, 4).equals(OLE)) {
    // Excel 97–2003 (.xls) and WPS (.et, or .xls saved by WPS): BIFF in an OLE container, read by SheetJS.
    if (!/\.(xls|et)$/.test(lower)) throw new ImportRefused("文件扩展名与内容不符：这是旧版 Excel（.xls）文件，请以 .xls 扩展名上传");
    assertLegacyWorkbook(buf);
    return readWithSheetJs(buf);
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) {
    if (!lower.endsWith(".xlsx") && !lower.endsWith(".xlsm")) throw new ImportRefused("文件扩展名与内容不符：只接受 .xlsx 或 .csv 文件");
    const { entries } = unzipXlsx(buf, XLSX_PARTS);
    try {
      return readXlsxEntries(entries);
    } catch (e) {
      // Limits are final; anything else (UnsupportedXlsx, or a reader bug) gets exceljs's opinion.
      if (e instanceof ImportRefused) throw e;
      if (!(e instanceof UnsupportedXlsx)) console.warn("xlsx reader failed, falling back to exceljs", e);
      return readXlsx(buf);
    }
  }
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return [parseCsv(decodeText(buf), fileName.replace(/\.[^.]+$/, ""))];
  throw new ImportRefused("只接受 .xlsx、.xls 或 .csv 文件");
}

/** The same through exceljs (slower: it builds an object model of every cell). */
export async function readXlsx(buf: Buffer): Promise<RawSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; the bytes are the same.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    // Some WPS-saved workbooks trip exceljs; SheetJS reads them (the zip guard has already passed them).
    return readWithSheetJs(buf);
  }
  const sheets: RawSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible" && ws.state !== undefined) continue;
    if (ws.rowCount > MAX_DATA_ROWS + HEADER_SEARCH_ROWS) {
      throw new ImportRefused(`工作表“${ws.name}”行数超过${MAX_DATA_ROWS.toLocaleString("en-US")}行上限，请拆分文件后分批导入`);
    }
    if (ws.columnCount > MAX_COLUMNS) throw new ImportRefused(`工作表“${ws.name}”列数超过${MAX_COLUMNS}列，已拒绝`);
    const rows: RawCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: RawCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value));
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}

const text = textCell;

export function cellOf(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return { text: null };
  if (typeof v === "number") return { text: numberText(v) };
  if (typeof v === "string") return text(v);
  if (typeof v === "boolean") return { text: v ? "是" : "否" };
  if (v instanceof Date) return { text: dateText(v) };
  if ("richText" in v) return text(v.richText.map((t) => t.text).join(""));
  if ("error" in v) return { text: null, problem: `单元格为错误值 ${v.error}` };
  if ("formula" in v || "sharedFormula" in v) {
    // A formula is never evaluated here: its cached result (what Excel last showed) is used.
    const result = v.result;
    if (result === undefined || result === null) return { text: null, problem: "公式单元格没有计算结果，请在 Excel 中将公式转为数值后再导入" };
    if (typeof result === "object" && !(result instanceof Date) && "error" in result) return { text: null, problem: `公式结果为错误值 ${result.error}` };
    return cellOf(result as ExcelJS.CellValue);
  }
  if ("text" in v && typeof v.text === "string") return text(v.text);
  return { text: null, problem: "无法识别的单元格内容" };
}
