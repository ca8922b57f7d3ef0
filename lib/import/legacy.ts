// Old Excel 97–2003 (.xls, BIFF8 in an OLE container) and workbooks that neither lib/import/xlsx.ts
// nor exceljs can read (some WPS-saved files), read with SheetJS CE (@e965/xlsx, 0.20.3). The cells
// come out as the same RawCell texts the other readers give; a merged range shows its first cell's
// text in every cell it covers, as in the other readers. The size limits of read.ts apply first;
// SheetJS reads no more rows than the row limit allows. See docs/decisions (what reads what).
import * as XLSX from "@e965/xlsx";
import { HEADER_SEARCH_ROWS, ImportRefused, MAX_COLUMNS, MAX_DATA_ROWS } from "./limits";
import type { RawCell, RawSheet } from "./types";
import { dateText, numberText, textCell } from "./xlsx";

const MAX_ROWS = MAX_DATA_ROWS + HEADER_SEARCH_ROWS;

function cellOf(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell || cell.v === undefined || cell.v === null) return { text: null };
  switch (cell.t) {
    case "n": return { text: numberText(cell.v as number) };
    case "b": return { text: cell.v ? "是" : "否" };
    case "d": return { text: dateText(cell.v as Date) };
    case "e": return { text: null, problem: `单元格为错误值 ${cell.w ?? ""}`.trim() };
    case "s": return textCell(String(cell.v));
    default: return { text: null };
  }
}

const unreadable = () => new ImportRefused("无法读取该 Excel 文件，文件可能已损坏，请用 Excel 或 WPS 打开后另存为 .xlsx 再试");

/**
 * An OLE container must hold a BIFF workbook stream: SheetJS would otherwise read any bytes as text
 * (an encrypted .xlsx is an OLE container too, without one).
 */
export function assertLegacyWorkbook(buf: Buffer) {
  let ok = false;
  try {
    const cfb = XLSX.CFB.read(buf, { type: "buffer" });
    ok = Boolean(XLSX.CFB.find(cfb, "Workbook") ?? XLSX.CFB.find(cfb, "Book"));
  } catch {
    ok = false;
  }
  if (!ok) throw unreadable();
}

export function readWithSheetJs(buf: Buffer): RawSheet[] {
  let wb: XLSX.WorkBook;
  try {
    // One more row than allowed, so a sheet over the limit is refused rather than cut short.
    wb = XLSX.read(buf, { type: "buffer", dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: MAX_ROWS + 1 });
  } catch {
    throw unreadable();
  }
  const sheets: RawSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden) return;
    const ws = wb.Sheets[name];
    if (!ws || !("!data" in ws)) return; // a chart sheet has no cells
    const data = (ws["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
    if (data.length > MAX_ROWS) throw new ImportRefused(`工作表“${name}”行数超过${MAX_DATA_ROWS.toLocaleString("en-US")}行上限，请拆分文件后分批导入`);
    const rows: RawCell[][] = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r] ?? [];
      if (src.length > MAX_COLUMNS) throw new ImportRefused(`工作表“${name}”列数超过${MAX_COLUMNS}列，已拒绝`);
      const row: RawCell[] = [];
      for (let c = 0; c < src.length; c++) row.push(cellOf(src[c]));
      rows.push(row);
    }
    for (const m of ws["!merges"] ?? []) {
      const first = rows[m.s.r]?.[m.s.c];
      if (!first || first.text === null) continue;
      if ((m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1) > MAX_COLUMNS * 1000) continue; // a sheet-wide merge says nothing
      for (let r = m.s.r; r <= Math.min(m.e.r, rows.length - 1 + 0); r++) {
        while (rows.length <= r) rows.push([]);
        for (let c = m.s.c; c <= Math.min(m.e.c, MAX_COLUMNS - 1); c++) {
          while (rows[r].length <= c) rows[r].push({ text: null });
          if (rows[r][c].text === null) rows[r][c] = first;
        }
      }
    }
    sheets.push({ name, rows });
  });
  return sheets;
}
