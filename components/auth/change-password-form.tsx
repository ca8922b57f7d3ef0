"use client";
// Current password, the new one twice. With `next` (the forced change) the action redirects there on success.
import { useActionState } from "react";
import { Field, describe, FormMessage, inputClass, SubmitButton } from "@/components/admin/fields";
import { changePasswordAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/auth/form-state";

export function ChangePasswordForm({ rule, next }: { rule: string; next?: string }) {
  const [state, action] = useActionState(changePasswordAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="current-password" label="当前密码" error={errors.currentPassword}>
        <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" className={inputClass} {...describe("current-password", errors.currentPassword)} />
      </Field>
      <Field id="new-password" label="新密码" error={errors.newPassword} hint={rule}>
        <input id="new-password" name="newPassword" type="password" autoComplete="new-password" className={inputClass} {...describe("new-password", errors.newPassword, rule)} />
      </Field>
      <Field id="confirm-password" label="再次输入新密码" error={errors.confirmPassword}>
        <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" className={inputClass} {...describe("confirm-password", errors.confirmPassword)} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton label="修改密码" pendingLabel="正在保存…" />
    </form>
  );
}
