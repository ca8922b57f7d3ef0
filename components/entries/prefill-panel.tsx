"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { FormIndicator } from "@/components/report/types";
import { prefillDifference, prefillRows, type EnterpriseSums } from "@/lib/entries/prefill-rules";
import { formatFigureForInput } from "@/lib/input";
import { formatNumber, formatSigned, MISSING, toDecimal } from "@/lib/stats";

type Props = {
  sums: EnterpriseSums;
  indicators: FormIndicator[];
  /** The form's figures as parsed now (null: empty or not a number). */
  values: Record<string, string | null>;
  editable: boolean;
  enterprisesHref: string;
  onFill: (texts: Record<string, string>) => void;
};

/**
 * 按企业合计预填: the sums of the town's 规上 enterprises beside the form's figures and the difference;
 * ticked sums are copied into the form (the reporter still saves the form as usual).
 */
export function PrefillPanel({ sums, indicators, values, editable, enterprisesHref, onFill }: Props) {
  const rows = useMemo(() => prefillRows(indicators, sums), [indicators, sums]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(rows.filter((r) => r.equivalent && r.sum !== null).map((r) => r.target)));
  const [done, setDone] = useState<string | null>(null);
  if (rows.length === 0) return null;
  const headline = rows.find((r) => r.target === "above_scale_output");

  function fill() {
    const texts = Object.fromEntries(rows.filter((r) => picked.has(r.target) && r.sum !== null).map((r) => [r.target, formatFigureForInput(r.sum, r.precision)]));
    onFill(texts);
    setDone(`已填入 ${Object.keys(texts).length} 项，请核对后保存草稿`);
  }

  return (
    <details className="rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid="prefill-panel">
      <summary className="cursor-pointer select-none px-4 py-2.5">
        <span className="font-medium text-slate-800">按企业合计预填</span>
        <span className="ml-3 text-slate-600">
          本期规上企业 {sums.aboveScale} 家，已填报 {sums.reported} 家
          {headline?.sum && <>；规上企业工业总产值合计 {formatNumber(headline.sum, headline.precision)}万元</>}
        </span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-4 py-3">
        {sums.reported < sums.aboveScale && (
          <p className="text-amber-800">
            还有 {sums.aboveScale - sums.reported} 家规上企业未填报本期数据，合计数不完整。
            <Link href={enterprisesHref} className="ml-1 text-brand-700 underline">去填报企业数据</Link>
          </p>
        )}
        <table className="w-full max-w-5xl">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="w-14 whitespace-nowrap px-2 py-1 font-medium">填入</th>
              <th scope="col" className="px-2 py-1 font-medium">指标</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">规上企业合计</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">表中数</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">差额（表中数－合计）</th>
              <th scope="col" className="px-2 py-1 font-medium">说明</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const diff = prefillDifference(values[r.target] ?? null, r.sum);
              const d = toDecimal(diff);
              // An exact equivalent should match; a whole-town figure below its 规上 part is suspicious.
              const tone = d === null || d.isZero() ? "text-slate-700" : r.equivalent || d.isNeg() ? "text-red-700" : "text-slate-700";
              return (
                <tr key={r.target} className="border-t border-slate-100" data-testid={`prefill-${r.target}`}>
                  <td className="px-2 py-1">
                    <input
                      type="checkbox"
                      aria-label={`填入${r.name}`}
                      checked={picked.has(r.target)}
                      disabled={!editable || r.sum === null}
                      onChange={(e) => setPicked((p) => {
                        const next = new Set(p);
                        if (e.target.checked) next.add(r.target);
                        else next.delete(r.target);
                        return next;
                      })}
                    />
                  </td>
                  <th scope="row" className="px-2 py-1 text-left font-normal">{r.name}<span className="ml-1 text-xs text-slate-500">{r.unit}</span></th>
                  <td className="px-2 py-1 text-right num" data-testid={`prefill-sum-${r.target}`}>{formatNumber(r.sum, r.precision)}</td>
                  <td className="px-2 py-1 text-right num">{formatNumber(values[r.target] ?? null, r.precision)}</td>
                  <td className={`px-2 py-1 text-right num ${tone}`} data-testid={`prefill-diff-${r.target}`}>{diff === null ? MISSING : formatSigned(diff, r.precision)}</td>
                  <td className="px-2 py-1 text-xs text-slate-500">{r.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {editable && (
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" onClick={fill} disabled={picked.size === 0} className="rounded border border-brand-600 px-3 py-1.5 text-brand-700 hover:bg-brand-50 disabled:opacity-50">
              将勾选的合计填入表单
            </button>
            <span className="text-xs text-slate-500">只填入表单，不会自动保存；全镇数含规下企业的指标默认不勾选。</span>
            {done && <span role="status" className="text-green-700">{done}</span>}
          </div>
        )}
      </div>
    </details>
  );
}
