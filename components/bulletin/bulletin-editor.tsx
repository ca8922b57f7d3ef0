"use client";
// A reviewer edits the generated text, saves a draft or publishes a new version.
import { useActionState, useState } from "react";
import type { BulletinActionState } from "@/app/(app)/bulletin/actions";

type Props = {
  action: (state: BulletinActionState, form: FormData) => Promise<BulletinActionState>;
  region: string;
  period: string;
  title: string;
  body: string;
  generated: { title: string; text: string };
};

export function BulletinEditor({ action, region, period, title, body, generated }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, ok: false });
  const [t, setT] = useState(title);
  const [b, setB] = useState(body);
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden" data-testid="bulletin-editor">
      <input type="hidden" name="region" value={region} />
      <input type="hidden" name="period" value={period} />
      <label className="block text-sm">
        <span className="font-medium">标题</span>
        <input name="title" value={t} onChange={(e) => setT(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        <span className="font-medium">正文</span>
        <span className="ml-2 text-xs text-slate-500">以“一、”“二、”开头的行为小标题；每行一段。</span>
        <textarea name="body" value={b} onChange={(e) => setB(e.target.value)} rows={16} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 font-[inherit] leading-7" />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-brand-700 px-4 py-1.5 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50">保存草稿</button>
        <button type="submit" name="intent" value="publish" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-50">发布</button>
        <button type="button" onClick={() => (setT(generated.title), setB(generated.text))} className="text-sm text-slate-600 underline">恢复为系统生成的文字</button>
        {state.message && <span role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>{state.message}</span>}
      </div>
    </form>
  );
}
