import "server-only";
// A user changes their own password: the current one, the new one twice, the policy. Clears the
// must-change flag and ends every other session of the user (sessionVersion bumped); the caller
// re-issues the current session with the new version (session-cookie.ts). Audited in the same
// transaction. The current-password check counts against the sign-in lock like a sign-in does.
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { fieldError, invalid, type FormState } from "./form-state";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import type { CurrentUser } from "./session";
import { CLEARED_LOCK, reservePasswordCheck, THROTTLE } from "./throttle";

const formSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(200),
    newPassword: z.string().max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });

export const CURRENT_PASSWORD_LOCKED = `当前密码错误次数过多，账号已锁定${THROTTLE.lockMinutes}分钟，请稍后再试`;

/** A form result; on success also the user's new sessionVersion, for re-issuing the current session. */
export type ChangePasswordResult = FormState & { sessionVersion?: number };

export async function changeOwnPassword(db: Db, user: CurrentUser | null, input: unknown): Promise<ChangePasswordResult> {
  if (!user) return { ok: false, message: "未登录或登录已过期，请重新登录" };
  const parsed = formSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const policy = passwordSchema(user.username).safeParse(parsed.data.newPassword);
  if (!policy.success) return fieldError("newPassword", policy.error.issues[0].message);

  const current = await checkCurrentPassword(db, user.id, parsed.data.currentPassword);
  if (!current.ok) return fieldError("currentPassword", current.message);
  if (await verifyPassword(parsed.data.newPassword, current.hash)) {
    return fieldError("newPassword", "新密码不能与当前密码相同");
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const { sessionVersion } = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, user, [{ action: "update", entity: "User", entityId: user.id, field: "password", reason: "本人修改密码" }]);
    return updated;
  });
  return { ok: true, message: "密码已修改，其他设备上的登录已退出", sessionVersion };
}

type CurrentCheck = { ok: true; hash: string } | { ok: false; message: string };

/** The current password, throttled with the sign-in counter: a stolen session cannot guess it freely. */
async function checkCurrentPassword(db: Db, userId: number, password: string): Promise<CurrentCheck> {
  const check = await reservePasswordCheck(db, userId);
  if (check === "refused") return { ok: false, message: CURRENT_PASSWORD_LOCKED };
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(password, row.passwordHash))) {
    return { ok: false, message: check === "lastTry" ? CURRENT_PASSWORD_LOCKED : "当前密码不正确" };
  }
  await db.user.update({ where: { id: userId }, data: CLEARED_LOCK });
  return { ok: true, hash: row.passwordHash };
}
