// Sheets → typed records + every problem (sheet, row, column, Chinese message) + what was read of
// each sheet (its period, header rows, columns and the unit applied to each). Pure: no I/O; what
// the database knows comes in as `refs`. lib/import/planner.ts then compares with stored data.
import type { Period } from "@/lib/stats";
import type { FieldSpec } from "./headers";
import { enterprisesKind, enterpriseValuesKind } from "./kinds/enterprises";
import { crossField, plansKind, townValuesKind } from "./kinds/figures";
import { projectsKind } from "./kinds/projects";
import { readLayout, type MoneyUnit, type SheetLayout } from "./layout";
import { MAX_DATA_ROWS } from "./limits";
import type { RecordOf, TownValuesRecord } from "./records";
import type { Refs } from "./refs";
import { columnsByField, isBlankRow, RowReader } from "./rows";
import { describeSheet, peerCountySheet, totalRowKind, totalsProblems, type SheetInfo } from "./sheet-info";
import { sheetPeriod, type SheetPeriod } from "./sheet-period";
import { EXAMPLE_MARK, type ColumnMatch, type ImportKind, type Problem, type RawSheet } from "./types";

type KindParser<R> = {
  specs: (refs: Refs) => FieldSpec[];
  parse: (r: RowReader, refs: Refs) => R | null;
  key: (record: R) => string;
  keyLabel: string;
};

export const KIND_PARSERS: { [K in ImportKind]: KindParser<RecordOf[K]> } = {
  town_values: townValuesKind,
  plans: plansKind,
  enterprises: enterprisesKind,
  enterprise_values: enterpriseValuesKind,
  projects: projectsKind,
};

/** What the user answered in the preview, per sheet: its period, its money unit. */
export type SheetChoices = Record<string, { period?: Period; unit?: MoneyUnit }>;

export type ParseResult<K extends ImportKind> = { records: RecordOf[K][]; problems: Problem[]; rowsTotal: number; sheets: SheetInfo[] };

const NOT_DATA = /说明|填表|注释|目录|封面|图表|^图|chart/i;
const PERIOD_KINDS: ReadonlySet<ImportKind> = new Set(["town_values", "enterprise_values", "projects"]);

/** The reader's columns: the imported ones under their field, the cross-checked ones under `role|field`. */
function readerColumns(layout: SheetLayout): ColumnMatch[] {
  const out: ColumnMatch[] = layout.values.map(({ field, header, index, unit }) => ({ field, header, index, unit }));
  for (const c of layout.columns) {
    if (c.role === "lastYear" || c.role === "yoy" || c.role === "delta" || c.role === "planShare" || c.role === "rank" || c.role === "plan") {
      const field = crossField(c.role, c.field);
      if (!out.some((o) => o.field === field)) out.push({ field, header: c.header, index: c.index, unit: c.unit });
    }
  }
  return out;
}

