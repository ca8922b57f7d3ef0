"use client";

import { useState, useTransition } from "react";
import { approveReportAction, reopenReportAction, returnReportAction } from "@/lib/reports/actions";
import { ConfirmDialog } from "./confirm-dialog";
import type { ReportSummary } from "./summary";
import type { ActionResult } from "./types";

/** `byCity`: a county's own report, reviewed by the city (decision 016). */
type Props = { town: string; period: string; version: number; mode: "review" | "reopen"; summary: ReportSummary; byCity?: boolean };
type Pending = "approve" | "return" | "reopen" | null;

const DIALOG = {
  approve: { title: "确认审核通过", confirmLabel: "确认通过", tone: "green", consequence: "审核通过后月报锁定，数据计入全县汇总；如需更正须重新打开。" },
  return: { title: "确认退回", confirmLabel: "确认退回", tone: "red", consequence: "退回后乡镇可修改并重新报送，填报员登录时会看到退回意见。" },
  reopen: { title: "确认重新打开", confirmLabel: "确认重新打开", tone: "orange", consequence: "重新打开后月报变为已退回，乡镇可修改后重新报送；原因记入审计日志。" },
} as const;

/** 审核: approve (locks) or return with a comment; an approved report reopens only with a reason. Each asks first. */
export function ReviewPanel({ town, period, version, mode, summary, byCity = false }: Props) {
  // The words of the level: a county reviews its towns, the city its counties.
  const words = (s: string) => (byCity ? s.replace(/全县/g, "全市").replace(/乡镇/g, "县（市、区）").replace("县局审核", "市级审核") : s);
  const [text, setText] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [asking, setAsking] = useState<Pending>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: (input: unknown) => Promise<ActionResult>, extra: Record<string, string> = {}) =>
    startTransition(async () => {
      const r = await action({ town, period, version, ...extra });
      setAsking(null);
      setResult(r);
      if (r.ok) setText("");
    });
  const ask = (what: Exclude<Pending, null>, needs?: string) => () => {
    if (needs && !text.trim()) setResult({ ok: false, message: `请填写${needs}` });
    else {
      setResult(null);
      setAsking(what);
    }
  };
  const confirm = () => {
    if (asking === "approve") run(approveReportAction);
    else if (asking === "return") run(returnReportAction, { comment: text });
    else if (asking === "reopen") run(reopenReportAction, { reason: text });
  };

  return (
    <section aria-label="审核操作" className="rounded-lg border border-brand-600/30 bg-brand-50 p-4">
      <h2 className="text-base font-semibold text-slate-800">{mode === "review" ? words("县局审核") : "重新打开已审核的月报"}</h2>
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
            <button type="button" disabled={pending} onClick={ask("approve")} className="rounded bg-green-700 px-4 py-1.5 text-sm text-white hover:bg-green-600 disabled:opacity-50">
              审核通过
            </button>
            <button type="button" disabled={pending} onClick={ask("return", "退回意见")} className="rounded bg-red-700 px-4 py-1.5 text-sm text-white hover:bg-red-600 disabled:opacity-50">
              退回
            </button>
          </>
        ) : (
          <button type="button" disabled={pending} onClick={ask("reopen", "重新打开的原因")} className="rounded bg-orange-600 px-4 py-1.5 text-sm text-white hover:bg-orange-500 disabled:opacity-50">
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
      {asking && (
        <ConfirmDialog
          open
          {...DIALOG[asking]}
          consequence={words(DIALOG[asking].consequence)}
          summary={summary}
          note={asking === "return" ? { label: "退回意见", text: text.trim() } : asking === "reopen" ? { label: "原因", text: text.trim() } : undefined}
          pending={pending}
          onCancel={() => setAsking(null)}
          onConfirm={confirm}
        />
      )}
    </section>
  );
}
