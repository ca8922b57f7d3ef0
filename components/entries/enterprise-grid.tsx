"use client";

import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { checkRow, parseRow, present } from "@/lib/entries/cells";
import { saveEnterpriseGridAction } from "@/lib/entries/actions";
import type { EnterpriseGridView } from "@/lib/entries/types";
import { formatNumber, MISSING, toDecimal, type Dec } from "@/lib/stats";
import { EntryConflictPanel } from "./conflict-panel";
import { Beside, FigureCell, focusNextCell } from "./figure-cell";
import { WithMessages } from "./row-messages";
import { SaveBar } from "./save-bar";
import { useFigureGrid } from "./use-entry-grid";

type Props = { view: EnterpriseGridView; editable: boolean };

function sum(values: (string | null | undefined)[]): Dec | null {
  let total: Dec | null = null;
  for (const v of values) {
    const d = toDecimal(v ?? null);
    if (d !== null) total = total === null ? d : total.plus(d);
  }
  return total;
}

/** The town's 规上 enterprises × the enterprise indicators for one period, typed like the town form. */
export function EnterpriseGrid({ view, editable }: Props) {
  const { fields, period } = view;
  const container = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState("");
  const [onlyOpen, setOnlyOpen] = useState(false);

  const grid = useFigureGrid({ rows: view.rows, fields, town: view.town.code, period: period.key, save: saveEnterpriseGridAction });

  const states = useMemo(
    () =>
      new Map(
        view.rows.map((r) => {
          const parsed = parseRow(fields, grid.typed[r.id]);
          const checks = checkRow(fields, period.month, present(parsed.values), r.previousYtd, r.lastYear);
          return [r.id, { parsed, checks }];
        }),
      ),
    [view.rows, grid.typed, fields, period.month],
  );

  const dirty = new Set(grid.dirtyIds);
  const bad = grid.dirtyIds.filter((id) => {
    const s = states.get(id)!;
    return Object.keys(s.parsed.errors).length > 0 || s.checks.errors.length > 0;
  });
  const blocked = bad.length > 0 ? `有 ${bad.length} 家企业存在填写错误或逻辑性审核错误，修正后才能保存` : null;
  const names = Object.fromEntries(view.rows.map((r) => [r.id, r.name]));
  const needle = filter.trim();
  const shown = view.rows.filter((r) => {
    if (needle && !r.name.includes(needle) && !r.creditCode.includes(needle.toUpperCase())) return false;
    if (!onlyOpen) return true;
    const s = states.get(r.id)!;
    return Object.keys(present(s.parsed.values)).length === 0 || s.checks.errors.length > 0 || s.checks.warnings.length > 0 || dirty.has(r.id);
  });
  const reported = view.rows.filter((r) => Object.keys(present(states.get(r.id)!.parsed.values)).length > 0).length;
  const m = period.month;

  return (
    <div ref={container} className="space-y-3">
      {grid.conflict && (
        <EntryConflictPanel
          conflict={grid.conflict}
          names={names}
          columns={fields.map((f) => ({ code: f.code, label: `${f.name}（${f.unit}）`, stored: (v) => formatNumber(v[f.code] ?? null, f.precision) }))}
          mine={grid.typed}
          onKeepMine={grid.keepMine}
          onTakeTheirs={grid.takeTheirs}
        />
      )}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <span className="text-slate-600">查找企业</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="名称或信用代码" className="w-56 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          <span className="text-slate-700">只看未填报、有审核提示或已修改的</span>
        </label>
        <span className="ml-auto text-slate-600" data-testid="enterprise-count">
          规上企业 {view.rows.length} 家，已填报 {reported} 家
        </span>
      </div>
      {view.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-500">本期本镇没有规上企业。企业的规上（列统）状态在“企业”名录中维护。</p>
      ) : (
        // No overflow wrapper: the header row stays in view (sticky) while scrolling a long list.
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full table-fixed text-sm">
            <colgroup>
              <col className="w-64" />
              {fields.map((f) => (
                <col key={f.code} />
              ))}
              <col className="w-24" />
            </colgroup>
            <thead className="sticky top-0 z-[5] bg-slate-50 text-slate-600 shadow-[0_1px_0_0_rgb(226,232,240)]">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">企业</th>
                {fields.map((f) => (
                  <th key={f.code} scope="col" className="px-2 py-2 text-right font-medium">
                    {f.name}
                    <span className="ml-1 text-xs font-normal text-slate-500">{f.unit}</span>
                  </th>
                ))}
                <th scope="col" className="px-2 py-2 text-left font-medium">审核</th>
              </tr>
              <tr className="text-xs text-slate-500">
                <th scope="col" className="px-3 pb-2 text-left font-normal">名称 / 统一社会信用代码</th>
                {fields.map((f) => (
                  <th key={f.code} scope="col" className="px-2 pb-2 text-right font-normal">
                    本期 1–{m}月累计
                  </th>
                ))}
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const s = states.get(r.id)!;
                const serverErrors = grid.rowErrors[r.id] ?? [];
                const flaggedOf = (code: string) => (s.checks.errors.some((i) => i.indicator === code) ? "error" : s.checks.warnings.some((i) => i.indicator === code) ? "warning" : null);
                const data = Object.fromEntries(fields.map((f) => [`data-prev-${f.code}`, r.previousYtd[f.code] ?? ""]));
                const tone = s.checks.errors.length > 0 || serverErrors.length > 0 ? "bg-red-50" : s.checks.warnings.length > 0 ? "bg-amber-50/60" : dirty.has(r.id) ? "bg-sky-50/60" : "";
                return (
                  <WithMessages key={r.id} tone={tone} colSpan={fields.length + 2} errors={s.checks.errors.map((i) => i.message)} warnings={s.checks.warnings.map((i) => i.message)} server={serverErrors}>
                    <tr className={`border-t border-slate-100 align-top ${tone}`} data-enterprise={r.id} {...data}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <Link href={`/enterprises/${r.id}`} className="font-medium text-slate-800 hover:text-brand-700 hover:underline">{r.name}</Link>
                        <div className="truncate text-xs text-slate-500" title={r.parkName ?? undefined}>
                          <span className="num">{r.creditCode}</span>
                          {r.parkName && <> · {r.parkName}</>}
                        </div>
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
                              flagged={flaggedOf(f.code)}
                              editable={editable && !grid.pending}
                              locked={!editable}
                              onChange={(text) => grid.setCell(r.id, f.code, text)}
                              onEnter={() => focusNextCell(container.current, id)}
                            >
                              <Beside previous={m > 1 ? formatNumber(r.previousYtd[f.code] ?? null, f.precision) : null} lastYear={formatNumber(r.lastYear[f.code] ?? null, f.precision)} />
                            </FigureCell>
                          </td>
                        );
                      })}
                      <td className="px-2 py-2 text-xs" data-testid={`status-${r.id}`}>
                        <RowStatus errors={s.checks.errors.length + serverErrors.length + Object.keys(s.parsed.errors).length} warnings={s.checks.warnings.length} dirty={dirty.has(r.id)} empty={Object.keys(present(s.parsed.values)).length === 0} />
                      </td>
                    </tr>
                  </WithMessages>
                );
              })}
            </tbody>
            <tfoot className="border-t-2 border-slate-200 bg-slate-50">
              <tr className="align-top" data-testid="enterprise-totals">
                <th scope="row" className="px-3 py-2 text-left font-medium">合计（{view.rows.length}家）</th>
                {fields.map((f) => (
                  <td key={f.code} className="px-2 py-2 text-right num" data-testid={`total-${f.code}`}>
                    <div className="font-medium">{formatNumber(sum(view.rows.map((r) => states.get(r.id)!.parsed.values[f.code])), f.precision)}</div>
                    <Beside previous={m > 1 ? formatNumber(sum(view.rows.map((r) => r.previousYtd[f.code])), f.precision) : null} lastYear={formatNumber(sum(view.rows.map((r) => r.lastYear[f.code])), f.precision)} />
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {shown.length === 0 && view.rows.length > 0 && <p className="text-sm text-slate-500">没有符合条件的企业。</p>}
      {editable && view.rows.length > 0 && <SaveBar dirtyCount={grid.dirtyIds.length} pending={grid.pending} blocked={blocked} conflict={!!grid.conflict} flash={grid.flash} what="家企业" onSave={grid.save} />}
      {!editable && <p className="text-xs text-slate-500">{MISSING} 表示没有数据。</p>}
    </div>
  );
}

function RowStatus({ errors, warnings, dirty, empty }: { errors: number; warnings: number; dirty: boolean; empty: boolean }) {
  return (
    <div className="space-y-0.5">
      {errors > 0 && <div className="text-red-700">✕ {errors} 项错误</div>}
      {warnings > 0 && <div className="text-amber-800">⚠ {warnings} 项提示</div>}
      {errors === 0 && warnings === 0 && !empty && <div className="text-green-700">✓ 通过</div>}
      {empty && <div className="text-slate-500">未填报</div>}
      {dirty && <div className="text-sky-700">已修改</div>}
    </div>
  );
}
