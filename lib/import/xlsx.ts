// A small, fast .xlsx reader for what an import needs: each visible worksheet's cells as text
// (RawCell), the same texts lib/import/read.ts's `cellOf` gives for exceljs's values (the unit
// tests compare the two). exceljs builds an object model of every cell, row and style: ≈1.2 s of
// CPU for the benchmark's 50k-row sheet, 2–6 s on the busy benchmark server. This scans the
// worksheet XML once: ≈0.35 s of CPU, unzip included.
//
// Input: the zip entries zip-guard has already inflated (with its size limits). What it reads:
// workbook.xml (sheet order, names, hidden sheets, the 1904 date system) and its relationships,
// sharedStrings.xml (rich text runs joined, phonetic runs skipped), styles.xml (which cell
// styles are date formats) and each worksheet's <sheetData> and <mergeCells>. A merged range
// shows its first cell's value in every cell, like exceljs. Anything it cannot make sense of
// throws UnsupportedXlsx and read.ts falls back to exceljs.
import { HEADER_SEARCH_ROWS, ImportRefused, MAX_CELL_CHARS, MAX_COLUMNS, MAX_DATA_ROWS } from "./limits";
import type { RawCell, RawSheet } from "./types";
import { dateStyles, dirOf, partsOf, relationships, relsOf, sharedStrings } from "./xlsx-parts";
import { attr, attrs, decode, stringText, tagScanner, textAt } from "./xlsx-xml";

export class UnsupportedXlsx extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedXlsx";
  }
}

const EMPTY: RawCell = Object.freeze({ text: null }) as RawCell;
const MAX_ROWS = MAX_DATA_ROWS + HEADER_SEARCH_ROWS;

/** A cell's text as typed: trimmed, empty → null, over-long → a problem. */
export function textCell(s: string | null): RawCell {
  const t = s?.trim() ?? "";
  if (t.length > MAX_CELL_CHARS) return { text: null, problem: `单元格内容过长（超过${MAX_CELL_CHARS}字）` };
  return t === "" ? EMPTY : { text: t };
}

/** 15 significant digits, as Excel shows them: a cached 0.1+0.2 is 0.3, not 0.30000000000000004. */
export function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  return String(Number(n.toPrecision(15)));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as "YYYY-MM-DD" (its UTC calendar day, as exceljs's Date is read). */
export function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** An Excel serial date → Date, exactly as exceljs converts it. */
const excelDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** The 0-based column of a cell reference: "A1" → 0, "BC12" → 54. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0) throw new UnsupportedXlsx(`bad cell reference ${ref}`);
  return col - 1;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  if (!m) throw new UnsupportedXlsx(`bad cell reference ${ref}`);
  return Number(m[0]) - 1;
}

const tooManyRows = (sheet: string) => new ImportRefused(`工作表“${sheet}”行数超过${MAX_DATA_ROWS.toLocaleString("en-US")}行上限，请拆分文件后分批导入`);
const tooManyColumns = (sheet: string) => new ImportRefused(`工作表“${sheet}”列数超过${MAX_COLUMNS}列，已拒绝`);

type Context = { strings: string[]; dates: boolean[]; date1904: boolean };

function put(rows: RawCell[][], r: number, c: number, cell: RawCell) {
  while (rows.length <= r) rows.push([]);
  const row = rows[r];
  while (row.length < c) row.push(EMPTY);
  row[c] = cell;
}

function readWorksheet(xml: string, name: string, ctx: Context): RawSheet {
  const rows: RawCell[][] = [];
  const start = xml.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData\b/);
  if (start < 0) return { name, rows };

  let r = -1; // current row (0-based)
  let c = -1; // current column
  // The cell being read.
  let inCell = false;
  let type = "n";
  let style = 0;
  let formula = false;
  let value: string | undefined;
  let inline: string[] | null = null;
  let phonetic = false;

  const finish = () => {
    put(rows, r, c, cellValue(type, style, formula, value, ctx));
    inCell = false;
  };

  const tags = tagScanner();
  tags.lastIndex = start;
  let m: RegExpExecArray | null;
  let end = xml.length;
  while ((m = tags.exec(xml))) {
    const [, close, tag, rest, self] = m;
    switch (tag) {
      case "c": {
        if (close) {
          if (inCell) finish();
          break;
        }
        const ref = attr(rest, "r");
        c = ref !== undefined ? columnOf(ref) : c + 1;
        if (ref !== undefined && r < 0) r = rowOf(ref);
        if (c >= MAX_COLUMNS) throw tooManyColumns(name);
        if (r < 0) throw new UnsupportedXlsx("cell outside a row");
        type = attr(rest, "t") ?? "n";
        const s = attr(rest, "s");
        style = s !== undefined ? Number.parseInt(s, 10) || 0 : 0;
        formula = false;
        value = undefined;
        inline = null;
        inCell = true;
        if (self) finish();
        break;
      }
      case "v":
        if (inCell && !close && !self) {
          const t = textAt(xml, tags.lastIndex);
          value = t === "" ? undefined : value === undefined ? t : value + t;
        }
        break;
      case "f":
        // exceljs: a formula has text or a share type (<f t="shared" si="0"/> in the cells it is copied to).
        if (inCell && !close && (attr(rest, "t") !== undefined || (!self && textAt(xml, tags.lastIndex) !== ""))) formula = true;
        break;
      case "is":
        if (inCell) {
          if (close) {
            value = inline && inline.length > 0 ? inline.join("") : undefined;
            inline = null;
          } else if (!self) inline = [];
        }
        break;
      case "rPh":
        if (!self) phonetic = !close;
        break;
      case "t":
        if (inline && !close && !self && !phonetic) inline.push(textAt(xml, tags.lastIndex));
        break;
      case "row": {
        if (close) break;
        const ref = attr(rest, "r");
        r = ref !== undefined ? Number.parseInt(ref, 10) - 1 : r + 1;
        if (!(r >= 0)) throw new UnsupportedXlsx(`bad row number ${ref}`);
        if (r >= MAX_ROWS) throw tooManyRows(name);
        c = -1;
        while (rows.length <= r) rows.push([]);
        break;
      }
      case "sheetData":
        if (close || self) {
          end = tags.lastIndex;
          tags.lastIndex = xml.length; // stop: what follows (extensions) has <xm:f> and the like
        }
        break;
    }
  }

  // Merged ranges: every cell shows the first cell's value (exceljs's merged cells do the same).
  const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;
  MERGE.lastIndex = end;
  for (let mm = MERGE.exec(xml); mm; mm = MERGE.exec(xml)) {
    const ref = attr(mm[1], "ref");
    if (!ref) continue;
    const [a, b = a] = ref.split(":");
    const r1 = rowOf(a), c1 = columnOf(a), r2 = rowOf(b), c2 = columnOf(b);
    if (Math.max(r1, r2) >= MAX_ROWS) throw tooManyRows(name);
    if (Math.max(c1, c2) >= MAX_COLUMNS) throw tooManyColumns(name);
    const [top, bottom, left, right] = [Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2)];
    const master = rows[top]?.[left] ?? EMPTY;
    for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) if (y !== top || x !== left) put(rows, y, x, master);
    if (!rows[top] || rows[top].length <= left) put(rows, top, left, master);
  }
  return { name, rows };
}

