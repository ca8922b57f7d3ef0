// A table to export, independent of the file format: a title, the unit and period lines, typed columns.
// Numbers travel as exact decimal strings; the xlsx writer turns them into numbers with a number format.
import { stripUnsafeText } from "@/lib/input/text";

export type ColumnKind = "text" | "money" | "decimal" | "integer" | "percent";
export type ExportColumn = { header: string; kind: ColumnKind; digits?: number; width?: number };
export type ExportValue = string | number | null;
export type ExportTable = { name: string; title: string; unitNote: string; periodLabel: string; columns: ExportColumn[]; rows: ExportValue[][] };

/** Excel number formats: thousands separators and the column's decimals. */
export function numberFormat(c: ExportColumn): string | undefined {
  const d = c.digits ?? (c.kind === "integer" ? 0 : c.kind === "percent" ? 1 : 2);
  if (c.kind === "text") return undefined;
  const frac = d > 0 ? `.${"0".repeat(d)}` : "";
  return c.kind === "percent" ? `0${frac}` : `#,##0${frac}`;
}

/** A cell value as a number for Excel (null stays empty); text columns as strings. */
export function cellValue(c: ExportColumn, v: ExportValue): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (c.kind === "text") return stripUnsafeText(String(v));
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}
