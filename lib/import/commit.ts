import "server-only";
// Import workflow, step 2: commit. All or nothing in one transaction: the records are planned
// again against fresh data inside it, written in batches, audited, and the job marked committed.
// Any failure rolls everything back and leaves the job FAILED with a Chinese message. The attempt
// holds a lease on the job (lease.ts): one that died midway leaves a job that can be committed again.
import { ApiError, notFound } from "@/lib/api/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { recordAudit } from "@/lib/audit";
import { currentDatabaseKind, getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/permissions";
import { loadRefs } from "./facts";
import { unpackRecords } from "./pack";
import { planImport } from "./planner";
import type { AnyRecord } from "./records";
import { claimJob, heldBy, isInterrupted, keepLease } from "./lease";
import { countOps } from "./plan-types";
import { HISTORY_LABEL, historyReason, PLAIN_IMPORT, planModeOf, reopenReason, type ImportMode } from "./history";
import { historyMode, importScope } from "./service";
import type { ImportSummary } from "./summary";
import { IMPORT_KIND_LABELS } from "./types";
import { WriteContext, type CommitHooks } from "./write-context";
import { writeEnterprises, writeEnterpriseValues } from "./write-enterprises";
import { writePlans, writeTownValues } from "./write-figures";
import { writeProjects } from "./write-projects";

const json = (x: ImportSummary) => x as unknown as Prisma.InputJsonValue;

export async function commitImport(user: Caller, jobId: number, hooks: CommitHooks = {}) {
  const db = getPrisma();
  const job = await db.importJob.findFirst({ where: { id: jobId, createdById: user.id }, select: { id: true, status: true, summary: true, rowsTotal: true, leaseUntil: true } });
  if (!job) throw notFound("导入任务");
  const summary = job.summary as unknown as ImportSummary;
  // The kind's permission again, as of now (the role may have changed since the preview).
  const scope = await importScope(user, summary.kind);
  if (summary.scopeRegionId !== scope.regionId) throw new ApiError("forbidden", "没有权限提交该导入任务");
  if (job.status === "COMMITTED") throw new ApiError("conflict", "该文件已导入，无需重复提交");
  if (job.status === "RUNNING" && !isInterrupted(job)) throw new ApiError("conflict", "该导入正在进行中");
  if (job.status === "FAILED") throw new ApiError("conflict", "该导入已失败，请重新上传文件");
  if (!summary.records || summary.counts.errors > 0) throw new ApiError("unprocessable", "预览中有错误，请修正文件后重新上传");
  // A history import is the reviewers' as of now too; a reopen covers exactly the months the preview listed.
  const mode: ImportMode = summary.history
    ? { history: true, reopen: summary.history.reopen ? { reason: summary.history.reopen.reason, keys: summary.history.approved.map((a) => a.key) } : null }
    : PLAIN_IMPORT;
  if (mode.history) await historyMode(user, scope, { kind: summary.kind, history: true, reopen: mode.reopen !== null, reopenReason: mode.reopen?.reason });
  // Claim the job: a second click (or another instance) finds it RUNNING with a live lease.
  const owner = await claimJob(db, jobId);
  if (!owner) throw new ApiError("conflict", "该导入正在进行中");
  const held = heldBy(jobId, owner);
  const released = { leaseUntil: null, leaseOwner: null };

  const started = Date.now();
  let records: AnyRecord[];
  try {
    records = unpackRecords<AnyRecord>(summary.records);
  } catch (error) {
    console.error("import commit: unreadable records", { jobId, error });
    await db.importJob.updateMany({ where: held, data: { status: "FAILED", finishedAt: new Date(), ...released, summary: json({ ...summary, records: undefined, error: "导入任务数据无法读取，请重新上传文件" }) } });
    throw new ApiError("internal", "导入任务数据无法读取，请重新上传文件");
  }
  // Progress is visible to other requests only on a PostgreSQL server (PGlite has one connection, held by the transaction).
  const onServer = currentDatabaseKind() === "postgres";
  const progress = onServer ? throttledProgress(jobId) : undefined;
  const stopLease = onServer ? keepLease(jobId, owner) : () => {};
  try {
    return await db.$transaction(
      async (tx) => {
        // The records carry enterprise ids already: the county's enterprises are not loaded again.
        const refs = await loadRefs(tx, summary.kind, scope.county, scope.onlyTownId, summary.period, { enterprises: false });
        const plan = await planImport(tx, summary.kind, records, refs, planModeOf(mode));
        const planned = Date.now();
        const errors = plan.planned.problems.filter((p) => p.severity === "error");
        if (errors.length > 0) throw new ApiError("conflict", `数据在预览后发生变化，导入未执行：${errors.slice(0, 3).map((e) => `第${e.row}行 ${e.message}`).join("；")}`);
        const ctx = new WriteContext(tx, user, refs.indicators, jobId, { ...hooks, onProgress: progress });
        switch (plan.kind) {
          case "town_values": await writeTownValues(ctx, plan.planned.writes, mode, plan.planned.plans); break;
          case "plans": await writePlans(ctx, plan.planned.writes); break;
          case "enterprises": await writeEnterprises(ctx, plan.planned.writes); break;
          case "enterprise_values": await writeEnterpriseValues(ctx, plan.planned.writes); break;
          case "projects": await writeProjects(ctx, plan.planned.writes); break;
        }
        const written = Date.now();
        await ctx.flushAudit();
        const counts = countOps(plan.planned.actions);
        if (ctx.audit.length > 0) {
          const reopened = plan.kind === "town_values" ? plan.planned.writes.filter((w) => w.reopen).length : 0;
          await recordAudit(tx, user, [{
            action: "import", entity: "ImportJob", entityId: jobId, regionId: scope.regionId,
            field: mode.history ? `${IMPORT_KIND_LABELS[summary.kind]}（${HISTORY_LABEL}）` : IMPORT_KIND_LABELS[summary.kind],
            newValue: `新增${counts.create}、更新${counts.update}、未变${counts.unchanged}${reopened > 0 ? `，重新打开并覆盖已审核的${reopened}个月份` : ""}`,
            reason: mode.history ? (mode.reopen && reopened > 0 ? reopenReason(jobId, mode.reopen.reason) : historyReason(jobId)) : null,
          }]);
        }
        const result = { created: counts.create, updated: counts.update, unchanged: counts.unchanged, auditEntries: ctx.audit.length, seconds: (Date.now() - started) / 1000, timings: { planMs: planned - started, writeMs: written - planned, auditMs: Date.now() - written } };
        const done = await tx.importJob.updateMany({ where: held, data: { status: "COMMITTED", rowsDone: job.rowsTotal, finishedAt: new Date(), ...released, summary: json({ ...summary, records: undefined, result }) } });
        // The lease ran out and another attempt took the job over: this one must not write too.
        if (done.count === 0) throw new ApiError("conflict", "该导入已被重新提交，本次提交未写入");
        return { jobId, status: "COMMITTED" as const, ...result };
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    const message = error instanceof ApiError ? error.message : "导入失败，所有数据均未写入，请稍后重试";
    if (!(error instanceof ApiError)) console.error("import commit failed", { jobId, error });
    // The database went away (restart, failover): nothing was written, and the job may be committed again
    // at once, so its lease ends now. Should that write fail too, the lease runs out by itself.
    const outcome = isDatabaseUnavailable(error)
      ? { leaseUntil: new Date() }
      : { status: "FAILED" as const, finishedAt: new Date(), ...released, summary: json({ ...summary, records: undefined, error: message }) };
    await db.importJob.updateMany({ where: held, data: outcome }).catch((e: unknown) => console.error("import commit: could not record the outcome", { jobId, error: e }));
    if (error instanceof ApiError || isDatabaseUnavailable(error)) throw error;
    throw new ApiError("internal", message);
  } finally {
    stopLease();
  }
}

function throttledProgress(jobId: number) {
  let last = 0;
  return (rowsDone: number) => {
    if (Date.now() - last < 500) return;
    last = Date.now();
    getPrisma().importJob.update({ where: { id: jobId }, data: { rowsDone } }).catch(() => {});
  };
}
