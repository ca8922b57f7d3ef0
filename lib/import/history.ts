// History backfill (issue 13 item 6, docs/decisions/017-history-backfill.md): a reviewer imports
// years of monthly town figures marked 作为已审核历史数据导入. They land 已审核 and locked, audited as
// 历史数据导入, with the 核实性审核 warnings kept as the figures' 说明. Months already approved refuse
// changes unless the preview's one explicit choice — 重新打开并覆盖已审核的N个月份, with a reason — was
// ticked; that choice names exactly the months the preview listed, and the commit reopens no other.

import type { ReportStatus } from "@/lib/generated/prisma/enums";

export const HISTORY_LABEL = "历史数据导入";

/** A report's status as the audit rows and the preview name it. */
export const STATUS_WORDS: Record<ReportStatus, string> = { DRAFT: "草稿", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核" };

/** The reopen choice as the commit replays it: the reason, and the town-months (`townId|year|month`) the preview listed. */
export type ReopenChoice = { reason: string; keys: string[] };

/** How an import writes town figures: today's way, or as approved history (optionally reopening listed approved months). */
export type ImportMode = { history: boolean; reopen: ReopenChoice | null };

export const PLAIN_IMPORT: ImportMode = { history: false, reopen: null };

/** During the preview the reopen choice covers whatever approved months the file changes; the preview then lists them. */
export type PlanMode = { history: boolean; reopen: { reason: string; keys: ReadonlySet<string> | "listed-in-preview" } | null };

export function planModeOf(mode: ImportMode | undefined): PlanMode {
  if (!mode) return { history: false, reopen: null };
  return { history: mode.history, reopen: mode.reopen ? { reason: mode.reopen.reason, keys: new Set(mode.reopen.keys) } : null };
}

/** An approved month the file would change. */
export type ApprovedMonth = { key: string; label: string };

/** What ImportJob.summary keeps of a history import. */
export type HistorySummary = {
  /** Approved town-months the file changes (refused unless reopened), as "戴南镇2024年1–3月". */
  approved: ApprovedMonth[];
  /** Set when the reviewer chose to reopen and overwrite them. */
  reopen: { reason: string } | null;
};

const MAX_NOTE = 500;

/** The 说明 a history import writes on a figure its checks warned about (never over one already there). */
export function historyNote(messages: string[]): string {
  const text = `${HISTORY_LABEL}时的核实性审核提示：${messages.join("；")}`;
  return text.length > MAX_NOTE ? `${text.slice(0, MAX_NOTE - 1)}…` : text;
}

/** The audit reason of a history import's rows. */
export const historyReason = (jobId: number) => `${HISTORY_LABEL}（导入任务 #${jobId}）`;
export const reopenReason = (jobId: number, reason: string) => `重新打开并覆盖已审核月份（${HISTORY_LABEL}，导入任务 #${jobId}）：${reason}`;
