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
import type { Problem } from "./types";

export type StoredReport = { id: number; status: ReportStatus; version: number; values: Figures };

export type TownFacts = {
  /** Stored reports by `${townId}|${year}|${month}`: the file's periods, the months before and last year's. */
  reports: Map<string, StoredReport>;
  /** Annual plans by `${townId}|${year}`. */
  plans: Map<string, Figures>;
};

export type TownWrite = { record: TownValuesRecord; report: StoredReport | null; set: { code: string; old: string | null; value: string }[] };

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

export function planTownValues(records: TownValuesRecord[], facts: TownFacts, indicators: IndicatorRef[]): Planned<TownWrite> {
  const out: Planned<TownWrite> = { actions: [], problems: [], writes: [] };
  const inFile = new Map(records.map((r) => [rk(r.townId, r.year, r.month), r]));
  const rules: IndicatorRule[] = indicators.filter((i) => i.onTownForm);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  // Per sheet and money column: log10(figure ÷ the town's own history), for the unit check.
  const ratios = new Map<string, { sheet: string; code: string; unit: string; logs: number[] }>();
  for (const rec of records) {
    const report = facts.reports.get(rk(rec.townId, rec.year, rec.month)) ?? null;
    const { changes, set } = diffFigures(report?.values ?? {}, rec.values, indicators);
    const problem = (message: string, column: string | null, severity: Problem["severity"] = "error") =>
      out.problems.push({ sheet: rec.src.sheet, row: rec.src.row, column, message, severity });
    const locked = report && set.length > 0 && !canImportInto("town_values", report.status) ? periodLockReason(report.status) : null;
    if (locked) {
      problem(`${rec.townName}${formatPeriodRange(rec.year, rec.month)}月报${locked}，不能通过导入修改；如需更正请先退回或重新打开`, null);
    }
    // The figures as they will be after the import, checked like a submitted form.
    const merged = { ...(report?.values ?? {}), ...rec.values };
    const prevKey = rk(rec.townId, rec.year, rec.month - 1);
    const previous = rec.month > 1 ? { ...(facts.reports.get(prevKey)?.values ?? {}), ...(inFile.get(prevKey)?.values ?? {}) } : {};
    const checks = runChecks({
      month: rec.month,
      indicators: rules,
      values: merged,
      previousYtd: previous,
      lastYear: facts.reports.get(rk(rec.townId, rec.year - 1, rec.month))?.values ?? {},
      plans: facts.plans.get(`${rec.townId}|${rec.year}`) ?? {},
    });
    for (const e of checks.errors) if (rec.values[e.indicator] !== undefined) problem(e.message, byCode.get(e.indicator)?.name ?? e.indicator);
    for (const w of checks.warnings) if (rec.values[w.indicator] !== undefined) problem(`${w.message}（核实性审核，导入后请在月报中填写说明）`, byCode.get(w.indicator)?.name ?? w.indicator, "warning");
    const lastYear = facts.reports.get(rk(rec.townId, rec.year - 1, rec.month))?.values ?? {};
    const plan = facts.plans.get(`${rec.townId}|${rec.year}`) ?? {};
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
    if (set.length > 0) out.writes.push({ record: rec, report, set });
  }
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
