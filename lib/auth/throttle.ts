import "server-only";
// Sign-in throttling, kept in the database so every app instance behind a load balancer agrees.
//  - Per account: consecutive wrong passwords are counted on User.failedLoginCount; the 5th locks the
//    account (User.lockedUntil = now + 15 min), which admins see on /admin/users and can lift. A
//    successful sign-in, an unlock or a password reset clears both.
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

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return !!user.lockedUntil && user.lockedUntil > now;
}

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

/** A wrong password for an existing account. Returns true when this failure locked the account. */
export async function registerFailure(db: Db, userId: number, now = new Date()): Promise<boolean> {
  // The increment is atomic, so concurrent failures cannot slip past the limit.
  const { failedLoginCount } = await db.user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (failedLoginCount < THROTTLE.maxFailuresPerAccount) return false;
  // The count starts again once locked: after the lock ends the user has five more tries.
  await db.user.update({
    where: { id: userId },
    data: { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + THROTTLE.lockMinutes * 60_000) },
  });
  return true;
}

/** What a successful sign-in, an unlock and a password reset write. */
export const CLEARED_LOCK = { failedLoginCount: 0, lockedUntil: null } as const;
