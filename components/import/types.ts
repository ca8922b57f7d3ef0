// What the import API answers (GET/POST /api/v1/import/jobs…), as the client components read it.
export type Problem = { sheet: string; row: number | null; column: string | null; message: string; severity: "error" | "warning" };
export type Action = { op: "create" | "update" | "unchanged"; label: string; src: { sheet: string; row: number }; changes: { field: string; old: string | null; new: string | null }[] };
export type SheetView = {
  name: string;
  status: "data" | "skipped" | "refused";
  reason?: string;
  period?: string | null;
  periodFrom?: "choice" | "title" | "name" | "form" | "column" | null;
  headerRows?: string;
  rows?: number;
  totals?: number;
  unit?: string | null;
  columns?: { header: string; target: string; role: string; imported: boolean; unit: string }[];
  question?: { kind: "period" | "unit"; message: string };
};
/** The answers a user gives per sheet in the preview, sent again with the file. */
export type SheetChoices = Record<string, { period?: string; unit?: string }>;
export type JobView = {
  jobId: number;
  fileName: string;
  status: "PREVIEWED" | "RUNNING" | "COMMITTED" | "FAILED";
  rowsTotal: number;
  rowsDone: number;
  kind: string;
  counts: { create: number; update: number; unchanged: number; errors: number; warnings: number };
  problems: Problem[];
  actions: Action[];
  sheets?: SheetView[];
  committable: boolean;
  previouslyCommitted?: { jobId: number; at: string } | null;
  /** A history import (作为已审核历史数据导入): approved months the file changes, and the reopen choice. */
  history?: { approved: { key: string; label: string }[]; reopen: { reason: string } | null };
  result?: { created: number; updated: number; unchanged: number; auditEntries: number; seconds: number };
  error?: string;
};
