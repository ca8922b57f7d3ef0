// Sheets → typed records + every problem (sheet, row, column, Chinese message). Pure: no I/O;
// what the database knows comes in as `refs`. lib/import/plan.ts then compares with stored data.
import { findHeader, type FieldSpec } from "./headers";
import { enterprisesKind, enterpriseValuesKind } from "./kinds/enterprises";
import { plansKind, townValuesKind } from "./kinds/figures";
import { projectsKind } from "./kinds/projects";
import { MAX_DATA_ROWS } from "./limits";
import type { RecordOf } from "./records";
import type { Refs } from "./refs";
import { columnsByField, isBlankRow, RowReader } from "./rows";
import { EXAMPLE_MARK, type ImportKind, type Problem, type RawSheet } from "./types";

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

export type ParseResult<K extends ImportKind> = { records: RecordOf[K][]; problems: Problem[]; rowsTotal: number };

const TOTAL_ROW = /^(合计|总计|小计|全县合计|全市合计|汇总)$/;

export function parseImport<K extends ImportKind>(kind: K, sheets: RawSheet[], refs: Refs): ParseResult<K> {
  const parser = KIND_PARSERS[kind] as KindParser<RecordOf[K]>;
  const specs = parser.specs(refs);
  const problems: Problem[] = [];
  const records: RecordOf[K][] = [];
  const seen = new Map<string, { row: number; sheet: string; record: RecordOf[K] }>();
  // What a duplicate row is compared on: everything but where it came from.
  const sig = (record: RecordOf[K]) => {
    const { src: _src, ...rest } = record as RecordOf[K] & { src: unknown };
    return JSON.stringify(rest);
  };
  let rowsTotal = 0;
  let used = 0;
  for (const sheet of sheets) {
    const { header, problems: headerProblems } = findHeader(sheet, specs);
    if (!header) {
      // A workbook often has a notes sheet: only complain when no sheet has a usable header.
      if (sheets.length === 1) problems.push(...headerProblems);
      continue;
    }
    used++;
    problems.push(...headerProblems);
    const byField = columnsByField(header.columns);
    for (let i = header.headerRow + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i];
      if (isBlankRow(cells)) continue;
      rowsTotal++;
      if (rowsTotal > MAX_DATA_ROWS) {
        problems.push({ sheet: sheet.name, row: i + 1, column: null, message: `数据行数超过${MAX_DATA_ROWS}行上限，其余行未读取`, severity: "error" });
        return { records, problems, rowsTotal };
      }
      const reader = new RowReader(sheet, header.columns, cells, { sheet: sheet.name, row: i + 1 }, byField);
      const first = cells.find((c) => c.text !== null)?.text ?? "";
      if (first.startsWith(EXAMPLE_MARK)) {
        problems.push({ sheet: sheet.name, row: i + 1, column: null, message: "模板示例行，已跳过", severity: "warning" });
        continue;
      }
      if (TOTAL_ROW.test(first.replace(/\s/g, ""))) {
        problems.push({ sheet: sheet.name, row: i + 1, column: null, message: "合计行不导入，已跳过（合计由系统计算）", severity: "warning" });
        continue;
      }
      const record = parser.parse(reader, refs);
      if (reader.problems.length > 0) problems.push(...reader.problems);
      if (!record) continue;
      const key = parser.key(record);
      const prior = seen.get(key);
      if (prior) {
        const where = prior.sheet === sheet.name ? `第${prior.row}行` : `工作表“${prior.sheet}”第${prior.row}行`;
        problems.push(
          sig(prior.record) === sig(record)
            ? { sheet: sheet.name, row: i + 1, column: null, message: `与${where}完全重复，已忽略`, severity: "warning" }
            : { sheet: sheet.name, row: i + 1, column: null, message: `与${where}重复（${parser.keyLabel}）且数值不同，请只保留一行`, severity: "error" },
        );
        continue;
      }
      seen.set(key, { row: i + 1, sheet: sheet.name, record });
      records.push(record);
    }
  }
  if (used === 0 && sheets.length > 1) {
    problems.push({ sheet: sheets[0]?.name ?? "", row: null, column: null, message: `所有工作表中都未找到表头（需要 ${specs.filter((s) => s.required).map((s) => s.label).join("、")} 等列），请使用导入模板`, severity: "error" });
  }
  if (used > 0 && rowsTotal === 0) problems.push({ sheet: sheets[0]?.name ?? "", row: null, column: null, message: "文件中没有数据行", severity: "error" });
  return { records, problems, rowsTotal };
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === "error");
