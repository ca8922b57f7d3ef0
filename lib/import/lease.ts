import "server-only";
// An import commit holds a lease on its job: the committing instance renews it while the transaction
// runs. A job still RUNNING past its lease was interrupted (the process died, or the database
// restarted and rolled the transaction back): it is shown as FAILED and may be committed again.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getPrisma } from "@/lib/db/client";

export const LEASE_MS = 60_000;
const RENEW_MS = 15_000;

export const INTERRUPTED_MESSAGE = "导入中断，所有数据均未写入，请重新提交";

/** RUNNING with no live lease: nobody is committing it any more. */
export function isInterrupted(job: { status: string; leaseUntil: Date | null }, now = new Date()): boolean {
  return job.status === "RUNNING" && (!job.leaseUntil || job.leaseUntil <= now);
}

/** Claims a previewed or interrupted job for one commit attempt; null when another attempt holds it. */
export async function claimJob(db: Db, jobId: number, now = new Date()): Promise<string | null> {
  const owner = randomUUID();
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, OR: [{ status: "PREVIEWED" }, { status: "RUNNING", OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] }] },
    data: { status: "RUNNING", rowsDone: 0, leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return claimed.count > 0 ? owner : null;
}

/** Only the attempt that holds the lease may renew it or finish the job. */
export const heldBy = (jobId: number, owner: string) => ({ id: jobId, status: "RUNNING" as const, leaseOwner: owner });

/**
 * Renews the lease until stopped. Outside the commit's transaction, so only on a PostgreSQL server:
 * PGlite has one connection, held by the transaction, and nobody else can read the job meanwhile.
 */
export function keepLease(jobId: number, owner: string): () => void {
  const timer = setInterval(() => {
    getPrisma().importJob.updateMany({ where: heldBy(jobId, owner), data: { leaseUntil: new Date(Date.now() + LEASE_MS) } }).catch(() => {});
  }, RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}
