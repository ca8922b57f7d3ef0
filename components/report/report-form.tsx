"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { PrefillPanel } from "@/components/entries/prefill-panel";
import type { EnterpriseSums } from "@/lib/entries/prefill-rules";
import { formatFigureForInput, parseFigure } from "@/lib/input";
import { useLeaveGuard } from "@/components/ui/use-leave-guard";
import { CheckPanel } from "./check-panel";
import { computeForm } from "./compute";
import { ConfirmDialog } from "./confirm-dialog";
import { ConflictPanel } from "./conflict-panel";
import { DraftNotice } from "./draft-notice";
import { FigureRow } from "./figure-row";
import { summarizeReport } from "./summary";
import type { ActionResult, ConflictInfo, FormIndicator, ReportSnapshot, ReportView } from "./types";
import { useReportSync } from "./use-report-sync";
import { requiredGapText } from "@/lib/checks";

type Props = {
  view: ReportView;
  editable: boolean;
  enterpriseSums?: EnterpriseSums | null;
  /** Whose local draft this form keeps. */
  userId: number;
  /** Who reviews it: the county bureau (a town's report) or the city (a county's own report, decision 016). */
  reviewBy?: "县局" | "市级";
};
type Flash = { tone: "ok" | "error"; text: string } | null;

function rawOf(indicators: FormIndicator[], values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(indicators.map((i) => [i.code, formatFigureForInput(values[i.code] ?? null, i.precision)]));
}

const snapshotOf = (v: ReportSnapshot): ReportSnapshot => ({ version: v.version, status: v.status, values: v.values, explanations: v.explanations, updatedBy: v.updatedBy, updatedAt: v.updatedAt });

