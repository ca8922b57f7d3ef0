// Finding the header row and matching its cells to fields, tolerant of the usual variants:
// spaces, full-width brackets, units in brackets ("总产值（万元）"), a "*" for required columns.
import { HEADER_SEARCH_ROWS } from "./limits";
import type { ColumnMatch, Problem, RawSheet } from "./types";

export type FieldSpec = {
  field: string;
  /** The header the template uses. */
  label: string;
  aliases: readonly string[];
  required?: boolean;
  /** What the template's example row shows. */
  example?: string;
};

const BRACKETS = /[（(【\[][^）)】\]]*[）)】\]]/g;
const MONEY_UNIT_IN_HEADER = /[（(【\[]\s*(亿元|万元|元)\s*[）)】\]]/;

/** "工业总产值（万元）*" → "工业总产值"; "销售收入（营业收入）" → "销售收入". */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(BRACKETS, "")
    .replace(/[\s*＊:：_\-—]/g, "")
    .toLowerCase();
}

/** The money unit a header declares, e.g. "总产值（亿元）" → "亿元"; values without their own unit are in it. */
export function headerMoneyUnit(raw: string): string | null {
  return MONEY_UNIT_IN_HEADER.exec(raw.normalize("NFKC"))?.[1] ?? null;
}

export type HeaderResult = {
  headerRow: number; // 0-based index into sheet.rows
  columns: ColumnMatch[];
  unknown: string[];
};

function matchRow(cells: (string | null)[], lookup: Map<string, string>) {
  const columns: ColumnMatch[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  cells.forEach((text, index) => {
    if (!text) return;
    const field = lookup.get(normalizeHeader(text));
    if (field && !seen.has(field)) {
      seen.add(field);
      columns.push({ field, header: text, index });
    } else if (!field) unknown.push(text);
  });
  return { columns, unknown };
}

/**
 * The header is the row (among the first rows) matching the most fields: title rows, merged or
 * not, and notes above it are skipped. Null with a problem when required columns are missing.
 */
export function findHeader(sheet: RawSheet, specs: readonly FieldSpec[]): { header: HeaderResult | null; problems: Problem[] } {
  const lookup = new Map<string, string>();
  for (const s of specs) for (const a of [s.label, ...s.aliases]) lookup.set(normalizeHeader(a), s.field);
  let best: HeaderResult | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const m = matchRow(sheet.rows[r].map((c) => c.text), lookup);
    if (m.columns.length > (best?.columns.length ?? 0)) best = { headerRow: r, ...m };
  }
  const problems: Problem[] = [];
  const at = (message: string, row: number | null = null): Problem => ({ sheet: sheet.name, row, column: null, message, severity: "error" });
  if (!best) {
    problems.push(at(`未找到表头：前${HEADER_SEARCH_ROWS}行中没有可识别的列名（如 ${specs.filter((s) => s.required).map((s) => s.label).join("、")}），请使用导入模板`));
    return { header: null, problems };
  }
  const missing = specs.filter((s) => s.required && !best!.columns.some((c) => c.field === s.field));
  if (missing.length > 0) {
    problems.push(at(`表头（第${best.headerRow + 1}行）缺少必需的列：${missing.map((s) => s.label).join("、")}`, best.headerRow + 1));
    return { header: null, problems };
  }
  for (const u of best.unknown) {
    problems.push({ sheet: sheet.name, row: best.headerRow + 1, column: u, message: `未识别的列“${u}”，已忽略`, severity: "warning" });
  }
  return { header: best, problems };
}
