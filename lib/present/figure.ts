// The one presenter: how a figure reads wherever it is shown — the overview's KPI row and tables,
// town pages, the wall, the bulletin and exports. Value text and unit, growth words, tone and
// plan text are decided here once, from the exact figure, rounding once to the shown digit, so two
// views can never round or colour the same cell differently. Pure and client-safe.
import type { Cell } from "@/lib/overview/compute";
import {
  formatGrowth,
  formatNumber,
  formatPercent,
  formatScheduleGap,
  formatSigned,
  formatYi,
  MISSING,
  roundHalfUp,
  type LossChange,
  type Num,
} from "@/lib/stats";

/** up: growth (red for leaders), down: decline (green), flat: reads 0 after rounding, none: no value. */
export type Tone = "up" | "down" | "flat" | "none";

export type PresentIndicator = { unit: string; precision: number; percentPrecision: number };

/** "yi": money (万元) shown in 亿元 with 2 decimals, as headline figures are; "native": the indicator's own unit. */
export type Scale = "yi" | "native";

/** The tone of a percentage or a points gap as the reader sees it: decided after rounding (−0.04% reads 持平, flat). */
export function toneOf(p: Num, digits = 1): Tone {
  const r = roundHalfUp(p, digits);
  if (r === null) return "none";
  return r.isZero() ? "flat" : r.isPos() ? "up" : "down";
}

const LOSS_TONES: Record<LossChange, Tone> = { 扭亏为盈: "up", 减亏: "up", 增亏: "down", 持平: "flat" };

export type GrowthText = {
  /** "增长12.3%" / "下降4.5%" / "持平" / "扭亏为盈" / "减亏" / "增亏" / "—" */
  words: string;
  /** "12.3%" / "-4.5%" / "0.0%", or the loss words */
  percent: string;
  /** "+12.3%" / "-4.5%" / "0.0%", or the loss words */
  signed: string;
  tone: Tone;
};

/** 同比 of a cell: words on a negative base (扭亏为盈/减亏/增亏), else the percentage rounded once. */
export type GrowthInput = { yoyPercent: Num; lossChange: LossChange | null };

export function presentGrowth(cell: GrowthInput | null | undefined, digits = 1): GrowthText {
  const loss = cell?.lossChange ?? null;
  if (loss) return { words: loss, percent: loss, signed: loss, tone: LOSS_TONES[loss] };
  const p = cell?.yoyPercent ?? null;
  const signed = formatSigned(p, digits);
  return { words: formatGrowth(p, digits), percent: formatPercent(p, digits), signed: signed === MISSING ? MISSING : `${signed}%`, tone: toneOf(p, digits) };
}

export type ValueText = { text: string; unit: string };

/** A figure with its unit, rounded once from the exact value to the displayed unit and digits. */
export function presentValue(value: Num, ind: Pick<PresentIndicator, "unit" | "precision">, scale: Scale = "native"): ValueText {
  if (scale === "yi" && ind.unit === "万元") return { text: formatYi(value, 2), unit: "亿元" };
  return { text: formatNumber(value, ind.precision), unit: ind.unit };
}

export type PlanText = {
  /** 完成年计划 "65.2%" or "—" */
  completion: string;
  /** "超时序进度6.9个百分点" / "落后时序进度2.1个百分点" / "与时序进度持平" / "—" */
  gap: string;
  /** The gap as a signed number of points without the unit: "6.9" / "-2.1" / "—" (table columns). */
  gapPoints: string;
  gapTone: Tone;
};

export function presentPlan(cell: Pick<Cell, "planCompletionPercent" | "scheduleGapPoints"> | null | undefined, digits = 1): PlanText {
  const points = cell?.scheduleGapPoints ?? null;
  return {
    completion: formatPercent(cell?.planCompletionPercent ?? null, digits),
    gap: formatScheduleGap(points, 1),
    gapPoints: formatNumber(points, 1),
    gapTone: toneOf(points, 1),
  };
}

export type PresentedCell = ValueText & {
  base: string;
  increase: string;
  growth: GrowthText;
  plan: PlanText;
  share: string;
  contribution: string;
  /** 拉动, points without the unit */
  pull: string;
};

/** Everything a view shows of one region × indicator cell. A missing cell reads "—" throughout. */
export function presentCell(cell: Cell | null | undefined, ind: PresentIndicator, scale: Scale = "native"): PresentedCell {
  const p = ind.percentPrecision;
  const value = presentValue(cell?.value ?? null, ind, scale);
  return {
    ...value,
    base: presentValue(cell?.base ?? null, ind, scale).text,
    increase: presentValue(cell?.increase ?? null, ind, scale).text,
    growth: presentGrowth(cell, p),
    plan: presentPlan(cell, p),
    share: formatPercent(cell?.sharePercent ?? null, p),
    contribution: formatPercent(cell?.contributionPercent ?? null, p),
    pull: formatNumber(cell?.pullPoints ?? null, p),
  };
}

/**
 * What a total's 同比 leaves out: children in the total's value with no figure a year ago (a zone
 * set up this year), so its growth is like for like. Null when nothing is left out.
 */
export function growthScopeNote(excluded: readonly string[] | undefined): string | null {
  if (!excluded || excluded.length === 0) return null;
  return `合计同比不含新设（上年同期无数据）的${excluded.join("、")}`;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A value as an audit entry recorded it (a figure as stored, or any text: a status, a stage, an
 * explanation): a plain number reads with separators and its own decimals, at least two when it has
 * any ("1565949.6000" → "1,565,949.60", "126" → "126"); anything else as it is; nothing is "—".
 */
export function presentLoggedValue(text: string | null | undefined): string {
  if (text === null || text === undefined || text === "") return MISSING;
  const t = text.trim();
  if (!PLAIN_NUMBER.test(t)) return text;
  const decimals = (t.split(".")[1] ?? "").replace(/0+$/, "").length;
  return formatNumber(t, decimals === 0 ? 0 : Math.max(2, decimals));
}
