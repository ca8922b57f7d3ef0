"use client";
// A reviewer edits the head (发文机关, 文号, 成文日期) and the drafted text — 存在问题 and 下步工作
// included — then saves a draft or publishes a new version (head and text kept together), or
// downloads exactly this text as Word.
import { useActionState, useState } from "react";
import type { BulletinActionState } from "@/app/(app)/bulletin/actions";
import { bulletinHeadSchema, type BulletinHead } from "@/lib/bulletin/head";

type Props = {
  action: (state: BulletinActionState, form: FormData) => Promise<BulletinActionState>;
  region: string;
  period: string;
  title: string;
  body: string;
  head: BulletinHead;
  generated: { title: string; text: string };
};

/** POSTs the text on the page to the Word export and saves the answer; a refusal's message is returned. */
async function downloadDocx(payload: Record<string, string>): Promise<string | null> {
  const res = await fetch("/api/v1/bulletin/docx", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? "导出失败，请稍后重试";
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name ? decodeURIComponent(name) : "通报.docx";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

const field = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";

export function BulletinEditor({ action, region, period, title, body, head, generated }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, ok: false });
  const [t, setT] = useState(title);
  const [b, setB] = useState(body);
  const [h, setH] = useState(head);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const setHead = (k: keyof BulletinHead) => (e: React.ChangeEvent<HTMLInputElement>) => setH({ ...h, [k]: e.target.value });
  const printQuery = new URLSearchParams({ region, period, ...h }).toString();
  const exportDocx = async () => {
    // The same check the server makes, so a slip is named at once and nothing is sent.
    const checked = bulletinHeadSchema.safeParse(h);
    if (!checked.success) return setExportError(checked.error.issues[0]?.message ?? "版头填写有误");
    setExporting(true);
    setExportError(await downloadDocx({ region, period, ...h, title: t, body: b }).catch(() => "导出失败，请检查网络后重试"));
    setExporting(false);
  };
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden" data-testid="bulletin-editor">
      <input type="hidden" name="region" value={region} />
      <input type="hidden" name="period" value={period} />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">版头（随草稿和发布的版本保存，用于导出和打印）</legend>
        <label className="block text-sm">
          <span>发文机关</span>
          <input name="issuer" value={h.issuer} onChange={setHead("issuer")} maxLength={40} className={field} />
        </label>
        <label className="block text-sm">
          <span>文号</span>
          <input name="docNumber" value={h.docNumber} onChange={setHead("docNumber")} maxLength={40} className={field} placeholder="兴经发〔2026〕12号" />
        </label>
        <label className="block text-sm">
          <span>成文日期</span>
          <input type="date" name="issueDate" value={h.issueDate} onChange={setHead("issueDate")} className={field} />
        </label>
      </fieldset>
      <label className="block text-sm">
        <span className="font-medium">标题</span>
        <input name="title" value={t} onChange={(e) => setT(e.target.value)} className={field} />
      </label>
      <label className="block text-sm">
        <span className="font-medium">正文</span>
        <span className="ml-2 text-xs text-slate-500">以“一、”“二、”开头的行为小标题，“（一）……。”开头的为二级标题；每行一段。“存在问题”“下步工作”由系统根据数据起草，请核改后再发布。</span>
        <textarea name="body" value={b} onChange={(e) => setB(e.target.value)} rows={20} className={`${field} font-[inherit] leading-7`} />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-brand-700 px-4 py-1.5 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50">保存草稿</button>
        <button type="submit" name="intent" value="publish" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-50">发布</button>
        <button type="button" onClick={() => void exportDocx()} disabled={exporting} className="rounded border border-slate-300 px-4 py-1.5 text-sm hover:border-brand-600 disabled:opacity-50">导出 Word（当前编辑内容）</button>
        <a href={`/bulletin/print?${printQuery}`} className="text-sm text-brand-700 underline">按此版头打印预览</a>
        <button type="button" onClick={() => (setT(generated.title), setB(generated.text))} className="text-sm text-slate-600 underline">恢复为系统生成的文字</button>
        {state.message && <span role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>{state.message}</span>}
        {exportError && <span role="alert" data-testid="bulletin-export-error" className="text-sm text-red-700">{exportError}</span>}
      </div>
    </form>
  );
}
