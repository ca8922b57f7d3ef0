"use client";

import { GrowthText } from "@/components/ui/growth-text";
import { presentValue } from "@/lib/present/figure";
import { formatNumber, formatPercent, MISSING } from "@/lib/stats";
import { FixButton } from "./check-panel";
import type { RowState } from "./compute";

type Props = {
  row: RowState;
  editable: boolean;
  /** The report cannot be edited at all (submitted, approved, read-only role): figures read with separators. */
  locked?: boolean;
  explanation: string;
  /** The report was returned: flagged cells are outlined for the reporter. */
  returned: boolean;
  lastYear: string | null;
  previousYtd: string | null;
  plan: string | null;
  onChange: (code: string, raw: string) => void;
  onExplain: (code: string, text: string) => void;
  onEnter: (code: string) => void;
  /** Applies a finding's one-click fix (a unit slip's corrected figure). */
  onFix?: (code: string, value: string) => void;
};

const PLAIN = /^-?\d+(\.\d+)?$/;

export function FigureRow({ row, editable, locked = false, explanation, returned, lastYear, previousYtd, plan, onChange, onExplain, onEnter, onFix }: Props) {
  const { indicator: ind } = row;
  const flagged = row.errors.length > 0 || row.warnings.length > 0;
  const tone = row.error || row.errors.length > 0 ? "bg-red-50" : row.warnings.length > 0 ? "bg-amber-50" : "";
  const label = `${ind.name}（${ind.unit}）`;
  const hintId = `fig-${ind.code}-hint`;
  const showExplanation = row.warnings.length > 0 || explanation.trim() !== "";
  return (
    <>
      <tr className={`border-t border-slate-100 ${tone}`} data-code={ind.code} data-kind={ind.kind} data-last-year={lastYear ?? ""} data-prev-ytd={previousYtd ?? ""} data-flagged={flagged || undefined}>
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <span className="font-medium text-slate-800">{ind.name}</span>
          <span className="ml-1 text-xs text-slate-500">{ind.unit}</span>
        </th>
        <td className="px-3 py-2">
          <input
            id={`fig-${ind.code}`}
            aria-label={label}
            aria-invalid={row.error ? true : undefined}
            aria-describedby={hintId}
            data-figure-input={ind.code}
            inputMode="decimal"
            autoComplete="off"
            value={locked ? presentValue(row.value, ind).text : row.raw}
            disabled={!editable}
            onChange={(e) => onChange(ind.code, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                onEnter(ind.code);
              }
            }}
            className={`w-40 rounded border px-2 py-1 text-right num disabled:bg-slate-100 disabled:text-slate-600 ${
              row.error ? "border-red-500" : returned && flagged ? "border-amber-500 ring-2 ring-amber-300" : "border-slate-300"
            }`}
          />
          <p id={hintId} className="mt-0.5 min-h-4 text-xs">
            {row.error ? (
              <span className="text-red-700">{row.error}</span>
            ) : row.value !== null && !PLAIN.test(row.raw.trim()) ? (
              <span className="text-slate-500">即 {formatNumber(row.value, ind.precision)}{ind.unit}</span>
            ) : null}
          </p>
        </td>
        <td className="px-3 py-2 text-right num text-slate-600">{formatNumber(lastYear, ind.precision)}</td>
        <td className="px-3 py-2 text-right" data-testid={`yoy-${ind.code}`}>
          <GrowthText percent={row.yoy} loss={row.loss} digits={ind.percentPrecision} />
          {row.comparableYoy && (
            // The dashboards compare this indicator with the 同口径 base: say which base each figure used.
            <span className="block text-xs text-slate-600" data-testid={`yoy-comparable-${ind.code}`}>
              按上报上年数；同口径 <GrowthText percent={row.comparableYoy.yoy} loss={row.comparableYoy.loss} digits={ind.percentPrecision} />
            </span>
          )}
        </td>
        <td className="px-3 py-2 text-right num text-slate-600">{formatNumber(previousYtd, ind.precision)}</td>
        <td className="px-3 py-2 text-right num text-slate-600">{formatNumber(plan, ind.precision)}</td>
        <td className="px-3 py-2 text-right num" data-testid={`plan-${ind.code}`}>
          {row.completion === null ? <span className="text-slate-400">{MISSING}</span> : formatPercent(row.completion, ind.percentPrecision)}
        </td>
      </tr>
      {(row.errors.length > 0 || showExplanation) && (
        <tr className={tone}>
          <td colSpan={7} className="px-3 pb-3">
            {row.errors.map((i) => (
              <p key={i.rule} className="text-sm text-red-700">✕ {i.message}<FixButton issue={i} onFix={editable ? onFix : undefined} /></p>
            ))}
            {row.warnings.map((i) => (
              <p key={i.rule} className="text-sm text-amber-800">⚠ {i.message}<FixButton issue={i} onFix={editable ? onFix : undefined} /></p>
            ))}
            {showExplanation && (
              <label className="mt-1 flex items-start gap-2 text-sm">
                <span className="shrink-0 pt-1 text-slate-700">说明</span>
                {editable ? (
                  <textarea
                    aria-label={`${ind.name}说明`}
                    value={explanation}
                    maxLength={500}
                    rows={1}
                    placeholder="请说明数据变动的原因（如新投产企业、价格变化等）"
                    onChange={(e) => onExplain(ind.code, e.target.value)}
                    className={`w-full max-w-3xl rounded border px-2 py-1 ${row.warnings.length > 0 && !explanation.trim() ? "border-amber-500" : "border-slate-300"}`}
                  />
                ) : (
                  <span className="pt-1 text-slate-800" data-testid={`explanation-${ind.code}`}>{explanation || MISSING}</span>
                )}
              </label>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
