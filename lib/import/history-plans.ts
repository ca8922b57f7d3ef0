// The 年计划 column of a county's monthly sheets, in a history import (decision 017): each town's
// plan for the year, written as its annual plan. A workbook repeats the plan on every month's sheet;
// where a later month states another figure (a plan adjusted mid-year), the latest month's is the
// year's plan and a warning names both. Pure.
import { formatNumber } from "@/lib/stats";
import type { IndicatorRef } from "./columns";
import { opOf, sameFigure, type Action } from "./plan-types";
import type { Figures, TownValuesRecord } from "./records";
import type { Problem } from "./types";

export type YearPlan = { townId: number; townName: string; year: number; month: number; src: TownValuesRecord["src"]; values: Figures };
export type YearPlanWrite = { regionId: number; year: number; set: { code: string; old: string | null; value: string }[] };

/** The plans the file states, by `${townId}|${year}`, the latest month's per indicator. */
export function filePlans(records: readonly TownValuesRecord[], nameOf: (code: string) => string): { plans: Map<string, YearPlan>; problems: Problem[] } {
  const plans = new Map<string, YearPlan>();
  const problems: Problem[] = [];
  const from = new Map<string, { month: number; src: TownValuesRecord["src"]; value: string }>();
  for (const rec of [...records].sort((a, b) => a.month - b.month)) {
    if (!rec.plans) continue;
    const key = `${rec.townId}|${rec.year}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = { townId: rec.townId, townName: rec.townName, year: rec.year, month: rec.month, src: rec.src, values: {} }));
    for (const [code, value] of Object.entries(rec.plans)) {
      const before = from.get(`${key}|${code}`);
      if (before && !sameFigure(before.value, value)) {
        problems.push({
          sheet: rec.src.sheet, row: rec.src.row, column: `${nameOf(code)}·年计划`, severity: "warning",
          message: `${rec.townName}${rec.year}年的年计划与工作表“${before.src.sheet}”第${before.src.row}行不同（${formatNumber(before.value, 4).replace(/\.?0+$/, "")} → ${formatNumber(value, 4).replace(/\.?0+$/, "")}），按最后一个月的年计划导入`,
        });
      }
      from.set(`${key}|${code}`, { month: rec.month, src: rec.src, value });
      plan.values[code] = value;
    }
  }
  return { plans, problems };
}

/** What the file's plans change against the stored ones: actions for the preview and the writes. */
export function planYearPlans(plans: Map<string, YearPlan>, stored: Map<string, Figures>, indicators: readonly IndicatorRef[]): { actions: Action[]; writes: YearPlanWrite[] } {
  const actions: Action[] = [];
  const writes: YearPlanWrite[] = [];
  for (const [key, plan] of plans) {
    const existing = stored.get(key) ?? {};
    const set: YearPlanWrite["set"] = [];
    const changes: Action["changes"] = [];
    for (const ind of indicators) {
      const value = plan.values[ind.code];
      if (value === undefined) continue;
      const old = existing[ind.code] ?? null;
      if (sameFigure(old, value)) continue;
      set.push({ code: ind.code, old, value });
      changes.push({ field: ind.name, old, new: value });
    }
    actions.push({ op: opOf(Object.keys(existing).length > 0, changes), label: `${plan.townName} ${plan.year}年计划`, src: plan.src, changes });
    if (set.length > 0) writes.push({ regionId: plan.townId, year: plan.year, set });
  }
  return { actions, writes };
}
