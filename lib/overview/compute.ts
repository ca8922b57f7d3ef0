// Assembles overview cells from fetched figures (pure: no I/O). Every number comes from lib/stats:
// the public formulas, through their bulk twins in lib/stats/fast.ts (same doubles, without a 50-digit
// decimal division per percentage where that cannot change the result; see that file).
import Decimal from "decimal.js";
import { rankChange, toDecimal, yoyPercent, type LossChange } from "@/lib/stats";
import {
  compareFixed,
  compareRatios,
  competitionRankNullsLastBy,
  contributionPercentNumber,
  fixed,
  fixedText,
  increaseFixed,
  lossChangeOf,
  percentRatio,
  planCompletionPercentNumber,
  pullPointsNumber,
  scheduleGapPointsNumber,
  sharePercentNumber,
  sumOf,
  yoyPercentNumber,
  type Fixed,
} from "@/lib/stats/fast";

export type BaseKind = "comparable" | "reported";

/** One region × indicator, as the API and the pages show it. Decimals are strings, percentages unrounded numbers. */
export type Cell = {
  value: string | null;
  base: string | null;
  baseKind: BaseKind | null;
  yoyPercent: number | null;
  lossChange: LossChange | null;
  increase: string | null;
  plan: string | null;
  planCompletionPercent: number | null;
  scheduleGapPoints: number | null;
  sharePercent: number | null;
  rank: number | null;
  growthRank: number | null;
  rankChange: number | null;
  growthRankChange: number | null;
  contributionPercent: number | null;
  pullPoints: number | null;
};

/**
 * A figure as fetched: a decimal, or decimal text as PostgreSQL prints a numeric, which counts as
 * `new Decimal(text)` (the overview query passes text, saving a decimal per figure).
 */
export type Figure = Decimal | string;

/** Figures of one child region for one indicator, as fetched. */
export type ChildFigures = {
  value: Figure | null;
  /** Same period last year (reported). */
  base: Figure | null;
  /** Last year's YTD of this year's set of 规上 enterprises, where enterprise figures exist. */
  comparableBase: Figure | null;
  plan: Figure | null;
  previousValue: Figure | null;
  previousBase: Figure | null;
  previousComparableBase: Figure | null;
  /**
   * Like for like inside a child that is itself a sum (a county in a city's overview): the part of
   * `value` whose regions have a base (`base` is then the part of last year whose regions have a
   * value). Absent: the whole value (a town, a peer county).
   */
  growthValue?: Figure | null;
  previousGrowthValue?: Figure | null;
};

export type IndicatorMeta = { code: string; kind: "FLOW" | "STOCK" };

const raw = (x: Figure | null): Decimal | null => (x === null ? null : typeof x === "string" ? new Decimal(x) : x);
const convert = (x: Figure | null): Fixed | null => (x === null ? null : typeof x === "string" ? fixedText(x) : fixed(x));
const str = (d: Decimal | null) => (d === null ? null : d.toFixed());
/** `str(raw(x))`, from the converted figure when it has one (the same digits, without decimal.js's formatting). */
const show = (x: Figure | null | (() => Decimal | null), f: Fixed | null) =>
  f !== null && f.int !== 0 && !Number.isNaN(f.int) ? f.toFixed() : str(typeof x === "function" ? x() : raw(x));

/** Sums in the global decimal.js context, as the overview always has (exact for figures this size). */
function sum(figures: (Figure | null)[]): Decimal | null {
  const present = figures.filter((v): v is Figure => v !== null).map((v) => raw(v)!);
  return present.length === 0 ? null : present.reduce((a, b) => a.plus(b), new Decimal(0));
}

/**
 * The plan a partial total is measured against: null when every child with a plan has reported (or
 * none has), so the parent's own plan (or the children's sum) applies unchanged.
 */
