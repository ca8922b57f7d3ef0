"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/enterprises/schema";
import { Field, FormMessage, SubmitRow } from "./field";

type Initial = { id?: number; version?: number; name?: string; creditCode?: string; townCode?: string; parkId?: number | null; industryCode?: string; ownership?: string; aboveScale?: boolean };
type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: Initial;
  towns: { code: string; name: string }[];
  parks: { id: number; name: string; townName: string }[];
};

const OWNERSHIP = [{ value: "PRIVATE", label: "民营" }, { value: "STATE", label: "国有" }, { value: "FOREIGN", label: "外资" }, { value: "HMT", label: "港澳台" }];

export function EnterpriseForm({ action, initial, towns, parks }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <FormMessage message={state.message} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="name" label="企业名称" required defaultValue={initial.name} errors={e.name} />
        <Field name="creditCode" label="统一社会信用代码" required defaultValue={initial.creditCode} errors={e.creditCode} />
        <Field kind="select" name="townCode" label="所在乡镇" required defaultValue={initial.townCode} errors={e.townCode} options={towns.map((t) => ({ value: t.code, label: t.name }))} />
        <Field kind="select" name="parkId" label="所在园区" empty="不在园区" defaultValue={initial.parkId} errors={e.parkId} options={parks.map((p) => ({ value: p.id, label: `${p.name}（${p.townName}）` }))} />
        <Field name="industryCode" label="行业代码（GB/T 4754）" required defaultValue={initial.industryCode} errors={e.industryCode} />
        <Field kind="select" name="ownership" label="登记注册类型" required defaultValue={initial.ownership ?? "PRIVATE"} errors={e.ownership} options={OWNERSHIP} />
      </div>
      <Field kind="checkbox" name="aboveScale" label="规模以上（列统）企业" defaultChecked={initial.aboveScale} />
      <SubmitRow pending={pending} cancelHref={initial.id ? `/enterprises/${initial.id}` : "/enterprises"} />
    </form>
  );
}
