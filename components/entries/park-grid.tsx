"use client";

import { useMemo, useRef } from "react";
import { checkRow, parseRow, present } from "@/lib/entries/cells";
import { saveParkGridAction } from "@/lib/entries/actions";
import { parkAreaWarning } from "@/lib/entries/fields";
import type { ParkGridView } from "@/lib/entries/types";
import { formatNumber } from "@/lib/stats";
import { EntryConflictPanel } from "./conflict-panel";
import { Beside, FigureCell, focusNextCell } from "./figure-cell";
import { WithMessages } from "./row-messages";
import { SaveBar } from "./save-bar";
import { useFigureGrid } from "./use-entry-grid";

type Props = { view: ParkGridView; editable: boolean };

/** The town's parks × their period figures (area and counts at period end, money YTD). */
export function ParkGrid({ view, editable }: Props) {
  const { fields, period } = view;
  const container = useRef<HTMLDivElement>(null);
  const grid = useFigureGrid({ rows: view.rows, fields, town: view.town.code, period: period.key, save: saveParkGridAction });

  const states = useMemo(
    () =>
      new Map(
        view.rows.map((r) => {
          const parsed = parseRow(fields, grid.typed[r.id]);
          const values = present(parsed.values);
          const checks = checkRow(fields, period.month, values, r.previous, r.lastYear);
          const filled = Object.keys(values).length;
          const incomplete = filled > 0 && filled < fields.length ? "园区各项须填写完整（或全部清空）" : null;
          const area = parkAreaWarning(values.developedArea, r.plannedArea);
          return [r.id, { parsed, errors: [...checks.errors.map((i) => i.message), ...(incomplete ? [incomplete] : [])], warnings: [...checks.warnings.map((i) => i.message), ...(area ? [area] : [])], checks }];
        }),
      ),
    [view.rows, grid.typed, fields, period.month],
  );
  const dirty = new Set(grid.dirtyIds);
  const bad = grid.dirtyIds.filter((id) => Object.keys(states.get(id)!.parsed.errors).length > 0 || states.get(id)!.errors.length > 0);
  const blocked = bad.length > 0 ? `有 ${bad.length} 个园区存在填写错误或逻辑性审核错误，修正后才能保存` : null;
  const m = period.month;

  if (view.rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-500">本镇没有登记园区。园区在“园区”名录中维护。</p>;
  }
  return (
    <div ref={container} className="space-y-3">
      {grid.conflict && (
        <EntryConflictPanel
          conflict={grid.conflict}
          names={Object.fromEntries(view.rows.map((r) => [r.id, r.name]))}
          columns={fields.map((f) => ({ code: f.code, label: `${f.name}（${f.unit}）`, stored: (v) => formatNumber(v[f.code] ?? null, f.precision) }))}
          mine={grid.typed}
          onKeepMine={grid.keepMine}
          onTakeTheirs={grid.takeTheirs}
        />
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full table-fixed text-sm">
          <colgroup>
            <col className="w-56" />
            {fields.map((f) => (
              <col key={f.code} />
            ))}
          </colgroup>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">园区</th>
              {fields.map((f) => (
                <th key={f.code} scope="col" className="px-2 py-2 text-right font-medium">
                  {f.name}
                  <span className="ml-1 text-xs font-normal text-slate-500">
                    {f.unit}
                    {f.kind === "FLOW" ? `，1–${m}月累计` : "，期末数"}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => {
              const s = states.get(r.id)!;
              const server = grid.rowErrors[r.id] ?? [];
              const tone = s.errors.length > 0 || server.length > 0 ? "bg-red-50" : s.warnings.length > 0 ? "bg-amber-50/60" : dirty.has(r.id) ? "bg-sky-50/60" : "";
              const flagged = (code: string) => (s.checks.errors.some((i) => i.indicator === code) ? "error" : s.checks.warnings.some((i) => i.indicator === code) ? "warning" : null);
              return (
                <WithMessages key={r.id} tone={tone} colSpan={fields.length + 1} errors={s.errors} warnings={s.warnings} server={server}>
                  <tr className={`border-t border-slate-100 align-top ${tone}`} data-park={r.id} {...Object.fromEntries(fields.map((f) => [`data-prev-${f.code}`, r.previous[f.code] ?? ""]))}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <div className="font-medium text-slate-800">{r.name}</div>
                      <div className="text-xs text-slate-500">{r.levelLabel} · 规划 {formatNumber(r.plannedArea, 2)} 亩</div>
                    </th>
                    {fields.map((f) => {
                      const id = `${r.id}.${f.code}`;
                      return (
                        <td key={f.code} className="px-2 py-2">
                          <FigureCell
                            id={id}
                            field={f}
                            label={`${r.name} ${f.name}（${f.unit}）`}
                            raw={grid.typed[r.id][f.code] ?? ""}
                            value={s.parsed.values[f.code] ?? null}
                            error={s.parsed.errors[f.code] ?? grid.fieldErrors[id] ?? null}
                            flagged={flagged(f.code)}
                            editable={editable && !grid.pending}
                            locked={!editable}
                            onChange={(text) => grid.setCell(r.id, f.code, text)}
                            onEnter={() => focusNextCell(container.current, id)}
                          >
                            <Beside previous={m > 1 ? formatNumber(r.previous[f.code] ?? null, f.precision) : null} lastYear={formatNumber(r.lastYear[f.code] ?? null, f.precision)} />
                          </FigureCell>
                        </td>
                      );
                    })}
                  </tr>
                </WithMessages>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable && <SaveBar dirtyCount={grid.dirtyIds.length} pending={grid.pending} blocked={blocked} conflict={!!grid.conflict} flash={grid.flash} what="个园区" onSave={grid.save} />}
    </div>
  );
}
