import "server-only";
// Who is calling an API route: a session cookie (browser) or `Authorization: Bearer <token>`.
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { loadActiveUser, MUST_CHANGE_PASSWORD_MESSAGE, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { assertSessionWriteAllowed } from "./csrf";
import { ApiError, notSignedIn } from "./errors";
import { hashToken } from "./tokens";

export type ApiUser = CurrentUser & { token?: { id: number; regionId: number | null; readOnly: boolean } };

export async function getApiUser(request: Request): Promise<ApiUser | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new ApiError("unauthorized", "Authorization 头格式应为 “Bearer <令牌>”");
    return userForToken(match[1]);
  }
  // No credentials at all: not signed in (and no need to ask next-auth).
  if (!request.headers.get("cookie")) return null;
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  // The browser sends the cookie on its own, also for a forged request: writes must prove their origin.
  assertSessionWriteAllowed(request);
  const user = await loadActiveUser(session.user.id, session.user.sessionVersion);
  // A browser session whose password an admin set may change it and nothing else.
  if (user?.mustChangePassword) throw new ApiError("forbidden", MUST_CHANGE_PASSWORD_MESSAGE);
  return user;
}

export async function requireApiUser(request: Request): Promise<ApiUser> {
  const user = await getApiUser(request);
  if (!user) throw notSignedIn();
  return user;
}

async function userForToken(token: string): Promise<ApiUser | null> {
  const db = getPrisma();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, regionId: true, readOnly: true, revokedAt: true, expiresAt: true, user: { select: { id: true, sessionVersion: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  const user = await loadActiveUser(row.user.id, row.user.sessionVersion);
  if (!user) return null;
  // Like a session: an account whose password an admin set is refused until its owner changes it.
  if (user.mustChangePassword) throw new ApiError("forbidden", MUST_CHANGE_PASSWORD_MESSAGE);
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { ...user, token: { id: row.id, regionId: row.regionId, readOnly: row.readOnly } };
}
