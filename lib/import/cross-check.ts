// Columns a county's sheet carries beside its figures — 上年同期, 同比, 增减, 占年计划 — are not
// imported (the server computes them) but compared with what the server computes from the imported
// figures. A difference beyond what the sheet's own rounding explains is a warning naming both
// figures: a typo in the figures shows up here. Pure; exact decimals.
import Decimal from "decimal.js";
import { parseFigureCell } from "./values";
import { formatNumber, formatPercent } from "@/lib/stats";

/** A figure read from a cross-check column: its value and half a unit of its last written digit. */
export type Reading = { value: string; half: string };
/** A sheet's 排名 beside a figure: the place it states, and whether it ranks the totals or the growth (增幅排名). */
export type RankReading = { value: number; by: "total" | "growth" };
export type CrossFigures = { half: string; /** the money unit the column was read in */ unit?: string; lastYear?: Reading; yoy?: Reading; delta?: Reading; planShare?: Reading; rank?: RankReading };

/** "3", "第3位", "第3名", "3 " → 3; anything else → no reading. */
export function readRank(text: string | null): number | null {
  if (!text) return null;
  const m = /^第?\s*(\d{1,3})\s*[位名]?$/.exec(text.normalize("NFKC").trim());
  return m && Number(m[1]) >= 1 ? Number(m[1]) : null;
}

/** A 排名 header that names growth (增幅排名, 增速位次, 同比排名) ranks by 同比; any other ranks by the total. */
export const rankBy = (header: string): RankReading["by"] => (/增幅|增速|同比|增长/.test(header) ? "growth" : "total");

const EXPONENT: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** Decimal places between how a cell is written and the indicator's unit: "1.2亿" in 万元 → 4. */
function shiftOf(text: string, columnUnit: string | null | undefined, indicatorUnit: string): number {
  if (indicatorUnit !== "万元") return 0;
  const t = text.normalize("NFKC");
  const own = /亿/.test(t) ? 8 : /万/.test(t) ? 4 : /元\s*$/.test(t) ? 0 : null;
  return (own ?? EXPONENT[columnUnit ?? "万元"] ?? 4) - 4;
}

/**
 * Half a unit of the text's last digit, shifted into the indicator's unit, as an exact decimal
 * string ("5e-5" for "1.2345" in 亿元 read as 万元 … ): written, not computed — a county workbook has
 * ≈10k figures, and Decimal.pow for each cost more than reading them.
 */
export function halfUlp(text: string, shift: number): string {
  const t = text.normalize("NFKC");
  const dot = t.search(/[.．]\d/);
  let decimals = 0;
  if (dot >= 0) while (dot + 1 + decimals < t.length && t.charCodeAt(dot + 1 + decimals) >= 48 && t.charCodeAt(dot + 1 + decimals) <= 57) decimals++;
  const exp = shift - decimals - 1;
  return exp >= 0 ? `5${"0".repeat(exp)}` : `0.${"0".repeat(-exp - 1)}5`;
}

/** A money (or count) figure in a cross-check column, quietly: unreadable text is no reading. */
export function readAmount(text: string | null, columnUnit: string | null | undefined, ind: { unit: string }): Reading | null {
  if (!text) return null;
  const r = parseFigureCell(text, { unit: ind.unit, allowNegative: true, headerUnit: ind.unit === "万元" ? columnUnit ?? null : null });
  if (!r.ok || r.value === null) return null;
  return { value: r.value, half: halfUlp(text, shiftOf(text, columnUnit, ind.unit)) };
}

/** "12.5", "12.5%", "-3.2%", "+4" → a percentage; "—", "扭亏" … → no reading. */
export function readPercent(text: string | null): Reading | null {
  if (!text) return null;
  const t = text.normalize("NFKC").replace(/[\s%％]|个百分点/g, "").replace(/^\+/, "").replace(/^−/, "-");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return { value: new Decimal(t).toString(), half: halfUlp(t, 0) };
}

type CheckInput = {
  name: string;
  unit: string;
  value: string;
  cross: CrossFigures;
  /** Last year's figure of the same period as stored, and this year's plan as stored. */
  storedLastYear: string | null;
  plan: string | null;
  lastYearLabel: string;
};

export type CrossProblem = { column: string; message: string };

