"use client";
// A row button that asks for confirmation in place (停用 → 确认停用 / 取消), then runs a server action.
import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/auth/form-state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export const smallButton = "rounded border px-2 py-1 text-sm whitespace-nowrap disabled:opacity-60";

type Props = {
  action: Action;
  label: string;
  confirmLabel: string;
  /** Names the target for screen readers, e.g. "停用 dainan.li". */
  ariaLabel: string;
  fields: Record<string, string>;
  tone: "danger" | "plain";
  onDone: (state: FormState) => void;
};

export function ConfirmAction({ action, label, confirmLabel, ariaLabel, fields, tone, onDone }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [, run, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await action(prev, form);
    setConfirming(false);
    onDone(next);
    return next;
  }, IDLE);
  const colors = tone === "danger" ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-300 text-slate-700 hover:bg-slate-50";
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} aria-label={ariaLabel} className={`${smallButton} ${colors}`}>
        {label}
      </button>
    );
  }
  return (
    <form action={run} className="inline-flex gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} autoFocus className={`${smallButton} border-transparent text-white ${tone === "danger" ? "bg-red-700 hover:bg-red-600" : "bg-brand-700 hover:bg-brand-600"}`}>
        {pending ? "正在处理…" : confirmLabel}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className={`${smallButton} border-slate-300 text-slate-700 hover:bg-slate-50`}>
        取消
      </button>
    </form>
  );
}
