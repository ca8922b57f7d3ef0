import "server-only";
// Checks a username and password against the users table. The password hash never leaves this module.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { safeText } from "@/lib/input/text";
import { verifyPassword } from "./password";
import type { Role } from "./roles";
import { CLEARED_LOCK, isAddressThrottled, isUnknownNameLocked, recordAttempt, reservePasswordCheck, THROTTLE, type PasswordCheck } from "./throttle";

export const SIGN_IN_ERRORS = {
  invalid: "用户名或密码错误",
  disabled: "该账号已停用，请联系管理员",
  throttled: `登录失败次数过多，账号已锁定${THROTTLE.lockMinutes}分钟`,
  addressThrottled: `本机登录失败次数过多，请${THROTTLE.windowMinutes}分钟后再试`,
  missing: "请输入用户名和密码",
} as const;

const credentialsSchema = z.object({
  // NUL cannot reach a text column (PostgreSQL refuses it: a 500 at sign-in); no username contains one.
  username: safeText().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});

export type AuthenticatedUser = { id: number; username: string; displayName: string; role: Role; regionId: number | null; sessionVersion: number };

export type SignInError = keyof typeof SIGN_IN_ERRORS;
export type SignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; error: SignInError };

// Compared against when the user does not exist, so a missing account takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$WYMvPWy6ZPuhe0o07iv4kea0vSMSkZu05ih.RkUaoSF8dEVSwxwP.";

export async function verifyCredentials(db: Db, input: unknown, ip: string, now = new Date()): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "missing" };
  const { username, password } = parsed.data;
  // Refused before any lookup and not recorded: the address stays blocked for the window, no longer.
  if (await isAddressThrottled(db, ip, now)) return { ok: false, error: "addressThrottled" };

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, regionId: true, sessionVersion: true, disabled: true, passwordHash: true },
  });
  // Reserved before bcrypt runs: a burst of parallel guesses gets no more checks than the limit.
  const check: PasswordCheck = user ? await reservePasswordCheck(db, user.id, now) : (await isUnknownNameLocked(db, username, now)) ? "refused" : "allowed";
  if (check === "refused") {
    // Still counted against the address, so guessing across locked accounts gets the address blocked.
    await recordAttempt(db, username, ip, false);
    return { ok: false, error: "throttled" };
  }

  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) {
    await recordAttempt(db, username, ip, false);
    const nowLocked = user ? check === "lastTry" : await isUnknownNameLocked(db, username, now);
    return { ok: false, error: nowLocked ? "throttled" : "invalid" };
  }
  // The right password: the reserved check was no failure.
  if (user.disabled) {
    // Only after the right password: a wrong one must not reveal that the account exists but is disabled.
    await db.user.update({ where: { id: user.id }, data: CLEARED_LOCK });
    return { ok: false, error: "disabled" };
  }

  await recordAttempt(db, username, ip, true);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now, ...CLEARED_LOCK } });
  const { passwordHash: _hash, disabled: _disabled, ...safe } = user;
  return { ok: true, user: safe };
}
