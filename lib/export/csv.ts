// CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF, exact decimals without separators.
import type { ExportTable, ExportValue } from "./table";

const quote = (v: ExportValue) => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function buildCsv(t: ExportTable): string {
  const lines = [[t.title], [`${t.unitNote} 统计期：${t.periodLabel}`], t.columns.map((c) => c.header), ...t.rows];
  return "\uFEFF" + lines.map((l) => l.map(quote).join(",")).join("\r\n") + "\r\n";
}
