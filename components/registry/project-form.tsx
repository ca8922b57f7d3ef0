"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/enterprises/schema";
import { STAGE_LABELS, STAGES } from "@/lib/projects/filters";
import { Field, FormMessage, SubmitRow } from "./field";

type Initial = { id?: number; version?: number; name?: string; townCode?: string; parkId?: number | null; sector?: string; totalInvestment?: string; stage?: string; plannedEndOn?: string | null };
type Props = { action: (p: FormState, f: FormData) => Promise<FormState>; initial: Initial; towns: { code: string; name: string }[]; parks: { id: number; name: string; townName: string }[] };

export function ProjectForm({ action, initial, towns, parks }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <FormMessage message={state.message} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="name" label="项目名称" required defaultValue={initial.name} errors={e.name} />
        <Field kind="select" name="townCode" label="所在乡镇" required defaultValue={initial.townCode} errors={e.townCode} options={towns.map((t) => ({ value: t.code, label: t.name }))} />
        <Field kind="select" name="parkId" label="所在园区" empty="不在园区" defaultValue={initial.parkId} errors={e.parkId} options={parks.map((p) => ({ value: p.id, label: `${p.name}（${p.townName}）` }))} />
        <Field name="sector" label="行业类别" required defaultValue={initial.sector ?? "工业"} errors={e.sector} />
        <Field name="totalInvestment" label="计划总投资（万元）" required defaultValue={initial.totalInvestment} errors={e.totalInvestment} />
        <Field kind="select" name="stage" label="阶段" required defaultValue={initial.stage} errors={e.stage} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
        <Field kind="date" name="plannedEndOn" label="计划完工日期" defaultValue={initial.plannedEndOn} errors={e.plannedEndOn} />
      </div>
      <SubmitRow pending={pending} cancelHref={initial.id ? `/projects/${initial.id}` : "/projects"} />
    </form>
  );
}
