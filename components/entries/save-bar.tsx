"use client";

import type { Flash } from "./use-entry-grid";

type Props = { dirtyCount: number; pending: boolean; blocked: string | null; conflict: boolean; flash: Flash; what: string; onSave: () => void };

/** The grid's sticky footer: save the changed rows, or say why not. */
export function SaveBar({ dirtyCount, pending, blocked, conflict, flash, what, onSave }: Props) {
  return (
    <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 px-4 py-3 shadow">
      <button
        type="button"
        data-save
        onClick={onSave}
        disabled={pending || conflict || dirtyCount === 0 || blocked !== null}
        className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:cursor-not-allowed disabled:opacity-50"
      >
        保存
      </button>
      <span className="text-sm text-slate-600">{pending ? "正在保存…" : dirtyCount > 0 ? `已修改 ${dirtyCount} ${what}，尚未保存` : "没有未保存的修改"}</span>
      {blocked && <span className="text-sm text-red-700" data-testid="save-blocked">{blocked}</span>}
      {flash && (
        <span role="status" className={`ml-auto text-sm ${flash.tone === "ok" ? "text-green-700" : "text-red-700"}`}>
          {flash.text}
        </span>
      )}
    </div>
  );
}
