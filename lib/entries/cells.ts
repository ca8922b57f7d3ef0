// Parsing and checking one grid row: the same lib/input parsing as the town form ("1,234.5",
// "3500万", "1.2亿", full-width digits) and the same lib/checks rules. Pure: the grids run it while
// typing and the services run it again on save, so both give the same Chinese messages.
import { runChecks, type CheckResult } from "@/lib/checks";
import { parseFigure } from "@/lib/input";
import { toDecimal } from "@/lib/stats";
import type { EntryField } from "./types";

export type ParsedRow = { values: Record<string, string | null>; errors: Record<string, string> };

export function parseCell(field: EntryField, raw: string | null | undefined): { ok: true; value: string | null } | { ok: false; message: string } {
  const r = parseFigure(raw ?? "", { unit: field.unit, integerOnly: field.integerOnly, allowNegative: field.allowNegative });
  if (!r.ok || r.value === null || field.maxDecimals === undefined) return r;
  const d = toDecimal(r.value);
  if (d !== null && d.decimalPlaces() > field.maxDecimals) return { ok: false, message: `小数位数过多（最多${field.maxDecimals}位）` };
  return r;
}

/** Every field of a row, parsed; an unknown field is ignored (the grid never sends one). */
export function parseRow(fields: readonly EntryField[], raw: Readonly<Record<string, string | null | undefined>>): ParsedRow {
  const values: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const r = parseCell(f, raw[f.code]);
    if (r.ok) values[f.code] = r.value;
    else errors[f.code] = r.message;
  }
  return { values, errors };
}

export const present = (values: Readonly<Record<string, string | null>>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== null));

/**
 * The checks of one row: logical errors (a YTD below last month's for a non-negative flow, profit
 * above sales, a negative or fractional figure) and verification warnings (|同比| past the
 * threshold, a 1,000× slip against last month or last year, sales far from output).
 */
export function checkRow(fields: readonly EntryField[], month: number, values: Record<string, string>, previousYtd: Record<string, string>, lastYear: Record<string, string>, plans: Record<string, string> = {}): CheckResult {
  return runChecks({ month, indicators: fields, values, previousYtd, lastYear, plans });
}

/** "12000" and "12000.0000" are the same figure. */
export function sameFigure(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = a === undefined || a === null || a === "" ? null : toDecimal(a);
  const y = b === undefined || b === null || b === "" ? null : toDecimal(b);
  if (x === null || y === null) return x === y;
  return x.eq(y);
}
