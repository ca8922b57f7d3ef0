"use client";
// Revoke in two steps (撤销 → 确认撤销), without a browser dialog.
import { useActionState, useState } from "react";
import { revokeKioskLink, type RevokeKioskState } from "@/lib/kiosk/actions";

export function KioskRevokeButton({ id, label }: { id: number; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(revokeKioskLink, {} as RevokeKioskState);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded border border-red-300 px-2 py-1 text-sm text-red-700 hover:bg-red-50" aria-label={`撤销“${label}”`}>
        撤销
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-2 py-1 text-sm text-white hover:bg-red-600 disabled:opacity-60">
        {pending ? "正在撤销…" : "确认撤销"}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50">
        取消
      </button>
      {state.message && !state.ok && <span role="alert" className="text-sm text-red-700">{state.message}</span>}
    </form>
  );
}
