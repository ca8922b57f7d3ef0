"use client";
// A modal confirmation (<dialog>, so focus is trapped and Esc cancels) with the report's summary:
// 报送, 审核通过, 退回 and 重新打开 each ask before they act.
import { useEffect, useRef } from "react";
import type { ReportSummary } from "./summary";

type Props = {
  open: boolean;
  title: string;
  summary: ReportSummary;
  /** What happens on 确认, in one sentence. */
  consequence: string;
  /** The reviewer's comment or reason being sent, shown back before it goes. */
  note?: { label: string; text: string };
  confirmLabel: string;
  tone: "brand" | "green" | "red" | "orange";
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

const TONES: Record<Props["tone"], string> = {
  brand: "bg-brand-700 hover:bg-brand-600",
  green: "bg-green-700 hover:bg-green-600",
  red: "bg-red-700 hover:bg-red-600",
  orange: "bg-orange-600 hover:bg-orange-500",
};

export function ConfirmDialog({ open, title, summary, consequence, note, confirmLabel, tone, pending, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const s = summary;
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5 text-sm text-slate-800">
        <h2 id="confirm-title" className="text-lg font-semibold text-slate-900">{title}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="confirm-summary">
          <dt className="text-slate-500">乡镇</dt>
          <dd>{s.town}</dd>
          <dt className="text-slate-500">统计期</dt>
          <dd>{s.period}</dd>
          <dt className="text-slate-500">已填指标</dt>
          <dd className="num">{s.filled} / {s.total} 项</dd>
          <dt className="text-slate-500">必填未填</dt>
          <dd className={s.missingRequired.length ? "text-red-700" : ""}>{s.missingRequired.length ? s.missingRequired.join("、") : "无"}</dd>
          <dt className="text-slate-500">审核提示</dt>
          <dd>
            <span className={s.errors ? "text-red-700" : ""}>逻辑性错误 {s.errors} 项</span>，<span className={s.warnings ? "text-amber-800" : ""}>核实性提示 {s.warnings} 项</span>
          </dd>
          {s.totals.map((t) => (
            <div key={t.label} className="contents">
              <dt className="text-slate-500">{t.label}</dt>
              <dd className="num">{t.text}</dd>
            </div>
          ))}
        </dl>
        {note && (
          <p className="rounded bg-slate-50 px-3 py-2">
            <span className="font-medium">{note.label}：</span>
            {note.text}
          </p>
        )}
        <p className="text-slate-600">{consequence}</p>
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" onClick={onCancel} disabled={pending} className="rounded border border-slate-300 px-4 py-1.5 hover:bg-slate-50 disabled:opacity-50">
            取消
          </button>
          <button type="button" onClick={onConfirm} disabled={pending} autoFocus className={`rounded px-4 py-1.5 text-white disabled:opacity-50 ${TONES[tone]}`}>
            {pending ? "正在处理…" : confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
