// How a county's own sheet is laid out, read before any data row: the header block (one to three
// rows; a merged cell shows its text in every cell it covers, so "工业总产值" merged over 本年累计 and
// 同比±% appears above both), what each column holds (an indicator's figure, or a column the
// server computes itself and only cross-checks: 同比, 增减, 占年计划, 排名, or 上年同期), and which money
// unit governs each column — a header cell's "（亿元）" before a note row's "单位：亿元" before the
// title's. A cell's own unit ("1.2亿") is applied by the figure parser and beats all of these. Pure.
import { normalizeHeader, type FieldSpec } from "./headers";
import { HEADER_SEARCH_ROWS } from "./limits";
import type { ColumnMatch, RawSheet } from "./types";

/** What a column holds: `value` is imported; the others are read only to be cross-checked, or ignored. */
export type ColumnRole = "value" | "month" | "lastYear" | "yoy" | "delta" | "plan" | "planShare" | "rank";
export const ROLE_LABELS: Record<ColumnRole, string> = {
  value: "导入",
  month: "本月数，不导入（月报为1–N月累计）",
  lastYear: "上年同期，与系统中上年数据核对",
  yoy: "同比，核对（系统自行计算）",
  delta: "增减，核对（系统自行计算）",
  plan: "年计划，不导入（请用“年度计划”导入；作为已审核历史数据导入时记为该年的年度计划）",
  planShare: "占年计划，核对（系统自行计算）",
  rank: "排名，与系统按导入数据计算的名次核对",
};

export const MONEY_UNITS = ["元", "万元", "亿元"] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
export type UnitSource = "header" | "note" | "title" | "choice";
export const UNIT_SOURCE_LABELS: Record<UnitSource, string> = { header: "表头", note: "单位说明行", title: "标题", choice: "预览中选择" };

export type SheetColumn = ColumnMatch & { role: ColumnRole; unitFrom: UnitSource | null };

export type SheetLayout = {
  /** 0-based rows of the header block; data starts after `headerLast`. */
  headerFirst: number;
  headerLast: number;
  /** Every recognised column, the imported and the cross-checked. */
  columns: SheetColumn[];
  /** The imported columns: one per field. */
  values: SheetColumn[];
  /** Header texts matching nothing, with a reason when there is one. */
  ignored: { header: string; index: number; why: string | null }[];
  sheetUnit: { unit: MoneyUnit; from: UnitSource } | null;
  /** Two different money units stated above the header: a question for the user, never a guess. */
  unitConflict: MoneyUnit[] | null;
  /** The texts above the header (title, notes), where a sheet states its period. */
  above: string[];
};

/** The role a sub-header text names ("本年累计" → value, "同比±%" → yoy), or null. */
export function subRole(raw: string): ColumnRole | null {
  const t = normalizeHeader(raw);
  if (!t) return null;
  if (/排名|位次|名次|排序/.test(t)) return "rank";
  if (/计划/.test(t)) return /占|完成|%|进度|比/.test(t) ? "planShare" : "plan";
  if (/同比|增幅|增速|增长率|比上年|增长%|增减%|±%|±/.test(t)) return /额|量|绝对值/.test(t) ? "delta" : "yoy";
  if (/^(增减|增减额|增减量|增量|增加额|增长额)$/.test(t)) return "delta";
  if (/上年|去年|同期/.test(t)) return "lastYear";
  if (/^(本月|当月|本月数|当月数|本月完成)$/.test(t)) return "month";
  if (/累计|^本年|^本期|^今年|实绩|^完成|^金额$|^绝对|^数值$|^实际|^\d{1,3}月$/.test(t)) return "value";
  return null;
}

const MONEY_IN_BRACKETS = /[（(【\[]\s*(亿元|万元|元)\s*[）)】\]]/;
const UNIT_NOTE = /单位\s*[:：]\s*([^\s，,；;）)]*)/g;
const unitOnly = (t: string) => /^[（(【\[]?\s*(亿元|万元|元|%|个|家|户|人|亩|万千瓦时)\s*[）)】\]]?$/.test(t.normalize("NFKC").trim());

