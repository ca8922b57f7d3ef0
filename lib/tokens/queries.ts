import "server-only";
// What /admin/tokens reads. Explicit select: the token hash never leaves the database.
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { isAdministrator, usersInScope } from "@/lib/users/scope";

export type TokenStatus = "active" | "revoked" | "expired";
export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = { active: "有效", revoked: "已撤销", expired: "已过期" };

export type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  owner: string;
  ownerDisabled: boolean;
  regionName: string | null;
  readOnly: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  status: TokenStatus;
};

export function tokenStatus(t: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt <= now) return "expired";
  return "active";
}

/** Tokens of the users the admin administers: usable ones first, newest first. */
export async function listApiTokens(admin: CurrentUser, now = new Date()): Promise<TokenRow[]> {
  if (!isAdministrator(admin)) return [];
  const rows = await getPrisma().apiToken.findMany({
    where: { user: await usersInScope(admin) },
    select: {
      id: true,
      name: true,
      prefix: true,
      readOnly: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      region: { select: { name: true } },
      user: { select: { username: true, displayName: true, disabled: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const order: Record<TokenStatus, number> = { active: 0, expired: 1, revoked: 2 };
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      owner: `${r.user.displayName}（${r.user.username}）`,
      ownerDisabled: r.user.disabled,
      regionName: r.region?.name ?? null,
      readOnly: r.readOnly,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      lastUsedAt: r.lastUsedAt,
      status: tokenStatus(r, now),
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
}