function cellValue(type: string, style: number, formula: boolean, value: string | undefined, ctx: Context): RawCell {
  if (formula) {
    // A formula is never evaluated here: its cached result (what Excel last showed) is used.
    if (value === undefined) return { text: null, problem: "公式单元格没有计算结果，请在 Excel 中将公式转为数值后再导入" };
    switch (type) {
      case "str":
      case "inlineStr":
        return textCell(stringText(value));
      case "b":
        return { text: Number.parseInt(value, 10) !== 0 ? "是" : "否" };
      case "e":
        return { text: null, problem: `公式结果为错误值 ${decode(value)}` };
      case "d":
        return isoDate(value);
      default:
        return number(value, style, ctx);
    }
  }
  if (value === undefined) return EMPTY;
  switch (type) {
    case "s": {
      const s = ctx.strings[Number.parseInt(value, 10)];
      return s === undefined ? EMPTY : textCell(s);
    }
    case "str":
    case "inlineStr":
      return textCell(stringText(value));
    case "b":
      return { text: Number.parseInt(value, 10) !== 0 ? "是" : "否" };
    case "e":
      return { text: null, problem: `单元格为错误值 ${decode(value)}` };
    case "d":
      return isoDate(value);
    default:
      return number(value, style, ctx);
  }
}

function number(value: string, style: number, ctx: Context): RawCell {
  const n = Number.parseFloat(value);
  if (style > 0 && ctx.dates[style]) return { text: Number.isFinite(n) ? dateText(excelDate(n, ctx.date1904)) : null };
  return { text: numberText(n) };
}

/** <c t="d"> holds an ISO 8601 date (strict OOXML; exceljs does not read these). */
function isoDate(value: string): RawCell {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m ? { text: m[1] } : textCell(value);
}

/** The visible worksheets of a workbook, in tab order, as text cells. */
export function readXlsxEntries(entries: Map<string, Buffer>): RawSheet[] {
  const parts = partsOf(entries);
  const root = relationships(parts.get("_rels/.rels"), "");
  const workbookPath = [...root.values()].find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const workbook = parts.get(workbookPath);
  if (!workbook) throw new UnsupportedXlsx(`no ${workbookPath}`);
  const rels = relationships(parts.get(relsOf(workbookPath)), dirOf(workbookPath));
  const byType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target;

  const sheets: { name: string; state: string; rid: string }[] = [];
  let date1904 = false;
  const tags = tagScanner();
  for (let m = tags.exec(workbook); m; m = tags.exec(workbook)) {
    if (m[1]) continue;
    if (m[2] === "sheet") {
      const a = attrs(m[3]);
      sheets.push({ name: a.name ?? "", state: a.state ?? "visible", rid: a.id ?? "" });
    } else if (m[2] === "workbookPr") {
      const v = attrs(m[3]).date1904;
      date1904 = v === "1" || v === "true";
    }
  }
  const ctx: Context = {
    strings: sharedStrings(parts.get(byType("sharedStrings") ?? "xl/sharedStrings.xml")),
    dates: dateStyles(parts.get(byType("styles") ?? "xl/styles.xml")),
    date1904,
  };
  const out: RawSheet[] = [];
  for (const s of sheets) {
    if (s.state !== "visible") continue;
    const rel = rels.get(s.rid);
    if (!rel) throw new UnsupportedXlsx(`sheet ${s.name} has no relationship`);
    if (rel.type !== "worksheet") continue; // chart sheets, dialog sheets
    const xml = parts.get(rel.target);
    if (xml === null) throw new UnsupportedXlsx(`no ${rel.target}`);
    out.push(readWorksheet(xml, s.name, ctx));
  }
  return out;
}

/** Which zip entries the reader needs. */
export const XLSX_PARTS = (name: string) => name.endsWith(".xml") || name.endsWith(".rels");