export function reportedShareOfPlan(children: readonly { plan: Figure | null }[], reported: readonly boolean[], parentPlan: Figure | null): Decimal | null {
  // Most calls end here (everyone with a plan has reported): decided before any figure becomes a decimal.
  let someReported = false;
  let someMissing = false;
  children.forEach((c, i) => {
    if (c.plan === null) return;
    if (reported[i]) someReported = true;
    else someMissing = true;
  });
  if (!someMissing || !someReported) return null;
  const withPlan = children.map((c, i) => ({ plan: raw(c.plan), reported: reported[i] })).filter((c) => c.plan !== null);
  if (!withPlan.some((c) => !c.reported) || !withPlan.some((c) => c.reported)) return null;
  const all = withPlan.reduce((a, c) => a.plus(c.plan!), new Decimal(0));
  const part = withPlan.filter((c) => c.reported).reduce((a, c) => a.plus(c.plan!), new Decimal(0));
  if (parentPlan === null) return part;
  if (all.lte(0)) return null;
  return raw(parentPlan)!.times(part).dividedBy(all).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/**
 * Cells of every child for one indicator plus the parent's total. The parent's value and base are
 * the exact sums of its children; its plan is its own plan when one exists, else the children's sum.
 * The total's 同比, 增量 and loss words are like for like, over the children with both figures;
 * `excluded` lists (by position) the children in the value but not in the growth (no base).
 * Each figure is converted once, and each percentage computed once (a region's growth feeds its
 * cell, its growth rank and, last month's, its rank change).
 */
export function computeIndicatorCells(
  meta: IndicatorMeta,
  month: number,
  children: ChildFigures[],
  parentPlan: Figure | null,
): { cells: Cell[]; total: Cell; excluded: number[] } {
  const useComparable = (c: ChildFigures) => c.comparableBase !== null;
  const bases = children.map((c) => (useComparable(c) ? c.comparableBase : c.base));
  const prevBases = children.map((c) => c.previousComparableBase ?? c.previousBase);
  const values = children.map((c) => convert(c.value));
  const baseF = bases.map(convert);
  const plans = children.map((c) => convert(c.plan));

  // Like for like: a region that has not reported this period adds nothing to the total, so
  // its last-year figure must not count in the base either (partial month-end data is not a decline);
  // and a region with no last-year figure (new this year) counts in the total but not in its growth,
  // so the parts' 拉动 add up to the total's 同比 and their 贡献率 to 100%.
  const reported = children.map((c) => c.value !== null);
  const split = children.some((c) => c.growthValue !== undefined);
  // What each child's growth is computed on: its whole value, or its like-for-like part.
  const growthF = split ? children.map((c, i) => (c.growthValue === undefined ? values[i] : convert(c.growthValue))) : values;
  const growthRaw = (c: ChildFigures) => (c.growthValue === undefined ? c.value : c.growthValue);
  const comparable = children.map((c, i) => reported[i] && bases[i] !== null && growthRaw(c) !== null);
  const excluded = children.flatMap((_, i) => (reported[i] && !comparable[i] ? [i] : []));
  const comparableValues = children.map((c, i) => (comparable[i] ? growthRaw(c) : null));
  const reportedBases = bases.filter((_, i) => reported[i]);
  const totalValueSum = sumOf(
    children.map((c) => c.value),
    values,
    () => sum(children.map((c) => c.value)),
  );
  const growthValueSum = excluded.length === 0 && !split ? totalValueSum : sumOf(comparableValues, growthF, () => sum(comparableValues));
  const totalBaseSum = sumOf(
    reportedBases,
    baseF.filter((_, i) => reported[i]),
    () => sum(reportedBases),
  );
  const planSum = parentPlan === null ? sumOf(children.map((c) => c.plan), plans, () => sum(children.map((c) => c.plan))) : null;
  const totalValue = totalValueSum.fixed;
  const totalBase = totalBaseSum.fixed;
  // Like for like, as the base: while some regions with a plan have not reported, the total's YTD
  // is measured against the part of the plan the reporting regions carry (the parent's plan scaled
  // by their share of the children's plans), not against the whole year's plan of everyone.
  const likeForLikePlan = reportedShareOfPlan(children, reported, parentPlan);
  const totalPlan = likeForLikePlan !== null ? convert(likeForLikePlan) : planSum === null ? convert(parentPlan) : planSum.fixed;
  const growthValue = growthValueSum.fixed;
  const totalIncrease = increaseFixed(growthValue, totalBase);

  const increases = growthF.map((v, i) => increaseFixed(v, baseF[i]));
  const growths = growthF.map((v, i) => yoyPercentNumber(v, baseF[i], increases[i]));
  const ranks = rankOf(values);
  const growthRanks = rankGrowths(growths, growthF, baseF, increases);
  // Last month's ranks among the same regions, so a town that has not reported yet does not shift everyone.
  const prevValues = children.map((c, i) => (reported[i] ? convert(c.previousValue) : null));
  const prevGrowthF = split ? children.map((c, i) => (reported[i] ? convert(c.previousGrowthValue === undefined ? c.previousValue : c.previousGrowthValue) : null)) : prevValues;
  const prevBaseF = prevBases.map((b, i) => (reported[i] ? convert(b) : null));
  const prevRanks = rankOf(prevValues);
  const prevIncreases = prevGrowthF.map((v, i) => increaseFixed(v, prevBaseF[i]));
  const prevGrowths = prevGrowthF.map((v, i) => yoyPercentNumber(v, prevBaseF[i], prevIncreases[i]));
  const prevGrowthRanks = rankGrowths(prevGrowths, prevGrowthF, prevBaseF, prevIncreases);
  const anyPrevious = children.some((c) => c.previousValue !== null);
  const isFlow = meta.kind === "FLOW";

  const cells = children.map((c, i): Cell => {
    const inc = increases[i];
    const completion = planCompletionPercentNumber(values[i], plans[i]);
    return {
      value: show(c.value, values[i]),
      base: show(bases[i], baseF[i]),
      baseKind: bases[i] === null ? null : useComparable(c) ? "comparable" : "reported",
      yoyPercent: growths[i],
      lossChange: lossChangeOf(growthF[i], baseF[i]),
      increase: inc === null ? null : inc.toFixed(),
      plan: show(c.plan, plans[i]),
      planCompletionPercent: completion,
      scheduleGapPoints: isFlow ? scheduleGapPointsNumber(values[i], plans[i], month, completion) : null,
      sharePercent: sharePercentNumber(values[i], totalValue),
      // A region with no value has no rank: it is listed last, without a number.
      rank: c.value === null ? null : ranks[i],
      growthRank: growths[i] === null ? null : growthRanks[i],
      rankChange: c.value === null || c.previousValue === null || !anyPrevious ? null : rankChange(prevRanks[i], ranks[i]),
      // growths[i] !== null implies the region reported, so prevGrowths[i] is last month's growth.
      growthRankChange: growths[i] === null || !anyPrevious ? null : rankChange(prevGrowths[i] === null ? null : prevGrowthRanks[i], growthRanks[i]),
      contributionPercent: contributionPercentNumber(inc, totalIncrease),
      pullPoints: pullPointsNumber(inc, totalBase),
    };
  });

  const totalGrowth = yoyPercentNumber(growthValue, totalBase, totalIncrease);
  const totalCompletion = planCompletionPercentNumber(totalValue, totalPlan);
  const total: Cell = {
    value: show(totalValueSum.raw, totalValue),
    base: show(totalBaseSum.raw, totalBase),
    baseKind: totalBaseSum.none ? null : children.some(useComparable) ? "comparable" : "reported",
    yoyPercent: totalGrowth,
    lossChange: lossChangeOf(growthValue, totalBase),
    increase: totalIncrease === null ? null : totalIncrease.toFixed(),
    plan: likeForLikePlan !== null ? str(likeForLikePlan) : planSum === null ? show(parentPlan, totalPlan) : show(planSum.raw, totalPlan),
    planCompletionPercent: totalCompletion,
    scheduleGapPoints: isFlow ? scheduleGapPointsNumber(totalValue, totalPlan, month, totalCompletion) : null,
    sharePercent: totalValueSum.none ? null : 100,
    rank: null,
    growthRank: null,
    rankChange: null,
    growthRankChange: null,
    contributionPercent: totalIncrease === null ? null : 100,
    pullPoints: totalGrowth,
  };
  return { cells, total, excluded };
}

/** competitionRankNullsLast of the figures (null: no value). */
function rankOf(values: (Fixed | null)[]): number[] {
  return competitionRankNullsLastBy(
    values.map((v) => (v === null ? null : v.toNumber())),
    (i, j) => compareFixed(values[i]!, values[j]!),
  );
}

/** competitionRankNullsLast of the growths (`growths[i]` = yoyPercent(values[i], bases[i]) as a number). */
function rankGrowths(growths: (number | null)[], values: (Fixed | null)[], bases: (Fixed | null)[], increases: (Fixed | null)[]): number[] {
  // Only ties of the doubles need the exact growths: as ratios of integers when they have them, else decimals.
  const ratio = (i: number) => (increases[i] === null ? null : percentRatio(increases[i]!, bases[i]!));
  const exact = (i: number) => yoyPercent(values[i]!.dec, bases[i]!.dec)!;
  return competitionRankNullsLastBy(growths, (i, j) => {
    const [a, b] = [ratio(i), ratio(j)];
    return a !== null && b !== null ? compareRatios(a, b) : exact(i).cmp(exact(j));
  });
}

export const dec = (x: string | number | null | undefined) => toDecimal(x ?? null);
