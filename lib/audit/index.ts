import "server-only";
// The append-only audit log. Entries are written in the same transaction as the change they describe.
import type { Db } from "@/lib/db/client";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: string | number;
  regionId?: number | null;
  year?: number | null;
  month?: number | null;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
};

export type Actor = { id: number; displayName: string; username: string };

export async function recordAudit(tx: Tx | Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((e) => ({
      userId: actor.id,
      actor: `${actor.displayName}（${actor.username}）`.slice(0, 80),
      action: e.action,
      entity: e.entity,
      entityId: String(e.entityId),
      regionId: e.regionId ?? null,
      year: e.year ?? null,
      month: e.month ?? null,
      field: e.field ?? null,
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      reason: e.reason ?? null,
    })),
  });
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: "创建",
  update: "修改",
  delete: "删除",
  submit: "报送",
  approve: "审核通过",
  return: "退回",
  reopen: "重新打开",
  import: "导入",
  publish: "发布",
  revoke: "撤销",
  disable: "停用",
  enable: "启用",
  reset_password: "重置密码",
};
