"use client";
// One user in the admin list, with its buttons. A reset password's temporary password appears once,
// in a row of its own under the user.
import Link from "next/link";
import { useState } from "react";
import { IDLE, type FormState } from "@/lib/auth/form-state";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { resetUserPasswordAction, setUserDisabledAction, unlockUserAction } from "@/lib/users/actions";
import type { UserRow as Row } from "@/lib/users/queries";
import { ConfirmAction, smallButton } from "./confirm-action";
import { formatDateTime } from "./format";
import { SecretBox } from "./secret-box";

function Status({ user, locked }: { user: Row; locked: boolean }) {
  if (user.disabled) return <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">已停用</span>;
  if (locked) return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">已锁定</span>;
  if (user.mustChangePassword) return <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900">待改密码</span>;
  return <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">正常</span>;
}

export function UserRow({ user, isSelf, now }: { user: Row; isSelf: boolean; now: number }) {
  const [result, setResult] = useState<FormState>(IDLE);
  const locked = !!user.lockedUntil && user.lockedUntil.getTime() > now;
  const fields = { id: String(user.id) };
  const who = user.username;
  return (
    <>
      <tr className={`border-t border-slate-100 align-middle ${user.disabled ? "text-slate-500" : ""}`} data-testid={`user-${user.username}`}>
        <th scope="row" className="px-3 py-2 text-left font-mono font-normal">{user.username}</th>
        <td className="px-3 py-2">{user.displayName}{isSelf && <span className="ml-1 text-xs text-slate-500">（本人）</span>}</td>
        <td className="px-3 py-2 whitespace-nowrap">{ROLE_LABELS[user.role]}</td>
        <td className="px-3 py-2 whitespace-nowrap">{user.regionName ?? "—"}</td>
        <td className="px-3 py-2"><Status user={user} locked={locked} /></td>
        <td className="px-3 py-2 whitespace-nowrap num">{formatDateTime(user.lastLoginAt)}</td>
        <td className="px-3 py-2 whitespace-nowrap num">{locked ? formatDateTime(user.lockedUntil) : "—"}</td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap justify-end gap-1">
            <Link href={`/admin/users/${user.id}`} aria-label={`编辑 ${who}`} className={`${smallButton} border-slate-300 text-brand-700 hover:bg-slate-50`}>编辑</Link>
            {!isSelf && <ConfirmAction action={resetUserPasswordAction} label="重置密码" confirmLabel="确认重置" ariaLabel={`重置 ${who} 的密码`} fields={fields} tone="plain" onDone={setResult} />}
            {locked && <ConfirmAction action={unlockUserAction} label="解锁" confirmLabel="确认解锁" ariaLabel={`解锁 ${who}`} fields={fields} tone="plain" onDone={setResult} />}
            {!isSelf &&
              (user.disabled ? (
                <ConfirmAction action={setUserDisabledAction} label="启用" confirmLabel="确认启用" ariaLabel={`启用 ${who}`} fields={{ ...fields, disabled: "false" }} tone="plain" onDone={setResult} />
              ) : (
                <ConfirmAction action={setUserDisabledAction} label="停用" confirmLabel="确认停用" ariaLabel={`停用 ${who}`} fields={{ ...fields, disabled: "true" }} tone="danger" onDone={setResult} />
              ))}
          </div>
        </td>
      </tr>
      {result.message && (
        <tr>
          <td colSpan={8} className="px-3 pb-3">
            {result.secret ? (
              <SecretBox label={`${who} 的临时密码`} testId="temporary-password" message={result.message} secret={result.secret} />
            ) : (
              <p role={result.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
                {result.message}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
