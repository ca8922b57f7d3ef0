// Town monthly figures and annual plans: one row per region, one column per indicator.
import { indicatorField, indicatorSpecs, PERIOD, TOWN, YEAR, type IndicatorRef } from "../columns";
import type { FieldSpec } from "../headers";
import type { PlanRecord, TownValuesRecord, Figures } from "../records";
import { townResolver, type Refs } from "../refs";
import type { RowReader } from "../rows";
import { parseFigureCell, parseYearText } from "../values";
import { halfUlp, rankBy, readAmount, readPercent, readRank, type CrossFigures } from "../cross-check";

/** The field a cross-check column is registered under in a row's reader: `yoy|ind:gross_output`. */
export const crossField = (role: "lastYear" | "yoy" | "delta" | "planShare" | "rank" | "plan", field: string) => `${role}|${field}`;

const MONEY_EXP: Record<string, number> = { 元: -4, 万元: 0, 亿元: 4 };

/** The sheet's 上年同期/同比/增减/占年计划 beside each figure, and the figure's rounding. */
export function readCross(r: RowReader, indicators: readonly IndicatorRef[], values: Figures): Record<string, CrossFigures> | undefined {
  const out: Record<string, CrossFigures> = {};
  for (const ind of indicators) {
    if (values[ind.code] === undefined) continue;
    const field = indicatorField(ind.code);
    const text = r.text(field) ?? "";
    const own = /亿/.test(text) ? 4 : /万/.test(text) ? 0 : /元/.test(text) ? -4 : null;
    const shift = ind.unit === "万元" ? (own ?? MONEY_EXP[r.unitOf(field) ?? "万元"] ?? 0) : 0;
    const cross: CrossFigures = { half: halfUlp(text, shift), ...(ind.unit === "万元" ? { unit: own === null ? r.unitOf(field) ?? "万元" : { 4: "亿元", 0: "万元", [-4]: "元" }[own] } : {}) };
    const ly = crossField("lastYear", field);
    const delta = crossField("delta", field);
    if (r.has(ly)) cross.lastYear = readAmount(r.text(ly), r.unitOf(ly), ind) ?? undefined;
    if (r.has(delta)) cross.delta = readAmount(r.text(delta), r.unitOf(delta), ind) ?? undefined;
    if (r.has(crossField("yoy", field))) cross.yoy = readPercent(r.text(crossField("yoy", field))) ?? undefined;
    if (r.has(crossField("planShare", field))) cross.planShare = readPercent(r.text(crossField("planShare", field))) ?? undefined;
    const rank = crossField("rank", field);
    if (r.has(rank)) {
      const value = readRank(r.text(rank));
      if (value !== null) cross.rank = { value, by: rankBy(r.header(rank)) };
    }
    out[ind.code] = cross;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The sheet's 年计划 beside the figures (a history import writes them as the year's plans; any other
 * import lists the column as not imported). Read quietly: an unreadable or negative plan is a warning.
 */
export function readPlanColumns(r: RowReader, indicators: readonly IndicatorRef[]): Figures | undefined {
  const out: Figures = {};
  for (const ind of indicators) {
    const field = crossField("plan", indicatorField(ind.code));
    if (!r.has(field)) continue;
    const text = r.text(field);
    if (!text) continue;
    const p = parseFigureCell(text, { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: false, headerUnit: ind.unit === "万元" ? r.unitOf(field) ?? null : null });
    if (p.ok && p.value !== null) out[ind.code] = p.value;
    else r.problem(field, `年计划“${text}”无法读取（${p.ok ? "空白" : p.message}），不作为年度计划导入`, "warning");
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const townIndicators = (refs: Refs) => refs.indicators.filter((i) => i.onTownForm);
// "县（市、区）" heads a sheet of the county's peers: matched here so the sheet is recognised and refused.
const REGION: FieldSpec = { ...TOWN, aliases: [...TOWN.aliases, "县区", "县市区", "县（市、区）", "县市"] };
// Built once per import (refs), not once per row.
const towns = new WeakMap<Refs, ReturnType<typeof townResolver>>();
const townOf = (refs: Refs) => {
  let f = towns.get(refs);
  if (!f) towns.set(refs, (f = townResolver(refs)));
  return f;
};

export function readFigures(r: RowReader, indicators: readonly IndicatorRef[]): Figures {
  const values: Figures = {};
  for (const ind of indicators) {
    const v = r.figure(indicatorField(ind.code), { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
    if (typeof v === "string") values[ind.code] = v;
  }
  return values;
}

function resolveRegion(r: RowReader, refs: Refs, allowCounty: boolean) {
  const raw = r.required("town", "乡镇");
  if (raw === null) return null;
  const county = allowCounty && (raw === refs.county.name || raw === refs.county.code || /^(全县|全市|全区|合计)$/.test(raw)) ? refs.county : null;
  const town = county ?? townOf(refs)(raw);
  if (!town) {
    r.problem("town", refs.peers ? `县（市、区）“${raw}”不在${refs.county.name}的区划中，请先在系统管理中添加或改正名称` : `未知乡镇“${raw}”：${refs.county.name}没有该乡镇（街道）`);
    return null;
  }
  if (refs.onlyTownId !== null && town.id !== refs.onlyTownId) {
    r.problem("town", `只能导入本镇的数据，“${town.name}”不是您所在的乡镇`);
    return null;
  }
  const typed = raw.normalize("NFKC").replace(/\s/g, "");
  if (!county && typed !== town.name && typed !== town.code) r.problem("town", `“${raw}”按“${town.name}”匹配，请确认`, "warning");
  return town;
}

/** A row without a single figure is skipped with a warning (often a subtotal or a note). */
const hasAny = (values: Figures, r: RowReader) => {
  const any = Object.keys(values).length > 0;
  if (!any && r.ok) r.problem(null, "该行没有任何指标数值，已跳过", "warning");
  return any;
};

export const townValuesKind = {
  specs: (refs: Refs): FieldSpec[] => [REGION, PERIOD, ...indicatorSpecs(townIndicators(refs))],
  parse(r: RowReader, refs: Refs): TownValuesRecord | null {
    const town = resolveRegion(r, refs, false);
    const period = r.period(refs.defaultPeriod);
    const values = readFigures(r, townIndicators(refs));
    if (!town || !period || !r.ok || !hasAny(values, r)) return null;
    const cross = readCross(r, townIndicators(refs), values);
    const plans = readPlanColumns(r, townIndicators(refs));
    return { src: r.src, townId: town.id, townName: town.name, year: period.year, month: period.month, values, ...(cross ? { cross } : {}), ...(plans ? { plans } : {}) };
  },
  key: (x: TownValuesRecord) => `${x.townId}|${x.year}|${x.month}`,
  keyLabel: "同一乡镇、同一统计期",
};

export const plansKind = {
  specs: (refs: Refs): FieldSpec[] => [{ ...REGION, aliases: [...REGION.aliases, "地区名称"] }, YEAR, ...indicatorSpecs(townIndicators(refs))],
  parse(r: RowReader, refs: Refs): PlanRecord | null {
    const region = resolveRegion(r, refs, refs.onlyTownId === null);
    let year = r.has("year") ? r.read("year", parseYearText) : null;
    if (year === null) year = refs.defaultPeriod?.year ?? null;
    if (year === null) r.problem("year", "未指定计划年度：请在页面上选择年度，或在表中增加“年度”列");
    const values = readFigures(r, townIndicators(refs));
    if (!region || !year || !r.ok || !hasAny(values, r)) return null;
    return { src: r.src, regionId: region.id, regionName: region.name, year, values };
  },
  key: (x: PlanRecord) => `${x.regionId}|${x.year}`,
  keyLabel: "同一地区、同一年度",
};

export { resolveRegion };
