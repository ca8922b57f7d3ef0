// CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF, exact decimals without separators.
// Every CSV the app writes (exports, the audit log) goes through csvCell.
import type { ExportTable, ExportValue } from "./table";

/** Starts Excel/LibreOffice read as a formula; the full-width forms are what a Chinese IME types. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field. Text starting like a formula gets a leading single quote (OWASP CSV injection),
 * so Excel shows "=HYPERLINK(…)" instead of running it. A numeric cell that holds a plain decimal
 * stays a number ("-12.5"); anything else in it is treated as text.
 */
export function csvCell(value: ExportValue | undefined, numeric = typeof value === "number"): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  const isNumber = numeric && PLAIN_NUMBER.test(text);
  const safe = !isNumber && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: (ExportValue | undefined)[], numeric: (i: number) => boolean = () => false) =>
  cells.map((v, i) => csvCell(v, numeric(i))).join(",");

export function buildCsv(t: ExportTable): string {
  const numeric = (i: number) => (t.columns[i]?.kind ?? "text") !== "text";
  const lines = [csvLine([t.title]), csvLine([`${t.unitNote} 统计期：${t.periodLabel}`]), csvLine(t.columns.map((c) => c.header)), ...t.rows.map((r) => csvLine(r, numeric))];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
