"use client";
// Small shared pieces of the admin and account forms.
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { IDLE, type FormState } from "@/lib/auth/form-state";

export type FormStateWithValues = FormState & { values?: Record<string, string>; attempt?: number };

/**
 * useActionState for a server action whose form should keep what was typed when the action refuses
 * it. React resets a form after every action, and a reset select ignores a changed defaultValue, so
 * the form is keyed by `attempt` and mounts afresh with the refused values as defaults (passwords are
 * never kept; after a success it mounts empty).
 */
export function useFormAction(action: (prev: FormState, form: FormData) => Promise<FormState>) {
  return useActionState<FormStateWithValues, FormData>(async (prev, form) => {
    const result = await action(prev, form);
    const attempt = (prev.attempt ?? 0) + 1;
    if (result.ok) return { ...result, attempt };
    const values = Object.fromEntries([...form].filter(([k, v]) => typeof v === "string" && !/password/i.test(k)) as [string, string][]);
    return { ...result, values, attempt };
  }, IDLE);
}

export const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500";

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string[]; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error.join("；")}</p>}
    </div>
  );
}

/** aria attributes tying an input to its error (or hint) text. */
export function describe(id: string, error?: string[], hint?: string) {
  return { "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined };
}

export function SubmitButton({ label, pendingLabel, tone = "primary" }: { label: string; pendingLabel: string; tone?: "primary" | "danger" }) {
  const { pending } = useFormStatus();
  const colors = tone === "danger" ? "bg-red-700 hover:bg-red-600" : "bg-brand-700 hover:bg-brand-600";
  return (
    <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${colors}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The action's message: red when it failed, green when it worked (unless a secret box or a field says it already). */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message || state.secret) return null;
  // A message that only repeats a field's error is already shown beside the field.
  if (Object.values(state.fieldErrors ?? {}).some((errors) => errors.includes(state.message))) return null;
  return state.ok ? (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{state.message}</p>
  ) : (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>
  );
}
