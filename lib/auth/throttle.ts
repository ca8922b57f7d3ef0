import "server-only";
// Sign-in throttling kept in the database, so every app instance behind a load balancer agrees.
import type { Db } from "@/lib/db/client";

export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

export async function isThrottled(db: Db, username: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { username, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byAccount >= THROTTLE.maxFailuresPerAccount || byAddress >= THROTTLE.maxFailuresPerAddress;
}

export async function recordAttempt(db: Db, username: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { username: username.slice(0, 40), ip: ip.slice(0, 64), success } });
}