export function ReportForm({ view, editable, enterpriseSums, userId, reviewBy = "县局" }: Props) {
  const router = useRouter();
  const [base, setBase] = useState<ReportSnapshot>(() => snapshotOf(view));
  const [raw, setRaw] = useState(() => rawOf(view.indicators, view.values));
  const [explanations, setExplanations] = useState<Record<string, string>>(() => ({ ...view.explanations }));
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  const state = useMemo(() => computeForm(view, raw, explanations), [view, raw, explanations]);
  const canType = editable && !pending;

  // Draft, reread and saves one at a time (use-report-sync.ts): `adopt` there also drops the local draft.
  const sync = useReportSync({
    view,
    userId,
    reviewBy,
    editable,
    base,
    raw,
    explanations,
    dirty,
    conflict,
    savable: state.fieldErrorCount === 0,
    adopt: (s) => {
      setBase(s);
      setRaw(rawOf(view.indicators, s.values));
      setExplanations({ ...s.explanations });
      setDirty(false);
      setServerErrors({});
    },
    rebase: (s) => {
      setBase(s);
      setDirty(true);
    },
    restore: (d, over) => {
      setBase(over);
      setRaw({ ...rawOf(view.indicators, over.values), ...d.raw });
      setExplanations({ ...d.explanations });
      setDirty(true);
    },
    setConflict,
    setFlash,
    refresh: () => router.refresh(),
  });
  const adopt = sync.adopt;
  // Unsaved edits or a save on its way: the browser asks before a reload or close. In-app links need
  // no question here: leaving saves the draft, and what cannot be saved stays in the local draft.
  useLeaveGuard(editable && (dirty || sync.saving), { links: false });

  // New data from the server (another action on this page, a refresh): take it unless the user is mid-edit.
  useEffect(() => {
    if (view.version > base.version && !dirty) adopt(snapshotOf(view));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- adopt only when the server's version or status changes, never on a local edit
  }, [view.version, view.status]);

  function handle(result: ActionResult) {
    if (result.ok) {
      if (result.snapshot) adopt(result.snapshot);
      setConflict(null);
      setFlash({ tone: "ok", text: result.message });
      return;
    }
    if (result.snapshot) setBase(result.snapshot);
    if (result.conflict) {
      setConflict(result.conflict);
      // Fresh status and banner from the server; the typed figures stay (the form is dirty).
      router.refresh();
    }
    setServerErrors(result.fieldErrors ?? {});
    setFlash({ tone: "error", text: result.message });
  }

  const run = (kind: "save" | "submit") => startTransition(async () => handle(await sync.send(kind)));

  function focusNext(code: string) {
    const inputs = Array.from(formRef.current?.querySelectorAll<HTMLInputElement>("input[data-figure-input]:not([disabled])") ?? []);
    const i = inputs.findIndex((el) => el.dataset.figureInput === code);
    if (i >= 0 && i + 1 < inputs.length) inputs[i + 1].focus();
    else formRef.current?.querySelector<HTMLButtonElement>("button[data-save]")?.focus();
  }

  /** A finding's one-click fix: the field takes the suggested figure as if typed; saving is still the user's. */
  function applyFix(code: string, value: string) {
    const ind = view.indicators.find((i) => i.code === code);
    if (!ind) return;
    setRaw((r) => ({ ...r, [code]: formatFigureForInput(value, ind.precision) }));
    setDirty(true);
    document.getElementById(`fig-${code}`)?.focus();
  }

  function reapplyMine(latest: ConflictInfo) {
    // Three-way: a field the user changed keeps their text; every other field takes the latest value.
    const merged = rawOf(view.indicators, latest.values);
    for (const ind of view.indicators) {
      const r = parseFigure(raw[ind.code] ?? "", { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
      const mine = r.ok ? r.value : raw[ind.code];
      const before = base.values[ind.code] ?? null;
      const changed = mine === null || before === null ? mine !== before : Number(mine) !== Number(before);
      if (changed) merged[ind.code] = raw[ind.code] ?? "";
    }
    setBase(latest);
    setRaw(merged);
    setExplanations({ ...latest.explanations, ...Object.fromEntries(Object.entries(explanations).filter(([k, v]) => v !== (base.explanations[k] ?? ""))) });
    setDirty(true);
    setConflict(null);
    setFlash({ tone: "ok", text: `已载入最新数据（版本 ${latest.version}）并保留了您的修改，请核对后再保存` });
    router.refresh();
  }

  const blocked = requiredGapText(state.gap) ? `${requiredGapText(state.gap)}，填写后才能报送` : state.checks.errors.length > 0 ? "存在逻辑性审核错误，修正后才能报送" : state.fieldErrorCount > 0 ? "有填写格式错误" : state.missing.length > 0 ? `还有 ${state.missing.length} 项核实性提示未填写说明` : null;
  const m = view.period.month;

  return (
    <form ref={formRef} onSubmit={(e) => e.preventDefault()} className="space-y-4" aria-label="乡镇工业月报">
      {sync.restored && <DraftNotice savedAt={sync.restored.savedAt} locked={sync.restored.locked} onDiscard={sync.discardRestored} />}
      {conflict && <ConflictPanel conflict={conflict} indicators={view.indicators} mine={raw} onReapply={() => reapplyMine(conflict)} onDiscard={() => { adopt(conflict); setConflict(null); setFlash(null); router.refresh(); }} />}
      <CheckPanel errors={state.checks.errors} warnings={state.checks.warnings} missing={state.missing} fieldErrorCount={state.fieldErrorCount} gap={state.gap} fieldErrorFields={state.rows.filter((r) => r.error).map((r) => ({ code: r.indicator.code, name: r.indicator.name }))} onFix={canType ? applyFix : undefined} />
      {enterpriseSums && (
        <PrefillPanel
          sums={enterpriseSums}
          indicators={view.indicators}
          values={Object.fromEntries(state.rows.map((r) => [r.indicator.code, r.value]))}
          editable={canType && !conflict}
          enterprisesHref={`/reports/${view.town.code}/${view.period.key}/enterprises`}
          onFill={(texts) => {
            setRaw((r) => ({ ...r, ...texts }));
            setDirty(true);
          }}
        />
      )}
      <div id="report-figures" tabIndex={-1} aria-label="填报表" role="group" className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus:outline-none">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">指标</th>
              <th scope="col" className="px-3 py-2 text-left font-medium">本期（1–{m}月累计）</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">上年同期</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">同比</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{m > 1 ? `上月止累计（1–${m - 1}月）` : "上月止累计"}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">年计划</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">完成年计划</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((row) => (
              <FigureRow
                key={row.indicator.code}
                row={serverErrors[row.indicator.code] && !row.error ? { ...row, error: serverErrors[row.indicator.code] } : row}
                editable={canType}
                locked={!editable}
                explanation={explanations[row.indicator.code] ?? ""}
                returned={base.status === "RETURNED"}
                lastYear={view.lastYear[row.indicator.code] ?? null}
                previousYtd={view.previousYtd[row.indicator.code] ?? null}
                plan={view.plans[row.indicator.code] ?? null}
                onChange={(code, text) => {
                  setRaw((r) => ({ ...r, [code]: text }));
                  setDirty(true);
                }}
                onExplain={(code, text) => {
                  setExplanations((x) => ({ ...x, [code]: text }));
                  setDirty(true);
                }}
                onEnter={focusNext}
                onFix={applyFix}
              />
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 px-4 py-3 shadow">
          <button type="button" data-save onClick={() => run("save")} disabled={pending || !!conflict} className="rounded border border-brand-600 px-4 py-1.5 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50">
            保存草稿
          </button>
          <button type="button" onClick={() => setConfirming(true)} disabled={pending || !!conflict || blocked !== null} className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:cursor-not-allowed disabled:opacity-50">
            报送
          </button>
          {blocked && <span className="text-sm text-red-700" data-testid="submit-blocked">{blocked}</span>}
          <span className="text-xs text-slate-500">{pending || sync.saving ? "正在处理…" : dirty ? "有未保存的修改（离开页面时自动保存草稿）" : `版本 ${base.version}`}</span>
          {flash && (
            <span role="status" className={`ml-auto text-sm ${flash.tone === "ok" ? "text-green-700" : "text-red-700"}`}>
              {flash.text}
            </span>
          )}
        </div>
      )}
      {editable && (
        <ConfirmDialog
          open={confirming}
          title="确认报送"
          summary={summarizeReport({ town: view.town.name, period: view.period, indicators: view.indicators, values: Object.fromEntries(state.rows.map((r) => [r.indicator.code, r.value])), required: view.required, checks: state.checks })}
          consequence={`报送后等待${reviewBy}审核，审核期间不能修改。`}
          confirmLabel="确认报送"
          tone="brand"
          pending={pending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => startTransition(async () => {
            handle(await sync.send("submit"));
            setConfirming(false);
          })}
        />
      )}
    </form>
  );
}
