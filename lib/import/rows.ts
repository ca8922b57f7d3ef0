// Walks the data rows under a sheet's header, giving each kind typed accessors that record
// problems with the sheet, the row number Excel shows and the column's header.
import { headerMoneyUnit } from "./headers";
import type { ColumnMatch, Problem, RawCell, RawSheet, Severity, Source } from "./types";
import { parseFigureCell, parsePeriodText, type Parsed } from "./values";
import { stripUnsafeText } from "@/lib/input/text";
import type { Period } from "@/lib/stats";

/** The matched columns by field; build once per sheet and pass to every row's reader. */
export const columnsByField = (columns: ColumnMatch[]) => new Map(columns.map((c) => [c.field, c]));

const moneyUnits = new Map<string, string | null>();
const moneyUnitOf = (header: string) => {
  let u = moneyUnits.get(header);
  if (u === undefined) {
    u = headerMoneyUnit(header);
    if (moneyUnits.size < 10_000) moneyUnits.set(header, u);
  }
  return u;
};

export class RowReader {
  readonly problems: Problem[] = [];
  private readonly byField: Map<string, ColumnMatch>;
  constructor(
    private readonly sheet: RawSheet,
    columns: ColumnMatch[],
    private readonly cells: RawCell[],
    readonly src: Source,
    byField?: Map<string, ColumnMatch>,
  ) {
    this.byField = byField ?? columnsByField(columns);
  }

  has(field: string): boolean {
    return this.byField.has(field);
  }

  /** The money unit governing the column's bare figures, as the sheet's layout decided it. */
  unitOf(field: string): string | null | undefined {
    return this.byField.get(field)?.unit;
  }

  header(field: string): string {
    return this.byField.get(field)?.header ?? field;
  }

  /** The cell's text; a cell that could not be read (formula without result, error value) is a problem. */
  text(field: string): string | null {
    const col = this.byField.get(field);
    if (!col) return null;
    const cell = this.cells[col.index];
    if (cell?.problem) {
      this.problem(field, cell.problem);
      return null;
    }
    // NUL and other characters text columns and XML cannot hold are dropped (lib/input/text).
    return cell?.text ? stripUnsafeText(cell.text) || null : null;
  }

  problem(field: string | null, message: string, severity: Severity = "error") {
    const col = field ? this.byField.get(field) : undefined;
    const value = col ? (this.cells[col.index]?.text ?? null) : null;
    this.problems.push({ sheet: this.sheet.name, row: this.src.row, column: field ? this.header(field) : null, message, severity, ...(value !== null ? { value } : {}) });
  }

  required(field: string, what: string): string | null {
    const t = this.text(field);
    if (t === null && !this.problems.some((p) => p.column === this.header(field))) this.problem(field, `${what}不能为空`);
    return t;
  }

  read<T>(field: string, parse: (text: string) => Parsed<T>): T | null | undefined {
    const t = this.text(field);
    if (t === null) return null;
    const r = parse(t);
    if (r.ok) return r.value;
    this.problem(field, r.message);
    return undefined; // present but unreadable
  }

  figure(field: string, opts: { unit: string; integerOnly?: boolean; allowNegative?: boolean }): string | null | undefined {
    const col = this.byField.get(field);
    const headerUnit = opts.unit === "万元" ? (col?.unit !== undefined ? col.unit : moneyUnitOf(this.header(field))) : null;
    return this.read(field, (t) => parseFigureCell(t, { ...opts, headerUnit }));
  }

  period(fallback: Period | null): Period | null {
    if (this.has("period")) {
      const p = this.read("period", parsePeriodText);
      if (p) return p;
      if (p === undefined) return null;
    }
    if (!fallback) this.problem(null, "未指定统计期：请在页面上选择统计期，或在表中增加“统计期”列");
    return fallback;
  }

  get ok(): boolean {
    return !this.problems.some((p) => p.severity === "error");
  }
}

export const isBlankRow = (cells: RawCell[]) => cells.every((c) => c.text === null && !c.problem);
