// Town monthly figures and annual plans against the stored reports and plans, with the same
// 审核 checks as the monthly form (lib/checks): a YTD below last month's is an error here too.
import { runChecks, type IndicatorRule } from "@/lib/checks";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { canImportInto, periodLockReason } from "@/lib/permissions/capabilities";
import { formatPeriodRange } from "@/lib/stats";
import type { IndicatorRef } from "./columns";
import { crossCheck, magnitudeSlip } from "./cross-check";
import { opOf, sameFigure, type Change, type Planned } from "./plan-types";
import type { Figures, PlanRecord, TownValuesRecord } from "./records";
import { filePlans, planYearPlans, type YearPlanWrite } from "./history-plans";
import { rankProblems } from "./rank-check";
import { historyNote, STATUS_WORDS, type ApprovedMonth, type PlanMode } from "./history";
import type { Problem } from "./types";

export type StoredReport = { id: number; status: ReportStatus; version: number; values: Figures };

export type TownFacts = {
  /** Stored reports by `${townId}|${year}|${month}`: the file's periods, the months before and last year's. */
  reports: Map<string, StoredReport>;
  /** Annual plans by `${townId}|${year}`. */
  plans: Map<string, Figures>;
};

/**
 * One town-month to write: the changed figures; in a history import whether the report lands 已审核
 * (`approve`), whether it was an approved month reopened by the preview's choice (`reopen`), and the
 * 核实性审核 warnings to keep as the figures' 说明 (`notes`).
 */
export type TownWrite = {
  record: TownValuesRecord;
  report: StoredReport | null;
  set: { code: string; old: string | null; value: string }[];
  approve?: boolean;
  reopen?: boolean;
  notes?: { code: string; text: string }[];
};

/** Town figures planned; a history import adds the approved months it changes and the 年计划 it writes. */
export type TownPlanned = Planned<TownWrite> & { approved: ApprovedMonth[]; plans: YearPlanWrite[] };

const rk = (townId: number, year: number, month: number) => `${townId}|${year}|${month}`;

export function diffFigures(stored: Figures, incoming: Figures, indicators: readonly IndicatorRef[]) {
  const changes: Change[] = [];
  const set: { code: string; old: string | null; value: string }[] = [];
  for (const ind of indicators) {
    const value = incoming[ind.code];
    if (value === undefined) continue;
    const old = stored[ind.code] ?? null;
    if (sameFigure(old, value)) continue;
    changes.push({ field: ind.name, old, new: value });
    set.push({ code: ind.code, old, value });
  }
  return { changes, set };
}

