import "server-only";
// Sign-in throttling, kept in the database so every app instance behind a load balancer agrees.
//  - Per account: consecutive wrong passwords are counted on User.failedLoginCount; the 5th locks the
//    account (User.lockedUntil = now + 15 min), which admins see on /admin/users and can lift. A
//    successful sign-in, an unlock or a password reset clears both. Each check is reserved before the
//    password is compared (reservePasswordCheck), so parallel attempts cannot slip past the limit. The
//    current-password check of 修改密码 uses the same counter.
//  - Per unknown username: the same limit, counted from LoginAttempt, so a name that does not exist
//    answers exactly like one that does (no probing for valid usernames).
//  - Per address: 20 failures from one address within 15 minutes refuse every account from it.
import type { Db } from "@/lib/db/client";

export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  /** Attempts are kept this long (a month of sign-in history), then pruned. */
  keepDays: 30,
};

const windowStart = (now: Date) => new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);

export async function isAddressThrottled(db: Db, ip: string, now = new Date()): Promise<boolean> {
  const failures = await db.loginAttempt.count({ where: { ip: ip.slice(0, 64), success: false, createdAt: { gte: windowStart(now) } } });
  return failures >= THROTTLE.maxFailuresPerAddress;
}

/** For usernames without an account only: recent failures under that name. */
export async function isUnknownNameLocked(db: Db, username: string, now = new Date()): Promise<boolean> {
  const failures = await db.loginAttempt.count({ where: { username: username.slice(0, 40), success: false, createdAt: { gte: windowStart(now) } } });
  return failures >= THROTTLE.maxFailuresPerAccount;
}

export async function recordAttempt(db: Db, username: string, ip: string, success: boolean, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { username: username.slice(0, 40), ip: ip.slice(0, 64), success, createdAt: now } });
  // Every sign-in prunes what is past keeping (an index range on createdAt): the table stays the size of
  // a month of attempts even under a spray of random usernames, with no job to schedule.
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE.keepDays * 86_400_000) } } });
}

export type PasswordCheck = "refused" | "allowed" | "lastTry";

/**
 * Reserves one password check for an account before bcrypt runs, in one conditional UPDATE: the check
 * counts as a failure up front, and the reservation that reaches the limit locks the account at once.
 * Concurrent attempts queue on the row, so a burst gets at most maxFailuresPerAccount checks; the rest
 * are refused without a check. A right password then clears the count and the lock (CLEARED_LOCK).
 * "lastTry": this check locked the account, so a wrong password here answers "locked".
 */
export async function reservePasswordCheck(db: Db, userId: number, now = new Date()): Promise<PasswordCheck> {
  const max = THROTTLE.maxFailuresPerAccount;
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMinutes * 60_000);
  const rows = await db.$queryRaw<{ locks: boolean }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${max} THEN 0 ELSE "failedLoginCount" + 1 END,
      "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${max} THEN CAST(${lockUntil} AS timestamp(3)) ELSE NULL END
    WHERE "id" = ${userId} AND "failedLoginCount" < ${max}
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= CAST(${now} AS timestamp(3)))
    RETURNING "lockedUntil" IS NOT NULL AS "locks"`;
  if (rows.length === 0) return "refused";
  return rows[0].locks ? "lastTry" : "allowed";
}

/** What a successful sign-in, an unlock and a password reset write. */
export const CLEARED_LOCK = { failedLoginCount: 0, lockedUntil: null } as const;
