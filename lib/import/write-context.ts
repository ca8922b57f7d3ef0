import "server-only";
// What every writer gets: the transaction, who imports, indicator ids, the audit collector and
// the progress/test hooks.
import { recordAudit, type Actor, type AuditEntry, type Tx } from "@/lib/audit";
import { insertAuditBulk } from "./bulk";
import type { IndicatorRef } from "./columns";

export type CommitHooks = {
  /** Called after each batch of rows is written (tests make it throw to simulate a crash midway). */
  afterBatch?: (rowsDone: number) => void | Promise<void>;
  onProgress?: (rowsDone: number) => void;
};

export class WriteContext {
  readonly audit: AuditEntry[] = [];
  rowsDone = 0;
  readonly indicatorId: (code: string) => number;
  readonly indicatorName: (code: string) => string;
  constructor(
    readonly tx: Tx,
    readonly actor: Actor & { role: string },
    indicators: IndicatorRef[],
    readonly jobId: number,
    private readonly hooks: CommitHooks = {},
  ) {
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    this.indicatorId = (code) => {
      const ind = byCode.get(code);
      if (!ind) throw new Error(`unknown indicator ${code}`);
      return ind.id;
    };
    this.indicatorName = (code) => byCode.get(code)?.name ?? code;
  }

  async rowsWritten(n: number) {
    this.rowsDone += n;
    this.hooks.onProgress?.(this.rowsDone);
    await this.hooks.afterBatch?.(this.rowsDone);
  }

  /** The audit entries: a 50k-row import writes one entry per changed figure, so in bulk. */
  async flushAudit() {
    const reason = `数据导入（导入任务 #${this.jobId}）`;
    const entries = this.audit.map((e) => ({ ...e, reason: e.reason ?? reason }));
    if (entries.length <= 500) await recordAudit(this.tx, this.actor, entries);
    else await insertAuditBulk(this.tx, this.actor, entries);
  }
}

export const BATCH = 10_000;
