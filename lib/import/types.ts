// Shapes shared by the import pipeline: file → sheets of text cells → typed records + problems.

export const IMPORT_KINDS = ["town_values", "enterprises", "enterprise_values", "projects", "plans"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  town_values: "乡镇月报数据",
  enterprises: "企业名录",
  enterprise_values: "企业月度数据",
  projects: "项目",
  plans: "年度计划",
};

export function isImportKind(x: string): x is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(x);
}

/** One cell as read: its text (numbers as their shortest decimal text), or null when empty. */
export type RawCell = { text: string | null; problem?: string };

export type RawSheet = { name: string; rows: RawCell[][] };

export type Severity = "error" | "warning";

/**
 * A problem found in the file: where (sheet, 1-based row as Excel shows it, column header) and why, in
 * Chinese; `value` is the cell's text where the problem is one cell's (the 问题清单 download shows it).
 */
export type Problem = { sheet: string; row: number | null; column: string | null; message: string; severity: Severity; value?: string | null };

/** Where a record came from, for messages. */
export type Source = { sheet: string; row: number };

/** A matched column: which field, which header text in the file, which 0-based column index. */
export type ColumnMatch = {
  field: string;
  header: string;
  index: number;
  /** The money unit governing the column's bare figures (lib/import/layout.ts); absent: read from the header text. */
  unit?: string | null;
};

/** Marks the template's example row; rows whose first cell starts with it are skipped. */
export const EXAMPLE_MARK = "示例：";
