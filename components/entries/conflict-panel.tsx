"use client";

import { formatDateTime } from "@/components/report/format";
import { MISSING } from "@/lib/stats";
import type { EntryConflict } from "@/lib/entries/types";
import type { Typed } from "./use-entry-grid";

type Column = { code: string; label: string; stored: (values: Record<string, string>) => string };

type Props = {
  conflict: EntryConflict;
  names: Record<number, string>;
  columns: Column[];
  mine: Record<number, Typed>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

/** Someone saved some rows first: who and when, their stored figures beside what this user typed. */
export function EntryConflictPanel({ conflict, names, columns, mine, onKeepMine, onTakeTheirs }: Props) {
  return (
    <section role="region" aria-label="保存冲突" data-testid="conflict-panel" className="rounded-lg border-2 border-orange-400 bg-orange-50 p-4">
      <h2 className="text-base font-semibold text-orange-900">保存冲突：您的修改尚未保存</h2>
      <p className="mt-1 text-sm text-orange-900">
        {conflict.updatedBy ? <><strong>{conflict.updatedBy}</strong> 已于 {formatDateTime(conflict.updatedAt)} 先行保存了</> : "其他用户已修改了"}以下 {conflict.rows.length} 行。
        下表是最新保存的数据和您填写的数据，请核对后选择。
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="text-sm">
          <thead>
            <tr className="text-left text-orange-900">
              <th className="px-2 py-1 font-medium">名称</th>
              {columns.map((c) => (
                <th key={c.code} className="px-2 py-1 text-right font-medium">{c.label}<br /><span className="text-xs font-normal">最新 / 您填写的</span></th>
              ))}
            </tr>
          </thead>
          <tbody>
            {conflict.rows.map((r) => (
              <tr key={r.id} className="border-t border-orange-200" data-testid={`conflict-row-${r.id}`}>
                <th scope="row" className="px-2 py-1 text-left font-normal">{names[r.id] ?? r.id}</th>
                {columns.map((c) => (
                  <td key={c.code} className="px-2 py-1 text-right num">
                    {c.stored(r.values)} / <span className="font-medium">{mine[r.id]?.[c.code]?.trim() ? mine[r.id][c.code] : MISSING}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className="rounded bg-orange-600 px-3 py-1.5 text-sm text-white hover:bg-orange-500">载入最新数据并保留我的修改</button>
        <button type="button" onClick={onTakeTheirs} className="rounded border border-orange-400 bg-white px-3 py-1.5 text-sm text-orange-900 hover:bg-orange-100">放弃我的修改，使用最新数据</button>
      </div>
    </section>
  );
}
