import "server-only";
// A user changes their own password: the current one, the new one twice, the policy. Clears the
// must-change flag and nothing else (the session stays valid); audited in the same transaction.
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { fieldError, invalid, type FormState } from "./form-state";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import type { CurrentUser } from "./session";

const formSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(200),
    newPassword: z.string().max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });

export async function changeOwnPassword(db: Db, user: CurrentUser | null, input: unknown): Promise<FormState> {
  if (!user) return { ok: false, message: "未登录或登录已过期，请重新登录" };
  const parsed = formSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const policy = passwordSchema(user.username).safeParse(parsed.data.newPassword);
  if (!policy.success) return fieldError("newPassword", policy.error.issues[0].message);

  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(parsed.data.currentPassword, row.passwordHash))) {
    return fieldError("currentPassword", "当前密码不正确");
  }
  if (await verifyPassword(parsed.data.newPassword, row.passwordHash)) {
    return fieldError("newPassword", "新密码不能与当前密码相同");
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, user, [{ action: "update", entity: "User", entityId: user.id, field: "password", reason: "本人修改密码" }]);
  });
  return { ok: true, message: "密码已修改" };
}
