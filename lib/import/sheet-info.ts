// What the preview says about each sheet (its period, header rows, row counts and the unit applied
// to each column), and the rows a county adds that are not towns: 合计/总计/全县/小计/the county's own
// name — compared with the sum of the town rows, never stored — and whole sheets of peer counties.
import Decimal from "decimal.js";
import { formatNumber } from "@/lib/stats";
import { readCross, readFigures } from "./kinds/figures";
import { ROLE_LABELS, UNIT_SOURCE_LABELS, unitLabel, type SheetLayout } from "./layout";
import type { TownValuesRecord } from "./records";
import { townResolver, type Refs } from "./refs";
import type { RowReader } from "./rows";
import type { PeriodSource } from "./sheet-period";
import type { ImportKind, Problem, RawSheet } from "./types";

export type SheetColumnInfo = { header: string; target: string; role: string; imported: boolean; unit: string };
export type SheetInfo = {
  name: string;
  status: "data" | "skipped" | "refused";
  reason?: string;
  /** "2024-09", or null when each row carries its period (or none was found). */
  period?: string | null;
  periodFrom?: PeriodSource | null;
  /** "第3–4行" */
  headerRows?: string;
  rows?: number;
  totals?: number;
  unit?: string | null;
  columns?: SheetColumnInfo[];
  question?: { kind: "period" | "unit"; message: string };
};

const FIELD_LABELS: Record<string, string> = { town: "乡镇", period: "统计期", year: "年度", creditCode: "统一社会信用代码", name: "名称" };

export function describeSheet(name: string, layout: SheetLayout, refs: Refs): SheetInfo {
  const byField = new Map(refs.indicators.map((i) => [`ind:${i.code}`, i]));
  const imported = new Set(layout.values.map((v) => v.index));
  const columns = layout.columns.map((c) => {
    const ind = byField.get(c.field);
    return {
      header: c.header,
      target: ind?.name ?? FIELD_LABELS[c.field] ?? c.field,
      role: imported.has(c.index) ? ROLE_LABELS.value : c.role === "value" ? "重复的列，已忽略" : ROLE_LABELS[c.role],
      imported: imported.has(c.index),
      unit: ind ? unitLabel(c, ind.unit) : "—",
    };
  });
  const rows = layout.headerFirst === layout.headerLast ? `第${layout.headerFirst + 1}行` : `第${layout.headerFirst + 1}–${layout.headerLast + 1}行`;
  const unit = layout.sheetUnit ? `${layout.sheetUnit.unit}（${UNIT_SOURCE_LABELS[layout.sheetUnit.from]}）` : null;
  return { name, status: "data", headerRows: rows, rows: 0, totals: 0, unit, columns };
}

const TOTAL_WORDS = /^(合计|总计|小计|汇总|全县|全市|全区|全县合计|全市合计|全区合计|全县总计|全市总计|全区总计|县合计|市合计|区合计|全县\(市、区\)|全县\(市\)合计)$/;
const OLD_TOTAL = /^(合计|总计|小计|全县合计|全市合计|汇总)$/;

function isCountyTotal(text: string, refs: Refs): boolean {
  const t = text.normalize("NFKC").replace(/\s/g, "");
  if (TOTAL_WORDS.test(t)) return true;
  const name = refs.county.name;
  const short = name.replace(/(市|县|区)$/, "");
  return t === name || t === `${name}合计` || t === `${name}总计` || (short.length >= 2 && (t === short || t === `${short}合计`));
}

/**
 * A total row of a town sheet is compared with its towns (`compare`); the other kinds skip theirs
 * with a note (`skip`). A plans sheet's county row (全县, the county's name) is the county's own plan.
 */
export function totalRowKind(kind: ImportKind, regionText: string, firstText: string, refs: Refs): "compare" | "skip" | null {
  if (kind === "town_values") return isCountyTotal(regionText, refs) || isCountyTotal(firstText, refs) ? "compare" : null;
  return OLD_TOTAL.test(firstText.replace(/\s/g, "")) ? "skip" : null;
}

const money = (v: Decimal | string, unit: string) => `${formatNumber(v, 4).replace(/\.?0+$/, "")}${unit}`;

/** Each total row against the sum of the sheet's town rows: a warning where they differ beyond rounding. */
export function totalsProblems(sheet: string, totals: { row: number; reader: RowReader }[], records: TownValuesRecord[], refs: Refs): Problem[] {
  const indicators = refs.indicators.filter((i) => i.onTownForm);
  const parts = refs.peers ? "县（市、区）" : "乡镇";
  const out: Problem[] = [];
  for (const t of totals) {
    const values = readFigures(t.reader, indicators);
    const cross = readCross(t.reader, indicators, values) ?? {};
    for (const ind of indicators) {
      const total = values[ind.code];
      if (total === undefined) continue;
      let sum = new Decimal(0);
      let tol = new Decimal(cross[ind.code]?.half ?? 0);
      let n = 0;
      for (const r of records) {
        const v = r.values[ind.code];
        if (v === undefined) continue;
        sum = sum.plus(v);
        tol = tol.plus(r.cross?.[ind.code]?.half ?? 0);
        n++;
      }
      if (n === 0 || sum.minus(total).abs().lte(tol)) continue;
      out.push({
        sheet, row: t.row, column: ind.name, severity: "warning",
        message: `合计行与各${parts}之和不一致：表中合计${money(total, ind.unit)}，${n}个${parts}之和${money(sum, ind.unit)}，相差${money(sum.minus(total).abs(), ind.unit)}；合计行不导入，请核对各${parts}数据`,
      });
    }
  }
  return out;
}

const COUNTY_LIKE = /(县|市|区|旗)$/;
const TOWN_LIKE = /(开发区|园区|街道|镇|乡)$/;

/** A sheet whose rows are counties (this county's peers), not towns: refused with one clear message. */
export function peerCountySheet(sheet: RawSheet, layout: SheetLayout, dataStart: number, refs: Refs): string | null {
  const col = layout.values.find((c) => c.field === "town");
  if (!col) return null;
  const resolve = townResolver(refs);
  let towns = 0;
  const counties: string[] = [];
  for (let r = dataStart; r < sheet.rows.length; r++) {
    const text = sheet.rows[r][col.index]?.text?.normalize("NFKC").replace(/\s/g, "");
    if (!text || isCountyTotal(text, refs)) continue;
    if (resolve(text)) towns++;
    else if (COUNTY_LIKE.test(text) && !TOWN_LIKE.test(text)) counties.push(text);
  }
  if (counties.length < 2 || counties.length <= towns) return null;
  return `这是县区表：各行是县（市、区）（如“${counties.slice(0, 2).join("”“")}”），不是${refs.county.name}的乡镇（街道）。县（市、区）的数据由市级审核员在“全市分县数据”（/city/figures）中导入；这里请导入各乡镇的数据表`;
}
