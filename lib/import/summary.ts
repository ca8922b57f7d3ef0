// What ImportJob.summary holds: the preview (counts, problems, a sample of actions) and the
// parsed records the commit replays. Plain JSON, so any app instance can commit or report it.
import type { Period } from "@/lib/stats";
import type { HistorySummary } from "./history";
import type { Action, Op } from "./plan-types";
import type { SheetInfo } from "./sheet-info";
import type { ImportKind, Problem } from "./types";

export const MAX_PROBLEMS_SHOWN = 1000;
export const MAX_ACTIONS_SHOWN = 200;

export type ImportSummary = {
  kind: ImportKind;
  period: Period | null;
  /** The county (reviewer) or town (reporter) the import is scoped to. */
  scopeRegionId: number;
  counts: Record<Op, number> & { errors: number; warnings: number };
  problems: Problem[];
  actions: Action[];
  /** What was read of each sheet: period, header rows, row counts, the unit applied per column (absent on older jobs). */
  sheets?: SheetInfo[];
  /**
   * The parsed records as one string (lib/import/pack.ts: gzipped JSON), present only when the
   * preview has no errors (the commit needs them). A string, not nested JSON: PostgreSQL stores a
   * string in a fraction of the time it takes to build a jsonb tree of 50k objects.
   */
  records?: string;
  /** Set on a history import (作为已审核历史数据导入): the approved months it changes and the reopen choice. */
  history?: HistorySummary;
  /** Set when the same file was committed before. */
  previouslyCommitted?: { jobId: number; at: string } | null;
  result?: { created: number; updated: number; unchanged: number; auditEntries: number; seconds: number; timings?: Record<string, number> };
  error?: string;
};

/** Problems first by severity, then by position; the changed actions before the unchanged. */
export function trimForDisplay(problems: Problem[], actions: Action[]) {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  const rank: Record<Op, number> = { create: 0, update: 1, unchanged: 2 };
  const shown = [...actions].sort((a, b) => rank[a.op] - rank[b.op]).slice(0, MAX_ACTIONS_SHOWN);
  return { problems: sorted.slice(0, MAX_PROBLEMS_SHOWN), actions: shown };
}
