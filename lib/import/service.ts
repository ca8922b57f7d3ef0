import "server-only";
// Import workflow, step 1: upload → preview. Nothing is written except the ImportJob row that
// holds the preview (and the parsed records the commit will replay).
import { createHash } from "node:crypto";
import { ApiError, forbidden, notFound } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canImport, canImportHistory, canReopenByImport, type Caller } from "@/lib/permissions";
import { getRegionById } from "@/lib/regions";
import type { Period } from "@/lib/stats";
import { loadRefs } from "./facts";
import { packRecords } from "./pack";
import type { PlanMode } from "./history";
import { INTERRUPTED_MESSAGE, isInterrupted } from "./lease";
import { hasErrors, parseImport, type SheetChoices } from "./parse";
import { planImport } from "./planner";
import { countOps } from "./plan-types";
import { readUploadForPreview } from "./read";
import type { TownRef } from "./refs";
import { trimForDisplay, type ImportSummary } from "./summary";
import { IMPORT_KIND_LABELS, type ImportKind } from "./types";

export type ImportScope = { county: TownRef; onlyTownId: number | null; regionId: number };

/**
 * A reviewer imports into their county; a reporter only into their own town, and only the kinds
 * their role has (lib/permissions: the registers and plans are the bureau's). Without a kind:
 * whether the user may import anything (asked before the upload is read).
 */
export async function importScope(user: Caller, kind?: ImportKind): Promise<ImportScope> {
  const own = user.regionId ? await getRegionById(user.regionId) : null;
  if (!own) throw forbidden();
  if (!(await canImport(user, own.id, kind))) {
    throw new ApiError("forbidden", kind && (await canImport(user, own.id)) ? `没有导入“${IMPORT_KIND_LABELS[kind]}”的权限：${kind === "plans" || kind === "enterprises" ? "企业名录和年度计划由县局维护" : "该类数据由县局导入"}` : "没有数据导入权限");
  }
  if (own.level === "TOWN" && own.parentId) {
    const county = await getRegionById(own.parentId);
    if (!county) throw forbidden();
    return { county, onlyTownId: own.id, regionId: own.id };
  }
  if (own.level !== "COUNTY") throw new ApiError("forbidden", "没有数据导入权限");
  return { county: own, onlyTownId: null, regionId: own.id };
}

export type PreviewInput = { kind: ImportKind; fileName: string; bytes: Buffer; period: Period | null; choices?: SheetChoices; history?: boolean; reopen?: boolean; reopenReason?: string };

/**
 * The history choices of an upload, checked before the file is read: 作为已审核历史数据导入 is the
 * county reviewers' (decision 017), and so is reopening approved months, which needs a reason.
 */
export async function historyMode(user: Caller, scope: ImportScope, input: Pick<PreviewInput, "kind" | "history" | "reopen" | "reopenReason">): Promise<PlanMode> {
  if (!input.history) {
    if (input.reopen) throw new ApiError("bad_request", "只有作为已审核历史数据导入时，才能选择重新打开并覆盖已审核的月份");
    return { history: false, reopen: null };
  }
  if (!(await canImportHistory(user, scope.regionId))) throw new ApiError("forbidden", "没有作为已审核历史数据导入的权限：历史数据由县局审核员导入");
  if (input.kind !== "town_values") throw new ApiError("bad_request", `只有“${IMPORT_KIND_LABELS.town_values}”可以作为已审核历史数据导入；${IMPORT_KIND_LABELS[input.kind]}请按普通导入`);
  if (!input.reopen) return { history: true, reopen: null };
  if (!(await canReopenByImport(user, scope.regionId))) throw new ApiError("forbidden", "没有重新打开已审核月报的权限");
  const reason = input.reopenReason?.trim() ?? "";
  if (!reason) throw new ApiError("bad_request", "请填写重新打开并覆盖已审核月份的原因");
  return { history: true, reopen: { reason, keys: "listed-in-preview" } };
}

