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
  toDecimal,
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

export type ShareText = {
  /** "72.4%"; a part that is not zero but rounds to zero reads as the smallest shown step, "0.1%". */
  text: string;
  /** The part is below `text` (it rounds to zero): read "不足0.1%", never "0.0%". */
  below: boolean;
};

/** A part of a whole in %, as a sentence reads it: "是…的72.4%", "不足…的0.1%"; "—" with no value. */
export function presentShareOf(p: Num, digits = 1): ShareText {
  const r = roundHalfUp(p, digits);
  if (r === null) return { text: MISSING, below: false };
  const exact = toDecimal(p);
  if (r.isZero() && exact !== null && exact.gt(0)) return { text: formatPercent(`1e-${digits}`, digits), below: true };
  return { text: formatPercent(r, digits), below: false };
}

/** The share as a phrase of its own: "72.4%" / "不足0.1%" / "—". */
export function presentShare(p: Num, digits = 1): string {
  const s = presentShareOf(p, digits);
  return s.below ? `不足${s.text}` : s.text;
}

const TEN_POWERS = ["十", "百", "千", "万", "十万", "百万", "千万", "亿"] as const;

/**
 * A small ratio (0 < ratio < 1) in the words a reader uses for orders of magnitude: 1/9,668 reads
 * "不足…的千分之一" (below: true), exactly 1/1,000 "…的千分之一". Beyond 亿分之一 it stays at 亿分之一
 * (below). Null when the ratio is not in (0, 1), or not above a tenth of a tenth (use presentShare).
 */
export function presentFraction(ratio: Num): { text: string; below: boolean } | null {
  const r = toDecimal(ratio);
  if (r === null || !r.gt(0) || !r.lte("0.01")) return null;
  // the largest power 10^k (k ≥ 2) with ratio ≤ 10^-k
  let k = 2;
  while (k < TEN_POWERS.length && r.lte(`1e-${k + 1}`)) k += 1;
  return { text: `${TEN_POWERS[k - 1]}分之一`, below: !r.eq(`1e-${k}`) };
}

/** A place among siblings (town in its county, county in its city): "第3位"; "—" without one. */
export function presentRank(rank: number | null | undefined): string {
  return rank == null || !Number.isInteger(rank) || rank < 1 ? MISSING : `第${rank}位`;
}

export type RankChangeText = { /** "前移2位" / "后移1位" / "持平" / "—" */ words: string; tone: Tone };

/** The change from last month's rank (positive: moved up). Up is good news, so it takes the "up" tone. */
export function presentRankChange(change: number | null | undefined): RankChangeText {
  if (change == null || !Number.isInteger(change)) return { words: MISSING, tone: "none" };
  if (change === 0) return { words: "持平", tone: "flat" };
  return change > 0 ? { words: `前移${change}位`, tone: "up" } : { words: `后移${-change}位`, tone: "down" };
}
