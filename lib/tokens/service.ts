import "server-only";
// API tokens for integrations: created for a user, optionally narrowed to a region within the user's
// scope and read-only. The token is returned once; only its SHA-256 is stored (lib/api/tokens.ts).
import { newToken } from "@/lib/api/tokens";
import { recordAudit } from "@/lib/audit";
import { fieldError, invalid, NOT_ALLOWED, type FormState } from "@/lib/auth/form-state";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma, type Db } from "@/lib/db/client";
import { readScopeRoot } from "@/lib/permissions";
import { isWithin } from "@/lib/regions";
import { isAdministrator, usersInScope } from "@/lib/users/scope";
import { createTokenSchema, tokenIdSchema } from "./schemas";

export const TOKEN_PREFIX = "tis";

export async function createApiToken(caller: CurrentUser | null, input: unknown, db: Db = getPrisma(), now = new Date()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  if (data.expiresOn && data.expiresOn <= now) return fieldError("expiresOn", "到期日期须晚于今天");

  const owner = await db.user.findFirst({
    where: { AND: [{ id: data.userId, disabled: false }, await usersInScope(caller)] },
    select: { id: true, username: true, displayName: true, role: true, regionId: true, mustChangePassword: true, region: { select: { id: true, code: true, name: true, level: true, parentId: true } } },
  });
  if (!owner) return fieldError("userId", "所选用户不存在、已停用或不在您管理的范围内");
  if (data.regionId !== null) {
    // Narrowing only: the region must lie within what the owner may read.
    const root = await readScopeRoot(owner);
    if (!root || !(await isWithin(data.regionId, root.id))) return fieldError("regionId", "限定地区须在该用户可访问的范围内");
  }

  const { token, hash, display } = newToken(TOKEN_PREFIX);
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: data.name, tokenHash: hash, prefix: display, userId: owner.id, regionId: data.regionId, readOnly: data.readOnly, expiresAt: data.expiresOn },
      select: { id: true },
    });
    await recordAudit(tx, caller, [
      {
        action: "create",
        entity: "ApiToken",
        entityId: row.id,
        regionId: data.regionId ?? owner.regionId,
        newValue: `${data.name}（${display}…，用户 ${owner.username}，${data.readOnly ? "只读" : "读写"}）`,
      },
    ]);
  });
  return { ok: true, message: `已为 ${owner.username} 创建令牌“${data.name}”。令牌只显示这一次，请立即复制保存。`, secret: token };
}

export async function revokeApiToken(caller: CurrentUser | null, input: unknown, db: Db = getPrisma(), now = new Date()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = tokenIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const token = await db.apiToken.findFirst({
    where: { id: parsed.data.id, user: await usersInScope(caller) },
    select: { id: true, name: true, prefix: true, revokedAt: true, regionId: true, user: { select: { regionId: true } } },
  });
  if (!token) return { ok: false, message: "令牌不存在或不在您管理的范围内" };
  if (token.revokedAt) return { ok: true, message: `令牌“${token.name}”已撤销` };
  await db.$transaction(async (tx) => {
    // Conditional, so two admins revoking at once write one audit entry between them.
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return;
    await recordAudit(tx, caller, [{ action: "revoke", entity: "ApiToken", entityId: token.id, regionId: token.regionId ?? token.user.regionId, field: "revokedAt", newValue: now.toISOString() }]);
  });
  return { ok: true, message: `已撤销令牌“${token.name}”（${token.prefix}…），使用它的请求将被拒绝` };
}