export async function previewImport(user: Caller, input: PreviewInput) {
  const scope = await importScope(user, input.kind);
  const mode = await historyMode(user, scope, input);
  const db = getPrisma();
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - mark);
    mark = performance.now();
  };
  const sheets = await readUploadForPreview(input.bytes, input.fileName);
  lap("readMs");
  const refs = await loadRefs(db, input.kind, scope.county, scope.onlyTownId, input.period);
  lap("refsMs");
  const parsed = parseImport(input.kind, sheets, refs, input.choices ?? {});
  lap("parseMs");
  const plan = parsed.records.length > 0 ? await planImport(db, input.kind, parsed.records, refs, mode) : null;
  lap("planMs");
  const problems = [...parsed.problems, ...(plan?.planned.problems ?? [])];
  const actions = plan?.planned.actions ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const before = await db.importJob.findFirst({ where: { fileHash, kind: input.kind, status: "COMMITTED" }, orderBy: { id: "desc" }, select: { id: true, finishedAt: true } });
  const summary: ImportSummary = {
    kind: input.kind,
    period: input.period,
    scopeRegionId: scope.regionId,
    counts: { ...countOps(actions), errors, warnings: problems.length - errors },
    ...trimForDisplay(problems, actions),
    sheets: parsed.sheets,
    records: hasErrors(problems) ? undefined : packRecords(parsed.records),
    previouslyCommitted: before ? { jobId: before.id, at: (before.finishedAt ?? new Date()).toISOString() } : null,
    ...(mode.history ? { history: { approved: plan?.kind === "town_values" ? plan.planned.approved : [], reopen: mode.reopen ? { reason: mode.reopen.reason } : null } } : {}),
  };
  const job = await db.importJob.create({
    data: { kind: input.kind, fileName: input.fileName.slice(0, 200), fileHash, status: "PREVIEWED", rowsTotal: parsed.rowsTotal, summary: summary as unknown as Prisma.InputJsonValue, createdById: user.id },
    select: { id: true },
  });
  lap("saveMs");
  return { timings, jobId: job.id, status: "PREVIEWED" as const, fileName: input.fileName, rowsTotal: parsed.rowsTotal, rowsDone: 0, ...withoutRecords(summary) };
}

export function withoutRecords(summary: ImportSummary) {
  const { records: _r, ...rest } = summary;
  return { ...rest, committable: _r !== undefined && rest.counts.errors === 0 };
}

/** A job as the progress bar and the preview page show it; only its creator sees it. */
export async function getImportJob(user: Caller, id: number) {
  const job = await getPrisma().importJob.findFirst({
    where: { id, createdById: user.id },
    select: { id: true, kind: true, fileName: true, status: true, rowsTotal: true, rowsDone: true, summary: true, createdAt: true, finishedAt: true, leaseUntil: true },
  });
  if (!job) throw notFound("导入任务");
  const summary = job.summary as unknown as ImportSummary;
  const view = { jobId: job.id, fileName: job.fileName, status: job.status, rowsTotal: job.rowsTotal, rowsDone: job.rowsDone, createdAt: job.createdAt, finishedAt: job.finishedAt, ...withoutRecords(summary) };
  // A commit that died midway wrote nothing (its transaction rolled back); the job can be committed again.
  return isInterrupted(job) ? { ...view, status: "FAILED" as const, rowsDone: 0, error: INTERRUPTED_MESSAGE } : view;
}

/** The preview's problems as stored with the job (any instance reads them), for the 问题清单 download; creator only. */
export async function getImportProblems(user: Caller, id: number) {
  const job = await getPrisma().importJob.findFirst({ where: { id, createdById: user.id }, select: { fileName: true, summary: true } });
  if (!job) throw notFound("导入任务");
  const summary = job.summary as unknown as ImportSummary;
  return { fileName: job.fileName, problems: summary.problems, total: summary.counts.errors + summary.counts.warnings };
}
