"use client";

import { useState, useTransition } from "react";
import { approveReportAction, reopenReportAction, returnReportAction } from "@/lib/reports/actions";
import type { ActionResult } from "./types";

type Props = { town: string; period: string; version: number; mode: "review" | "reopen" };

/** 审核: approve (locks) or return with a comment; an approved report reopens only with a reason. */
export function ReviewPanel({ town, period, version, mode }: Props) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: (input: unknown) => Promise<ActionResult>, extra: Record<string, string> = {}) =>
    startTransition(async () => {
      const r = await action({ town, period, version, ...extra });
      setResult(r);
      if (r.ok) setText("");
    });
  const needText = (what: string, go: () => void) => () => {
    if (!text.trim()) setResult({ ok: false, message: `请填写${what}` });
    else go();
  };

  return (
    <section aria-label="审核操作" className="rounded-lg border border-brand-600/30 bg-brand-50 p-4">
      <h2 className="text-base font-semibold text-slate-800">{mode === "review" ? "县局审核" : "重新打开已审核的月报"}</h2>
      <label className="mt-2 block text-sm">
        <span className="text-slate-700">{mode === "review" ? "退回意见（退回时必填）" : "重新打开的原因（必填，将记入审计日志）"}</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          rows={2}
          className="mt-1 block w-full max-w-3xl rounded border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {mode === "review" ? (
          <>
            <button type="button" disabled={pending} onClick={() => run(approveReportAction)} className="rounded bg-green-700 px-4 py-1.5 text-sm text-white hover:bg-green-600 disabled:opacity-50">
              审核通过
            </button>
            <button type="button" disabled={pending} onClick={needText("退回意见", () => run(returnReportAction, { comment: text }))} className="rounded bg-red-700 px-4 py-1.5 text-sm text-white hover:bg-red-600 disabled:opacity-50">
              退回
            </button>
          </>
        ) : (
          <button type="button" disabled={pending} onClick={needText("重新打开的原因", () => run(reopenReportAction, { reason: text }))} className="rounded bg-orange-600 px-4 py-1.5 text-sm text-white hover:bg-orange-500 disabled:opacity-50">
            重新打开
          </button>
        )}
        {pending && <span className="text-xs text-slate-500">正在处理…</span>}
        {result && (
          <span role="status" className={`text-sm ${result.ok ? "text-green-700" : "text-red-700"}`}>
            {result.message}
          </span>
        )}
      </div>
    </section>
  );
}