export function parseImport<K extends ImportKind>(kind: K, sheets: RawSheet[], refs: Refs, choices: SheetChoices = {}): ParseResult<K> {
  const parser = KIND_PARSERS[kind] as KindParser<RecordOf[K]>;
  const specs = parser.specs(refs);
  const required = specs.filter((s) => s.required);
  const problems: Problem[] = [];
  const records: RecordOf[K][] = [];
  const infos: SheetInfo[] = [];
  const seen = new Map<string, { row: number; sheet: string; record: RecordOf[K] }>();
  // What a duplicate row is compared on: everything but where it came from.
  const sig = (record: RecordOf[K]) => {
    const { src: _src, cross: _cross, ...rest } = record as RecordOf[K] & { src: unknown; cross?: unknown };
    return JSON.stringify(rest);
  };
  const single = sheets.length === 1;
  let rowsTotal = 0;
  let used = 0;
  let refused = 0;
  for (const sheet of sheets) {
    const error = (message: string, row: number | null = null, column: string | null = null) => problems.push({ sheet: sheet.name, row, column, message, severity: "error" });
    const warn = (message: string, row: number | null = null, column: string | null = null) => problems.push({ sheet: sheet.name, row, column, message, severity: "warning" });
    if (!single && NOT_DATA.test(sheet.name)) {
      infos.push({ name: sheet.name, status: "skipped", reason: "说明或图表页，不是数据表" });
      continue;
    }
    if (!single && sheet.rows.every(isBlankRow)) {
      infos.push({ name: sheet.name, status: "skipped", reason: "空白工作表" });
      continue;
    }
    const layout = readLayout(sheet, specs, choices[sheet.name]?.unit ?? null);
    const missing = layout ? required.filter((s) => !layout.values.some((c) => c.field === s.field)) : required;
    if (!layout || missing.length > 0) {
      const why = layout
        ? `表头（第${layout.headerFirst + 1}行）缺少必需的列：${missing.map((s) => s.label).join("、")}`
        : `未找到表头：前30行中没有可识别的列名（如 ${required.map((s) => s.label).join("、")}），请使用导入模板`;
      if (single) error(why, layout ? layout.headerFirst + 1 : null);
      infos.push({ name: sheet.name, status: "skipped", reason: layout ? why : "未找到表头，不是数据表" });
      continue;
    }
    used++;
    const headerRow = layout.headerFirst + 1;
    for (const u of layout.ignored) warn(u.why ? `列“${u.header}”${u.why}` : `未识别的列“${u.header}”，已忽略`, headerRow, u.why ? u.header : u.header);
    const info = describeSheet(sheet.name, layout, refs);
    infos.push(info);
    if (layout.unitConflict) {
      const message = `单位不明确：表头上方同时写有${layout.unitConflict.map((u) => `“${u}”`).join("和")}，请在预览中为该表选择单位（或在文件中只保留一个单位后重新上传）`;
      error(message);
      info.question = { kind: "unit", message };
    }
    let sp: SheetPeriod = { period: refs.defaultPeriod, from: refs.defaultPeriod ? "form" : null, question: null };
    if (layout.values.some((c) => c.field === "period")) sp = { period: null, from: "column", question: null };
    else if (PERIOD_KINDS.has(kind)) sp = sheetPeriod(sheet.name, layout.above, refs.defaultPeriod, choices[sheet.name]?.period ?? null);
    if (sp.question) {
      // The rows are read once the period is answered (the preview sends the file again with the answer).
      error(sp.question);
      info.question = { kind: "period", message: sp.question };
      info.rows = sheet.rows.slice(layout.headerLast + 1).filter((r) => !isBlankRow(r)).length;
      refused++;
      continue;
    }
    info.period = sp.period && sp.from !== "column" ? `${sp.period.year}-${String(sp.period.month).padStart(2, "0")}` : null;
    info.periodFrom = sp.from;
    const sheetRefs: Refs = sp.from === "form" || sp.from === "column" ? refs : { ...refs, defaultPeriod: sp.period };

    const columns = readerColumns(layout);
    const byField = columnsByField(columns);
    const dataStart = layout.headerLast + 1;
    const peers = kind === "town_values" || kind === "plans" ? peerCountySheet(sheet, layout, dataStart, refs) : null;
    if (peers) {
      error(peers);
      info.status = "refused";
      refused++;
      info.reason = peers;
      continue;
    }
    const totals: { row: number; reader: RowReader }[] = [];
    const firstRecord = records.length;
    for (let i = dataStart; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i];
      if (isBlankRow(cells)) continue;
      rowsTotal++;
      if (rowsTotal > MAX_DATA_ROWS) {
        error(`数据行数超过${MAX_DATA_ROWS}行上限，其余行未读取`, i + 1);
        return { records, problems, rowsTotal, sheets: infos };
      }
      const reader = new RowReader(sheet, columns, cells, { sheet: sheet.name, row: i + 1 }, byField);
      const townCol = byField.get("town");
      const first = cells.find((c) => c.text !== null)?.text ?? "";
      if (first.startsWith(EXAMPLE_MARK)) {
        warn("模板示例行，已跳过", i + 1);
        continue;
      }
      const total = totalRowKind(kind, townCol ? cells[townCol.index]?.text ?? first : first, first, refs);
      if (total === "compare") {
        totals.push({ row: i + 1, reader });
        info.totals = (info.totals ?? 0) + 1;
        continue;
      }
      if (total === "skip") {
        warn("合计行不导入，已跳过（合计由系统计算）", i + 1);
        continue;
      }
      info.rows = (info.rows ?? 0) + 1;
      const record = parser.parse(reader, sheetRefs);
      if (reader.problems.length > 0) problems.push(...reader.problems);
      if (!record) continue;
      const key = parser.key(record);
      const prior = seen.get(key);
      if (prior) {
        const where = prior.sheet === sheet.name ? `第${prior.row}行` : `工作表“${prior.sheet}”第${prior.row}行`;
        if (sig(prior.record) === sig(record)) warn(`与${where}完全重复，已忽略`, i + 1);
        else error(`与${where}重复（${parser.keyLabel}）且数值不同，请只保留一行`, i + 1);
        continue;
      }
      seen.set(key, { row: i + 1, sheet: sheet.name, record });
      records.push(record);
    }
    if (kind === "town_values" && totals.length > 0) {
      problems.push(...totalsProblems(sheet.name, totals, records.slice(firstRecord) as TownValuesRecord[], refs));
    }
  }
  if (used === 0 && !single) {
    problems.push({ sheet: sheets[0]?.name ?? "", row: null, column: null, message: `所有工作表中都未找到表头（需要 ${required.map((s) => s.label).join("、")} 等列），请使用导入模板`, severity: "error" });
  }
  if (used > refused && rowsTotal === 0) problems.push({ sheet: sheets[0]?.name ?? "", row: null, column: null, message: "文件中没有数据行", severity: "error" });
  return { records, problems, rowsTotal, sheets: infos };
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === "error");