const money = (v: Decimal | string, unit: string) => `${formatNumber(v, 4).replace(/\.?0+$/, "")}${unit}`;
const decimals = (r: Reading) => (r.value.split(".")[1] ?? "").length;
/** The sheet's percentage as written; the computed one to as many places (at least one). */
const pct = (v: Decimal | string, digits = 1) => formatPercent(v, Math.max(1, digits));

export function crossCheck(c: CheckInput): CrossProblem[] {
  const out: CrossProblem[] = [];
  const v = new Decimal(c.value);
  const hv = new Decimal(c.cross.half);
  const stored = c.storedLastYear === null ? null : new Decimal(c.storedLastYear);
  const sheetBase = c.cross.lastYear ? new Decimal(c.cross.lastYear.value) : null;
  const hb = c.cross.lastYear ? new Decimal(c.cross.lastYear.half) : new Decimal(0);
  if (sheetBase && stored && sheetBase.minus(stored).abs().gt(hb)) {
    out.push({ column: `${c.name}·上年同期`, message: `上年同期与系统中${c.lastYearLabel}的数据不符：表中为${money(sheetBase, c.unit)}，系统中为${money(stored, c.unit)}；导入不会修改上年数据，请核对` });
  }
  const base = sheetBase ?? stored;
  const baseFrom = sheetBase ? "表中上年同期" : "系统中上年同期";
  if (c.cross.yoy && base && base.gt(0)) {
    const computed = v.minus(base).div(base).times(100);
    // How far rounding alone can move the percentage: the sheet's last digit, and its figures' last digits.
    const tol = new Decimal(c.cross.yoy.half).plus(hv.div(base).plus(hb.times(v.abs()).div(base.pow(2))).times(100)).plus("1e-9");
    if (computed.minus(c.cross.yoy.value).abs().gt(tol)) {
      out.push({ column: `${c.name}·同比`, message: `同比与表中数据不符：表中为${c.cross.yoy.value}%，按本年累计${money(v, c.unit)}、${baseFrom}${money(base, c.unit)}计算为${pct(computed, decimals(c.cross.yoy))}；请核对这一行的数据是否录入有误` });
    }
  }
  if (c.cross.delta && base) {
    const computed = v.minus(base);
    const tol = new Decimal(c.cross.delta.half).plus(hv).plus(hb);
    if (computed.minus(c.cross.delta.value).abs().gt(tol)) {
      out.push({ column: `${c.name}·增减`, message: `增减与表中数据不符：表中为${money(c.cross.delta.value, c.unit)}，按本年累计${money(v, c.unit)}、${baseFrom}${money(base, c.unit)}计算为${money(computed, c.unit)}；请核对` });
    }
  }
  if (c.cross.planShare && c.plan !== null && new Decimal(c.plan).gt(0)) {
    const plan = new Decimal(c.plan);
    const computed = v.div(plan).times(100);
    const tol = new Decimal(c.cross.planShare.half).plus(hv.div(plan).times(100)).plus("1e-9");
    if (computed.minus(c.cross.planShare.value).abs().gt(tol)) {
      out.push({ column: `${c.name}·占年计划`, message: `占年计划与系统数据不符：表中为${c.cross.planShare.value}%，按本年累计${money(v, c.unit)}、系统中年计划${money(plan, c.unit)}计算为${pct(computed, decimals(c.cross.planShare))}；请核对` });
    }
  }
  return out;
}

const EXP_UNIT: Record<number, string> = { 0: "元", 4: "万元", 8: "亿元" };

/**
 * A column's figures against the towns' own history (log10 of figure ÷ history, per row): about
 * 10⁴ or 10⁸ off in the middle of the column is a unit slip, and the message names the likely unit.
 */
export function magnitudeSlip(ratios: number[], readUnit: string): string | null {
  const finite = ratios.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const median = finite[Math.floor(finite.length / 2)];
  const k = Math.round(median / 4) * 4;
  if (k === 0 || Math.abs(median - k) > 0.7) return null;
  const read = { 元: 0, 万元: 4, 亿元: 8 }[readUnit] ?? 4;
  const likely = EXP_UNIT[read - k];
  const times = k < 0 ? `${k === -4 ? "万" : "亿"}分之一` : `${k === 4 ? "一万" : "一亿"}倍`;
  return `该列数值约为这些乡镇历史数据的${times}（按${readUnit}读取）${likely ? `，表中单位可能是${likely}` : ""}；请核对单位（可在预览中为该表选择单位）后重新预览`;
}
