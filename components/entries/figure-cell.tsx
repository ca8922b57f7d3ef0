"use client";

import { presentValue } from "@/lib/present/figure";
import { formatNumber } from "@/lib/stats";
import type { EntryField } from "@/lib/entries/types";

const PLAIN = /^-?\d+(\.\d+)?$/;

type Props = {
  id: string;
  field: EntryField;
  label: string;
  raw: string;
  value: string | null;
  error: string | null;
  flagged: "error" | "warning" | null;
  editable: boolean;
  /** The period is locked (submitted, approved) or the user may not edit: the figure reads with separators. */
  locked?: boolean;
  onChange: (text: string) => void;
  onEnter: () => void;
  /** Small print under the input: last month's and last year's figures. */
  children?: React.ReactNode;
};

/** One figure input of a grid, with "即 12,000.00万元" when typed with a unit and the parse error in Chinese. */
export function FigureCell({ id, field, label, raw, value, error, flagged, editable, locked = false, onChange, onEnter, children }: Props) {
  const hintId = `${id}-hint`;
  const border = error || flagged === "error" ? "border-red-500" : flagged === "warning" ? "border-amber-500" : "border-slate-300";
  return (
    <div className="min-w-0">
      <input
        id={id}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        data-cell={id}
        inputMode="decimal"
        autoComplete="off"
        value={locked ? presentValue(value, field).text : raw}
        disabled={!editable}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onEnter();
          }
        }}
        className={`w-full rounded border bg-white px-2 py-1 text-right num disabled:bg-slate-100 disabled:text-slate-600 ${border}`}
      />
      <div id={hintId} className="mt-0.5 text-xs leading-4">
        {error ? (
          <span className="text-red-700">{error}</span>
        ) : value !== null && !PLAIN.test(raw.trim()) ? (
          <span className="block text-right text-slate-500">即 {formatNumber(value, field.precision)}{field.unit}</span>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** Moves to the next enabled input of the grid, or to its save button after the last. */
export function focusNextCell(container: HTMLElement | null, id: string) {
  const inputs = Array.from(container?.querySelectorAll<HTMLInputElement>("input[data-cell]:not([disabled])") ?? []);
  const i = inputs.findIndex((el) => el.dataset.cell === id);
  if (i >= 0 && i + 1 < inputs.length) inputs[i + 1].focus();
  else container?.querySelector<HTMLButtonElement>("button[data-save]")?.focus();
}

/** Last month's YTD and last year's figure, small, under an input: "上月 1,234.56 · 去年 1,100.00" (two lines when long). */
export function Beside({ previous, lastYear }: { previous: string | null; lastYear: string }) {
  return (
    <div className="flex flex-wrap justify-end gap-x-1.5 text-xs text-slate-500 num">
      {previous !== null && (
        <span className="whitespace-nowrap">
          <span className="text-slate-400">上月</span> {previous}
          <span className="text-slate-300"> ·</span>
        </span>
      )}
      <span className="whitespace-nowrap">
        <span className="text-slate-400">去年</span> {lastYear}
      </span>
    </div>
  );
}
