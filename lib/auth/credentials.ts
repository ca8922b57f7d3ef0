import "server-only";
// Checks a username and password against the users table. The password hash never leaves this module.
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isThrottled, recordAttempt } from "./throttle";

export const SIGN_IN_ERRORS = {
  invalid: "用户名或密码错误",
  disabled: "该账号已停用，请联系管理员",
  throttled: "登录失败次数过多，请15分钟后再试",
  missing: "请输入用户名和密码",
} as const;

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});

export type AuthenticatedUser = { id: number; username: string; displayName: string; role: "ADMIN" | "REVIEWER" | "REPORTER" | "LEADER"; regionId: number | null; sessionVersion: number };

export type SignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; error: keyof typeof SIGN_IN_ERRORS };

// Compared against when the user does not exist, so a missing account takes as long as a wrong password.
let dummyHash: string | undefined;
const getDummyHash = () => (dummyHash ??= bcrypt.hashSync("not-a-password", 10));

export async function verifyCredentials(db: Db, input: unknown, ip: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "missing" };
  const { username, password } = parsed.data;
  if (await isThrottled(db, username, ip)) return { ok: false, error: "throttled" };
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, regionId: true, sessionVersion: true, disabled: true, passwordHash: true },
  });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? getDummyHash());
  if (!user || !matches) {
    await recordAttempt(db, username, ip, false);
    return { ok: false, error: "invalid" };
  }
  if (user.disabled) return { ok: false, error: "disabled" };
  await recordAttempt(db, username, ip, true);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), failedLoginCount: 0 } });
  const { passwordHash: _hash, disabled: _disabled, ...safe } = user;
  return { ok: true, user: safe };
}
