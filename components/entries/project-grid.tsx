"use client";

import Link from "next/link";
import { useCallback, useMemo, useRef } from "react";
import { checkRow, parseCell, sameFigure } from "@/lib/entries/cells";
import { saveProjectGridAction } from "@/lib/entries/actions";
import { progressOverTotal, STAGE_NAMES, STAGE_ORDER, stageDateProblem } from "@/lib/entries/fields";
import type { ProjectGridView, ProjectStageValue, StoredRow } from "@/lib/entries/types";
import { formatFigureForInput } from "@/lib/input";
import { formatNumber, formatPercent, MISSING, planCompletionPercent } from "@/lib/stats";
import { EntryConflictPanel } from "./conflict-panel";
import { FigureCell, focusNextCell } from "./figure-cell";
import { WithMessages } from "./row-messages";
import { SaveBar } from "./save-bar";
import { useEntryGrid, type Typed } from "./use-entry-grid";

type Props = { view: ProjectGridView; editable: boolean };

/** The town's projects: 当年累计完成投资 for the period against the year's plan, and stage changes with their date. */
export function ProjectGrid({ view, editable }: Props) {
  const { field, period, today } = view;
  const container = useRef<HTMLDivElement>(null);
  const toTyped = useCallback((r: StoredRow) => ({ completedYtd: formatFigureForInput(r.values.completedYtd ?? null, field.precision), stage: r.values.stage ?? "", stageOn: today }), [field.precision, today]);
  const changed = useCallback(
    (r: StoredRow, t: Typed) => {
      const p = parseCell(field, t.completedYtd);
      return !p.ok || !sameFigure(p.value, r.values.completedYtd ?? null) || t.stage !== r.values.stage;
    },
    [field],
  );
  const submit = useCallback(
    (dirty: { row: StoredRow; typed: Typed }[]) =>
      saveProjectGridAction({
        town: view.town.code,
        period: period.key,
        rows: dirty.map(({ row, typed }) => ({
          id: row.id,
          token: row.token,
          completedYtd: typed.completedYtd,
          stageChange: typed.stage !== row.values.stage ? { stage: typed.stage as ProjectStageValue, on: typed.stageOn } : null,
        })),
      }),
    [view.town.code, period.key],
  );
  const grid = useEntryGrid({ rows: view.rows, toTyped, changed, submit });

  const states = useMemo(
    () =>
      new Map(
        view.rows.map((r) => {
          const typed = grid.typed[r.id];
          const parsed = parseCell(field, typed.completedYtd);
          const value = parsed.ok ? parsed.value : null;
          const checks = checkRow([field], period.month, value === null ? {} : { completedYtd: value }, r.previousYtd ? { completedYtd: r.previousYtd } : {}, {}, r.yearPlan ? { completedYtd: r.yearPlan } : {});
          const over = progressOverTotal(value, r.totalInvestment);
          const stageChanged = typed.stage !== grid.base[r.id].values.stage;
          const dateProblem = stageChanged ? stageDateProblem(typed.stageOn, today, r.stageSince) : null;
          return [r.id, { value, parseError: parsed.ok ? null : parsed.message, errors: [...checks.errors.map((i) => i.message), ...(over ? [over] : [])], warnings: checks.warnings.map((i) => i.message), stageChanged, dateProblem }];
        }),
      ),
    [view.rows, grid.typed, grid.base, field, period.month, today],
  );
  const dirty = new Set(grid.dirtyIds);
  const bad = grid.dirtyIds.filter((id) => {
    const s = states.get(id)!;
    return s.parseError || s.errors.length > 0 || s.dateProblem;
  });
  const blocked = bad.length > 0 ? `有 ${bad.length} 个项目存在填写错误或逻辑性审核错误，修正后才能保存` : null;
  const m = period.month;

  if (view.rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-500">本镇没有登记项目。项目在“项目”名录中维护。</p>;
  }
  return (
    <div ref={container} className="space-y-3">
      {grid.conflict && (
        <EntryConflictPanel
          conflict={grid.conflict}
          names={Object.fromEntries(view.rows.map((r) => [r.id, r.name]))}
          columns={[
            { code: "completedYtd", label: "当年累计完成投资（万元）", stored: (v) => formatNumber(v.completedYtd ?? null, field.precision) },
            { code: "stage", label: "阶段", stored: (v) => STAGE_NAMES[v.stage as ProjectStageValue] ?? MISSING },
          ]}
          mine={Object.fromEntries(Object.entries(grid.typed).map(([id, t]) => [id, { ...t, stage: STAGE_NAMES[t.stage as ProjectStageValue] ?? t.stage }]))}
          onKeepMine={grid.keepMine}
          onTakeTheirs={grid.takeTheirs}
        />
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full table-fixed text-sm">
          <colgroup>
            <col className="w-64" />
            <col className="w-28" />
            <col className="w-28" />
            <col className="w-28" />
            <col className="w-52" />
            <col className="w-24" />
            <col />
          </colgroup>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">项目</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">计划总投资</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">当年计划投资</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">{m > 1 ? `1–${m - 1}月累计完成` : "上月累计完成"}</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">当年累计完成投资（1–{m}月）</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">完成年计划</th>
              <th scope="col" className="px-3 py-2 text-left font-medium">项目阶段（变更时填日期）</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => {
              const s = states.get(r.id)!;
              const typed = grid.typed[r.id];
              const server = grid.rowErrors[r.id] ?? [];
              const tone = s.errors.length > 0 || server.length > 0 || s.dateProblem ? "bg-red-50" : s.warnings.length > 0 ? "bg-amber-50/60" : dirty.has(r.id) ? "bg-sky-50/60" : "";
              const id = `${r.id}.completedYtd`;
              const completion = planCompletionPercent(s.value, r.yearPlan);
              const dateError = s.dateProblem ?? grid.fieldErrors[`${r.id}.stageOn`] ?? null;
              return (
                <WithMessages key={r.id} tone={tone} colSpan={7} errors={s.errors} warnings={s.warnings} server={server}>
                  <tr className={`border-t border-slate-100 align-top ${tone}`} data-project={r.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/projects/${r.id}`} className="font-medium text-slate-800 hover:text-brand-700 hover:underline">{r.name}</Link>
                      {r.parkName && <div className="text-xs text-slate-500">{r.parkName}</div>}
                    </th>
                    <td className="px-2 py-2 text-right num">{formatNumber(r.totalInvestment, 2)}</td>
                    <td className="px-2 py-2 text-right num">{formatNumber(r.yearPlan, 2)}</td>
                    <td className="px-2 py-2 text-right num text-slate-600">{formatNumber(r.previousYtd, 2)}</td>
                    <td className="px-2 py-2">
                      <FigureCell
                        id={id}
                        field={field}
                        label={`${r.name} 当年累计完成投资（万元）`}
                        raw={typed.completedYtd ?? ""}
                        value={s.value}
                        error={s.parseError ?? grid.fieldErrors[id] ?? null}
                        flagged={s.errors.length > 0 ? "error" : s.warnings.length > 0 ? "warning" : null}
                        editable={editable && !grid.pending}
                        locked={!editable}
                        onChange={(text) => grid.setCell(r.id, "completedYtd", text)}
                        onEnter={() => focusNextCell(container.current, id)}
                      />
                    </td>
                    <td className="px-2 py-2 text-right num">{completion === null ? <span className="text-slate-400">{MISSING}</span> : formatPercent(completion, 1)}</td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap items-center gap-2">
                        <select
                          aria-label={`${r.name} 项目阶段`}
                          value={typed.stage}
                          disabled={!editable || grid.pending}
                          onChange={(e) => grid.setCell(r.id, "stage", e.target.value)}
                          className={`rounded border bg-white px-1.5 py-1 disabled:bg-slate-100 ${s.stageChanged ? "border-sky-500" : "border-slate-300"}`}
                        >
                          {STAGE_ORDER.map((st) => (
                            <option key={st} value={st}>
                              {STAGE_NAMES[st]}
                              {st === grid.base[r.id].values.stage ? "（当前）" : ""}
                            </option>
                          ))}
                        </select>
                        {s.stageChanged && (
                          <input
                            type="date"
                            aria-label={`${r.name} 阶段变更日期`}
                            value={typed.stageOn}
                            min={r.stageSince ?? undefined}
                            max={today}
                            disabled={!editable || grid.pending}
                            onChange={(e) => grid.setCell(r.id, "stageOn", e.target.value)}
                            className={`rounded border bg-white px-1.5 py-1 num ${dateError ? "border-red-500" : "border-slate-300"}`}
                          />
                        )}
                      </div>
                      <div className="mt-0.5 text-xs">
                        {dateError ? <span className="text-red-700">{dateError}</span> : r.stageSince ? <span className="text-slate-500">自 {r.stageSince} 起为“{STAGE_NAMES[grid.base[r.id].values.stage as ProjectStageValue] ?? r.stage}”</span> : null}
                      </div>
                    </td>
                  </tr>
                </WithMessages>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">金额单位万元。当年累计完成投资为1–{m}月累计数，不得小于上月累计；阶段变更记入项目阶段历史。</p>
      {editable && <SaveBar dirtyCount={grid.dirtyIds.length} pending={grid.pending} blocked={blocked} conflict={!!grid.conflict} flash={grid.flash} what="个项目" onSave={grid.save} />}
    </div>
  );
}