export function planTownValues(records: TownValuesRecord[], facts: TownFacts, indicators: IndicatorRef[], mode: PlanMode = { history: false, reopen: null }): TownPlanned {
  const out: TownPlanned = { actions: [], problems: [], writes: [], approved: [], plans: [] };
  const inFile = new Map(records.map((r) => [rk(r.townId, r.year, r.month), r]));
  const rules: IndicatorRule[] = indicators.filter((i) => i.onTownForm);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  // A history import writes the sheets' 年计划 as the years' plans; the checks read them as they will be.
  const yearPlans = mode.history ? filePlans(records, (code) => byCode.get(code)?.name ?? code) : null;
  const planOf = (townId: number, year: number) => ({ ...(facts.plans.get(`${townId}|${year}`) ?? {}), ...(yearPlans?.plans.get(`${townId}|${year}`)?.values ?? {}) });
  if (yearPlans) {
    out.problems.push(...yearPlans.problems);
    const planned = planYearPlans(yearPlans.plans, facts.plans, indicators);
    out.actions.push(...planned.actions);
    out.plans.push(...planned.writes);
  }
  // Per sheet and money column: log10(figure ÷ the town's own history), for the unit check.
  const ratios = new Map<string, { sheet: string; code: string; unit: string; logs: number[] }>();
  for (const rec of records) {
    const report = facts.reports.get(rk(rec.townId, rec.year, rec.month)) ?? null;
    const { changes, set } = diffFigures(report?.values ?? {}, rec.values, indicators);
    const problem = (message: string, column: string | null, severity: Problem["severity"] = "error", value?: string) =>
      out.problems.push({ sheet: rec.src.sheet, row: rec.src.row, column, message, severity, ...(value !== undefined ? { value } : {}) });
    const key = rk(rec.townId, rec.year, rec.month);
    // A history import may overwrite an approved month only when the preview's reopen choice names it.
    const approvedChange = mode.history && report?.status === "APPROVED" && set.length > 0;
    const label = `${rec.townName}${formatPeriodRange(rec.year, rec.month)}`;
    if (approvedChange) out.approved.push({ key, label });
    const reopen = approvedChange && mode.reopen !== null && (mode.reopen.keys === "listed-in-preview" || mode.reopen.keys.has(key));
    const locked = report && set.length > 0 && !reopen && !canImportInto("town_values", report.status) ? periodLockReason(report.status) : null;
    // History lands 已审核: new months, drafts and returned ones (a 已报送 month waits for its review).
    const approve = mode.history && !locked && (report === null || report.status === "DRAFT" || report.status === "RETURNED" || reopen);
    if (approve && report && report.status !== "APPROVED") changes.unshift({ field: "状态", old: STATUS_WORDS[report.status], new: STATUS_WORDS.APPROVED });
    if (reopen) changes.unshift({ field: "状态", old: "已审核", new: "已审核（重新打开并覆盖）" });
    if (locked) {
      problem(`${rec.townName}${formatPeriodRange(rec.year, rec.month)}月报${locked}，不能通过导入修改；如需更正请先退回或重新打开`, null);
    }
    // The figures as they will be after the import, checked like a submitted form.
    const merged = { ...(report?.values ?? {}), ...rec.values };
    const prevKey = rk(rec.townId, rec.year, rec.month - 1);
    // Last year as it will be: a workbook of several years checks its later years against its earlier ones.
    const lyKey = rk(rec.townId, rec.year - 1, rec.month);
    const lastYear = { ...(facts.reports.get(lyKey)?.values ?? {}), ...(inFile.get(lyKey)?.values ?? {}) };
    const previous = rec.month > 1 ? { ...(facts.reports.get(prevKey)?.values ?? {}), ...(inFile.get(prevKey)?.values ?? {}) } : {};
    const checks = runChecks({
      month: rec.month,
      indicators: rules,
      values: merged,
      previousYtd: previous,
      lastYear,
      plans: planOf(rec.townId, rec.year),
    });
    for (const e of checks.errors) if (rec.values[e.indicator] !== undefined) problem(e.message, byCode.get(e.indicator)?.name ?? e.indicator, "error", rec.values[e.indicator]);
    const notes = new Map<string, string[]>();
    for (const w of checks.warnings) {
      if (rec.values[w.indicator] === undefined) continue;
      problem(`${w.message}（核实性审核，${mode.history ? "作为历史数据导入时记入该指标的说明" : "导入后请在月报中填写说明"}）`, byCode.get(w.indicator)?.name ?? w.indicator, "warning", rec.values[w.indicator]);
      notes.set(w.indicator, [...(notes.get(w.indicator) ?? []), w.message]);
    }
    const plan = planOf(rec.townId, rec.year);
    for (const [code, cross] of Object.entries(rec.cross ?? {})) {
      const ind = byCode.get(code);
      const value = rec.values[code];
      if (!ind || value === undefined) continue;
      if (cross.lastYear || cross.yoy || cross.delta || cross.planShare) {
        for (const p of crossCheck({ name: ind.name, unit: ind.unit, value, cross, storedLastYear: lastYear[code] ?? null, plan: plan[code] ?? null, lastYearLabel: `${rec.year - 1}年${rec.month === 1 ? "1月" : `1–${rec.month}月`}` })) {
          problem(p.message, p.column, "warning");
        }
      }
      const history = (rec.month > 1 ? facts.reports.get(prevKey)?.values[code] : undefined) ?? lastYear[code];
      if (cross.unit && history !== undefined && Number(history) > 0 && Number(value) > 0) {
        const key = `${rec.src.sheet}|${code}`;
        let e = ratios.get(key);
        if (!e) ratios.set(key, (e = { sheet: rec.src.sheet, code, unit: cross.unit, logs: [] }));
        e.logs.push(Math.log10(Number(value) / Number(history)));
      }
    }
    // A locked row is listed with its problem, not under what will be written.
    if (!locked) out.actions.push({ op: opOf(report !== null, changes), label: `${rec.townName} ${formatPeriodRange(rec.year, rec.month)}`, src: rec.src, changes });
    const statusChange = approve && report?.status !== "APPROVED";
    if (set.length > 0 || statusChange) {
      const write: TownWrite = { record: rec, report, set };
      if (approve) Object.assign(write, { approve, reopen, notes: [...notes].map(([code, messages]) => ({ code, text: historyNote(messages) })) });
      out.writes.push(write);
    }
  }
  const lastYearOf = (rec: TownValuesRecord) => {
    const k = rk(rec.townId, rec.year - 1, rec.month);
    return { ...(facts.reports.get(k)?.values ?? {}), ...(inFile.get(k)?.values ?? {}) };
  };
  out.problems.push(...rankProblems(records, lastYearOf, (code) => byCode.get(code)?.name ?? code));
  for (const e of ratios.values()) {
    const message = magnitudeSlip(e.logs, e.unit);
    if (message) out.problems.push({ sheet: e.sheet, row: null, column: byCode.get(e.code)?.name ?? e.code, message, severity: "warning" });
  }
  return out;
}

export type PlanWrite = { record: PlanRecord; set: { code: string; old: string | null; value: string }[] };

export function planPlans(records: PlanRecord[], stored: Map<string, Figures>, indicators: IndicatorRef[]): Planned<PlanWrite> {
  const out: Planned<PlanWrite> = { actions: [], problems: [], writes: [] };
  for (const rec of records) {
    const existing = stored.get(`${rec.regionId}|${rec.year}`) ?? {};
    const { changes, set } = diffFigures(existing, rec.values, indicators);
    const exists = Object.keys(existing).length > 0;
    for (const s of set) {
      if (s.value.startsWith("-")) out.problems.push({ sheet: rec.src.sheet, row: rec.src.row, column: indicators.find((i) => i.code === s.code)?.name ?? s.code, message: "年度计划不能为负数", severity: "error" });
    }
    out.actions.push({ op: opOf(exists, changes), label: `${rec.regionName} ${rec.year}年计划`, src: rec.src, changes });
    if (set.length > 0) out.writes.push({ record: rec, set });
  }
  return out;
}
