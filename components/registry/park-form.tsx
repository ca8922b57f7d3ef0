"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/enterprises/schema";
import { Field, FormMessage, SubmitRow } from "./field";

type Initial = { id?: number; version?: number; name?: string; level?: string; townCode?: string; plannedArea?: string; leadingIndustries?: string };
const LEVELS = [{ value: "PROVINCIAL", label: "省级开发区" }, { value: "MUNICIPAL", label: "地级示范园区" }, { value: "TOWNSHIP", label: "乡镇集中区" }];

export function ParkForm({ action, initial, towns }: { action: (p: FormState, f: FormData) => Promise<FormState>; initial: Initial; towns: { code: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <FormMessage message={state.message} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="name" label="园区名称" required defaultValue={initial.name} errors={e.name} />
        <Field kind="select" name="level" label="级别" required defaultValue={initial.level} errors={e.level} options={LEVELS} />
        <Field kind="select" name="townCode" label="所在乡镇" required defaultValue={initial.townCode} errors={e.townCode} options={towns.map((t) => ({ value: t.code, label: t.name }))} />
        <Field name="plannedArea" label="规划面积（亩）" required defaultValue={initial.plannedArea} errors={e.plannedArea} />
        <Field name="leadingIndustries" label="主导产业" defaultValue={initial.leadingIndustries} errors={e.leadingIndustries} />
      </div>
      <SubmitRow pending={pending} cancelHref={initial.id ? `/parks/${initial.id}` : "/parks"} />
    </form>
  );
}
