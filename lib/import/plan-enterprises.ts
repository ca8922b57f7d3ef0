// The enterprise register and enterprises' monthly figures against what is stored.
import { toDecimal } from "@/lib/stats";
import type { Ownership } from "@/lib/generated/prisma/enums";
import { formatPeriodRange } from "@/lib/stats";
import type { IndicatorRef } from "./columns";
import { diffFigures } from "./plan-figures";
import { compareDecimal, opOf, type Change, type Planned } from "./plan-types";
import type { EnterpriseRecord, EnterpriseValuesRecord, Figures } from "./records";
import { OWNERSHIP_LABELS } from "./values";

export type StoredEnterprise = { id: number; creditCode: string; name: string; townId: number; parkId: number | null; industryCode: string; ownership: Ownership; aboveScale: boolean };
export type EnterpriseWrite = { record: EnterpriseRecord; stored: StoredEnterprise | null; changes: Change[] };

type Names = { town: (id: number) => string; park: (id: number | null) => string | null };

export function planEnterprises(records: EnterpriseRecord[], stored: Map<string, StoredEnterprise>, names: Names): Planned<EnterpriseWrite> {
  const out: Planned<EnterpriseWrite> = { actions: [], problems: [], writes: [] };
  for (const rec of records) {
    const old = stored.get(rec.creditCode) ?? null;
    const changes: Change[] = [];
    const cmp = (field: string, a: string | null, b: string | null) => {
      if (a !== b) changes.push({ field, old: a, new: b });
    };
    cmp("企业名称", old?.name ?? null, rec.name);
    cmp("乡镇", old ? names.town(old.townId) : null, names.town(rec.townId));
    // Optional columns left blank keep what is stored.
    if (rec.parkId !== null || !old) cmp("园区", old ? names.park(old.parkId) : null, names.park(rec.parkId));
    cmp("行业代码", old?.industryCode ?? null, rec.industryCode);
    if (rec.ownership) cmp("经济类型", old ? OWNERSHIP_LABELS[old.ownership] : null, OWNERSHIP_LABELS[rec.ownership]);
    if (rec.aboveScale !== null) cmp("是否规上", old ? (old.aboveScale ? "是" : "否") : null, rec.aboveScale ? "是" : "否");
    const effective = old ? changes : changes.filter((c) => c.new !== null && c.new !== "");
    out.actions.push({ op: opOf(old !== null, changes), label: `${rec.name}（${rec.creditCode}）`, src: rec.src, changes: effective });
    if (!old || changes.length > 0) out.writes.push({ record: rec, stored: old, changes });
  }
  return out;
}

export type EnterpriseValueWrite = { record: EnterpriseValuesRecord; set: { code: string; old: string | null; value: string }[] };

/** Stored figures by `${enterpriseId}|${year}|${month}`. */
export function planEnterpriseValues(records: EnterpriseValuesRecord[], stored: Map<string, Figures>, indicators: IndicatorRef[]): Planned<EnterpriseValueWrite> {
  const out: Planned<EnterpriseValueWrite> = { actions: [], problems: [], writes: [] };
  const rules = indicators.filter((i) => i.onEnterpriseForm);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const inFile = new Map(records.map((r) => [`${r.enterpriseId}|${r.year}|${r.month}`, r.values]));
  for (const rec of records) {
    const key = `${rec.enterpriseId}|${rec.year}|${rec.month}`;
    const existing = stored.get(key) ?? {};
    const { changes, set } = diffFigures(existing, rec.values, rules);
    const prevKey = `${rec.enterpriseId}|${rec.year}|${rec.month - 1}`;
    const previous = rec.month > 1 ? merged(stored.get(prevKey), inFile.get(prevKey)) : NONE;
    for (const e of logicalErrors(merged(existing, rec.values), previous, rules)) {
      if (rec.values[e.code] !== undefined) out.problems.push({ sheet: rec.src.sheet, row: rec.src.row, column: byCode.get(e.code)?.name ?? e.code, message: e.message, severity: "error" });
    }
    out.actions.push({ op: opOf(!isEmpty(existing), changes), label: `${rec.name} ${formatPeriodRange(rec.year, rec.month)}`, src: rec.src, changes });
    if (set.length > 0) out.writes.push({ record: rec, set });
  }
  return out;
}

const NONE: Figures = Object.freeze({}) as Figures;

/** `{ ...a, ...b }` without copying when one side is empty (most rows of a large file). */
function merged(a: Figures | undefined, b: Figures | undefined): Figures {
  if (!a || isEmpty(a)) return b ?? NONE;
  if (!b || isEmpty(b)) return a;
  return { ...a, ...b };
}

function isEmpty(f: Figures): boolean {
  for (const _ in f) return false;
  return true;
}

const shown = (x: string, r: IndicatorRef) => `${toDecimal(x)!.toFixed(r.precision)}${r.unit}`;

/**
 * The logical checks of lib/checks that apply to one enterprise's figures, in their wording:
 * a YTD below last month's and profit above sales. runChecks costs ≈0.1 ms per call, too much
 * for 50k rows, and its verification warnings need last year's figures we do not load here.
 */
export function logicalErrors(values: Figures, previous: Figures, rules: IndicatorRef[]): { code: string; message: string }[] {
  const out: { code: string; message: string }[] = [];
  for (const r of rules) {
    const v = values[r.code];
    const p = previous[r.code];
    if (v === undefined || p === undefined || r.kind !== "FLOW" || r.allowNegative) continue;
    if (compareDecimal(v, p) < 0) out.push({ code: r.code, message: `${r.name}本月止累计（${shown(v, r)}）小于上月止累计（${shown(p, r)}），当月数为负，请核实` });
  }
  const profit = values.profit;
  const sales = values.sales_revenue;
  const pr = rules.find((r) => r.code === "profit");
  const sr = rules.find((r) => r.code === "sales_revenue");
  if (profit !== undefined && sales !== undefined && pr && sr && compareDecimal(profit, sales) > 0) {
    out.push({ code: "profit", message: `${pr.name}（${shown(profit, pr)}）不能大于${sr.name}（${shown(sales, sr)}）` });
  }
  return out;
}