function firstMoney(text: string): MoneyUnit | null {
  const m = /亿元|万元|(?<![万亿千])元/.exec(text);
  return (m?.[0] as MoneyUnit | undefined) ?? null;
}

/** "单位：亿元", "金额单位：万元", "单位：万元、%、人" → the money unit it states, or null. */
export function noteUnits(text: string): MoneyUnit[] {
  const out: MoneyUnit[] = [];
  for (const m of text.normalize("NFKC").matchAll(UNIT_NOTE)) {
    const u = firstMoney(m[1]);
    if (u) out.push(u);
  }
  return out;
}

type Lookup = { exact: Map<string, string>; keys: string[] };

function lookupOf(specs: readonly FieldSpec[]): Lookup {
  const exact = new Map<string, string>();
  for (const s of specs) for (const a of [s.label, ...s.aliases]) if (!exact.has(normalizeHeader(a))) exact.set(normalizeHeader(a), s.field);
  return { exact, keys: [...exact.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length) };
}

/** A header text → its field, and the role its tail names ("工业总产值同比%" → gross_output, yoy). */
function matchText(text: string, lookup: Lookup): { field: string; role: ColumnRole | null } | null {
  const t = normalizeHeader(text);
  const field = lookup.exact.get(t);
  if (field) return { field, role: null };
  for (const k of lookup.keys) {
    if (!t.startsWith(k)) continue;
    const role = subRole(t.slice(k.length));
    if (role) return { field: lookup.exact.get(k)!, role };
  }
  return null;
}

const cellText = (sheet: RawSheet, r: number, c: number) => sheet.rows[r]?.[c]?.text ?? null;

/** A row under the header that names sub-columns (本年累计 / 同比±% …), with merged cells from above repeated. */
function isSubHeaderRow(sheet: RawSheet, r: number, lookup: Lookup): boolean {
  const row = sheet.rows[r] ?? [];
  let subs = 0;
  for (let c = 0; c < row.length; c++) {
    const t = row[c]?.text;
    if (!t) continue;
    if (subRole(t)) subs++;
    else if (t === cellText(sheet, r - 1, c) || unitOnly(t) || lookup.exact.has(normalizeHeader(t))) continue;
    else return false;
  }
  return subs > 0;
}

const isIndicator = (field: string) => field.startsWith("ind:");

/**
 * The header is the row (among the first rows) naming the most fields; the rows right under it
 * that only name sub-columns belong to it (at most three header rows in all).
 */
