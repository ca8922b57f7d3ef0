"use client";

import { formatNumber, MISSING } from "@/lib/stats";
import { parseFigure } from "@/lib/input";
import { formatDateTime } from "./format";
import type { ConflictInfo, FormIndicator } from "./types";

type Props = {
  conflict: ConflictInfo;
  indicators: FormIndicator[];
  /** What this user has in the form now (typed text). */
  mine: Record<string, string>;
  onReapply: () => void;
  onDiscard: () => void;
};

function parsed(ind: FormIndicator, raw: string | undefined): string | null {
  const r = parseFigure(raw ?? "", { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
  return r.ok ? r.value : null;
}

/** Someone saved first: show who and when, their stored figures beside ours, and the two ways on. */
export function ConflictPanel({ conflict, indicators, mine, onReapply, onDiscard }: Props) {
  const rows = indicators.filter((ind) => {
    const a = conflict.values[ind.code] ?? null;
    const b = parsed(ind, mine[ind.code]);
    return (a === null ? null : Number(a)) !== (b === null ? null : Number(b)) || ((mine[ind.code] ?? "").trim() !== "" && b === null);
  });
  return (
    <section role="region" aria-label="保存冲突" data-testid="conflict-panel" className="rounded-lg border-2 border-orange-400 bg-orange-50 p-4">
      <h2 className="text-base font-semibold text-orange-900">保存冲突：您的修改尚未保存</h2>
      <p className="mt-1 text-sm text-orange-900">
        <strong>{conflict.updatedBy ?? "其他用户"}</strong> 已于 {formatDateTime(conflict.updatedAt)} 先行保存了本月报（当前版本 {conflict.version}）。
        下表是对方保存的最新数据和您填写的数据，请核对后选择。
      </p>
      <table className="mt-3 w-full max-w-3xl text-sm">
        <thead>
          <tr className="text-left text-orange-900">
            <th className="px-2 py-1 font-medium">指标</th>
            <th className="px-2 py-1 text-right font-medium">最新保存的值</th>
            <th className="px-2 py-1 text-right font-medium">您填写的值</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={3} className="px-2 py-1 text-slate-600">数值相同，仅版本不同。</td>
            </tr>
          )}
          {rows.map((ind) => (
            <tr key={ind.code} className="border-t border-orange-200" data-testid={`conflict-${ind.code}`}>
              <th scope="row" className="px-2 py-1 text-left font-normal">{ind.name}（{ind.unit}）</th>
              <td className="px-2 py-1 text-right num">{formatNumber(conflict.values[ind.code] ?? null, ind.precision)}</td>
              <td className="px-2 py-1 text-right num font-medium">{mine[ind.code]?.trim() ? mine[ind.code] : MISSING}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onReapply} className="rounded bg-orange-600 px-3 py-1.5 text-sm text-white hover:bg-orange-500">
          载入最新数据并保留我的修改
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-orange-400 bg-white px-3 py-1.5 text-sm text-orange-900 hover:bg-orange-100">
          放弃我的修改，使用最新数据
        </button>
      </div>
    </section>
  );
}
