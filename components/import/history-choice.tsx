"use client";
// The one explicit choice of a history import (decision 017): approved months the file would change
// are refused unless the reviewer ticks 重新打开并覆盖已审核的N个月份 and gives a reason; the file is
// then previewed again with the choice, and the commit reopens exactly the months listed here.
import { useState } from "react";
import type { JobView } from "./types";

const SHOWN = 24;

export function HistoryChoice({ history, busy, onChoose }: { history: NonNullable<JobView["history"]>; busy?: boolean; onChoose?: (reopen: { reason: string } | null) => void }) {
  const chosen = history.reopen !== null;
  const [ticked, setTicked] = useState(chosen);
  const [reason, setReason] = useState(history.reopen?.reason ?? "");
  const [error, setError] = useState<string | null>(null);
  const n = history.approved.length;
  if (n === 0) return null;
  const apply = () => {
    if (ticked && !reason.trim()) return setError("请填写重新打开并覆盖的原因（记入审计日志）");
    setError(null);
    onChoose?.(ticked ? { reason: reason.trim() } : null);
  };
  const changed = ticked !== chosen || (ticked && reason.trim() !== (history.reopen?.reason ?? ""));
  return (
    <fieldset className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="reopen-choice">
      <legend className="px-1 font-semibold text-amber-900">已审核的月份</legend>
      <p className="text-amber-900">
        文件会修改{n}个已审核并锁定的月份。{chosen ? "已选择重新打开并覆盖：确认导入时这些月份先重新打开，写入文件中的数据后仍为“已审核”，并记入审计日志。" : "不选择时这些行按错误拒绝，整个文件不能导入。"}
      </p>
      <ul className="flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-auto text-amber-900" aria-label="已审核的月份">
        {history.approved.slice(0, SHOWN).map((a) => <li key={a.key}>{a.label}</li>)}
        {n > SHOWN && <li>等{n}个月份</li>}
      </ul>
      {onChoose && (
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={ticked} onChange={(e) => setTicked(e.target.checked)} disabled={busy} />
            <span>重新打开并覆盖已审核的{n}个月份</span>
          </label>
          {ticked && (
            <label className="flex flex-col gap-1">
              <span>原因（记入审计日志）</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} className="w-72 rounded border border-slate-300 bg-white px-2 py-1" placeholder="如：按县统计局核定数更正" />
            </label>
          )}
          <button type="button" onClick={apply} disabled={busy || !changed} className="rounded border border-amber-600 bg-white px-3 py-1 text-amber-900 hover:bg-amber-100 disabled:opacity-50">按此重新预览</button>
        </div>
      )}
      {error && <p role="alert" className="text-red-700">{error}</p>}
    </fieldset>
  );
}