export function readLayout(sheet: RawSheet, specs: readonly FieldSpec[], unitChoice: MoneyUnit | null = null): SheetLayout | null {
  const lookup = lookupOf(specs);
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const fields = new Set<string>();
    for (const cell of sheet.rows[r]) if (cell.text) { const m = matchText(cell.text, lookup); if (m) fields.add(m.field); }
    if (fields.size > bestScore) [best, bestScore] = [r, fields.size];
  }
  if (best < 0) return null;
  let last = best;
  while (last + 1 < sheet.rows.length && last - best < 2 && isSubHeaderRow(sheet, last + 1, lookup)) last++;
  // A group row above (e.g. "主要经济指标" over the indicators) belongs to the block when the first
  // column is merged down over it too.
  let first = best;
  const leftmost = sheet.rows[best].findIndex((c) => c.text !== null);
  while (first > 0 && last - first < 2 && leftmost >= 0 && cellText(sheet, first - 1, leftmost) === cellText(sheet, best, leftmost) && lookup.exact.has(normalizeHeader(cellText(sheet, best, leftmost) ?? ""))) first--;

  const width = Math.max(0, ...sheet.rows.slice(best, last + 1).map((r) => r.length));
  const columns: SheetColumn[] = [];
  const ignored: SheetLayout["ignored"] = [];
  const headerNotes: MoneyUnit[] = [];
  let left: string | null = null; // the indicator of the column to the left, for sub-columns drawn without a merge
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (let r = best; r <= last; r++) {
      const t = cellText(sheet, r, c);
      if (t && !texts.includes(t)) texts.push(t);
    }
    if (texts.length === 0) { left = null; continue; }
    const top = cellText(sheet, best, c);
    const notes = texts.flatMap(noteUnits);
    if (notes.length > 0 && !(top && matchText(top, lookup))) { headerNotes.push(...notes); left = null; continue; }
    let m = top ? matchText(top, lookup) : null;
    if (!m && left && (top === null || subRole(top))) m = { field: left, role: top ? subRole(top) : null };
    const header = texts.filter((t) => !unitOnly(t) || texts.length === 1).join("·");
    if (!m) {
      ignored.push({ header, index: c, why: null });
      left = null;
      continue;
    }
    // The deepest sub-column text that is not a plain figure decides (上年同期 › 金额 is last year's).
    const subs = texts.slice(top ? 1 : 0).map(subRole).filter((x): x is ColumnRole => x !== null);
    const role = m.role ?? subs.filter((x) => x !== "value").pop() ?? (subs.includes("value") || subs.length === 0 ? "value" : subs[0]);
    const headerUnit = [...texts].reverse().map((t) => MONEY_IN_BRACKETS.exec(t.normalize("NFKC"))?.[1] as MoneyUnit | undefined).find(Boolean) ?? null;
    columns.push({ field: m.field, header, index: c, role, unit: headerUnit, unitFrom: headerUnit ? "header" : null });
    left = isIndicator(m.field) ? m.field : null;
  }

  const above: string[] = [];
  for (let r = 0; r < first; r++) for (const cell of sheet.rows[r]) if (cell.text) above.push(cell.text);
  const noted = [...new Set([...above.flatMap(noteUnits), ...headerNotes])];
  const titled = [...new Set(above.flatMap((t) => (MONEY_IN_BRACKETS.exec(t.normalize("NFKC"))?.[1] as MoneyUnit | undefined) ?? []))];
  let sheetUnit: SheetLayout["sheetUnit"] = null;
  let unitConflict: MoneyUnit[] | null = null;
  if (unitChoice) sheetUnit = { unit: unitChoice, from: "choice" };
  else if (noted.length > 1) unitConflict = noted;
  else if (noted.length === 1) sheetUnit = { unit: noted[0], from: "note" };
  else if (titled.length > 1) unitConflict = titled;
  else if (titled.length === 1) sheetUnit = { unit: titled[0], from: "title" };
  for (const col of columns) {
    if (col.unit == null && sheetUnit) {
      col.unit = sheetUnit.unit;
      col.unitFrom = sheetUnit.from;
    }
  }

  const values: SheetColumn[] = [];
  for (const col of columns) {
    if (col.role !== "value") continue;
    if (values.some((v) => v.field === col.field)) ignored.push({ header: col.header, index: col.index, why: "与前面的列重复，已忽略" });
    else values.push(col);
  }
  for (const col of columns) {
    if (col.role === "month" && !values.some((v) => v.field === col.field)) ignored.push({ header: col.header, index: col.index, why: "只有本月数，未导入：月报为1–N月累计数，请提供本年累计列" });
  }
  return { headerFirst: first, headerLast: last, columns, values, ignored, sheetUnit, unitConflict, above };
}

/** The unit shown for a column in the preview: its money unit (and where it came from), else the indicator's own. */
export function unitLabel(col: SheetColumn, indicatorUnit: string | null): string {
  if (col.role === "yoy" || col.role === "planShare") return "%";
  if (indicatorUnit !== "万元") return indicatorUnit ?? "—";
  const unit = col.unit ?? "万元";
  return col.unitFrom ? `${unit}（${UNIT_SOURCE_LABELS[col.unitFrom]}）` : `${unit}（默认）`;
}
