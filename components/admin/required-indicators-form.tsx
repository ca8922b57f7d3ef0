"use client";
// One county's 必填指标 as a checklist of the town form's indicators; saved with audit by the server action.
import { useActionState, useState } from "react";
import { saveRequiredAction, type RequiredActionState } from "@/lib/reports/required-actions";
import type { CountyRequired, RequiredIndicatorOption } from "@/lib/reports/required";

export function RequiredIndicatorsForm({ county, indicators }: { county: CountyRequired; indicators: RequiredIndicatorOption[] }) {
  const [state, action, pending] = useActionState<RequiredActionState, FormData>(saveRequiredAction, {});
  const [checked, setChecked] = useState(() => new Set(county.required));
  const toggle = (code: string) => setChecked((s) => {
    const next = new Set(s);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    return next;
  });
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={`${county.name}必填指标`}>
      <input type="hidden" name="county" value={county.code} />
      {county.required.map((c) => <input key={c} type="hidden" name="previous" value={c} />)}
      <fieldset>
        <legend className="text-base font-semibold">{county.name}：乡镇月报必填指标（已选 {checked.size} 项）</legend>
        <div className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {indicators.map((i) => (
            <label key={i.code} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="codes" value={i.code} checked={checked.has(i.code)} onChange={() => toggle(i.code)} className="h-4 w-4" />
              <span>{i.name}</span>
              <span className="text-xs text-slate-500">{i.unit}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-50">保存必填指标</button>
        {state.message && <span role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>{state.message}</span>}
      </div>
    </form>
  );
}
