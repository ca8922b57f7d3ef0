// A real .xlsx (exceljs): title row, unit/period row, header row, numbers as numbers with formats.
import ExcelJS from "exceljs";
import { cellValue, numberFormat, type ExportTable } from "./table";

export async function buildXlsx(t: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "乡镇工业统计平台";
  wb.created = new Date();
  const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 3 }] });
  const n = t.columns.length;
  ws.addRow([t.title]);
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.addRow([`${t.unitNote}　统计期：${t.periodLabel}`]);
  ws.mergeCells(2, 1, 2, n);
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  for (const r of t.rows) ws.addRow(t.columns.map((c, i) => cellValue(c, r[i] ?? null)));
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? (c.kind === "text" ? 18 : 14);
    const fmt = numberFormat(c);
    if (fmt) for (let row = 4; row <= ws.rowCount; row++) ws.getCell(row, i + 1).numFmt = fmt;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
