// Assembles overview cells from fetched figures (pure: no I/O). Every number comes from lib/stats.
import Decimal from "decimal.js";
import {
  competitionRankNullsLast,
  contributionPercent,
  increase,
  lossChange,
  planCompletionPercent,
  pullPoints,
  rankChange,
  scheduleGapPoints,
  sharePercent,
  toDecimal,
  yoyPercent,
  type LossChange,
} from "@/lib/stats";

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

/** Figures of one child region for one indicator, as fetched. */
export type ChildFigures = {
  value: Decimal | null;
  /** Same period last year (reported). */
  base: Decimal | null;
  /** Last year's YTD of this year's set of 规上 enterprises, where enterprise figures exist. */
  comparableBase: Decimal | null;
  plan: Decimal | null;
  previousValue: Decimal | null;
  previousBase: Decimal | null;
  previousComparableBase: Decimal | null;
};

export type IndicatorMeta = { code: string; kind: "FLOW" | "STOCK" };

const str = (d: Decimal | null) => (d === null ? null : d.toFixed());
const num = (d: Decimal | null) => (d === null ? null : d.toNumber());

function sum(values: (Decimal | null)[]): Decimal | null {
  const present = values.filter((v): v is Decimal => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a.plus(b), new Decimal(0));
}

function growth(value: Decimal | null, base: Decimal | null): Decimal | null {
  return yoyPercent(value, base);
}

/**
 * Cells of every child for one indicator plus the parent's total. The parent's value and base are
 * the exact sums of its children; its plan is its own plan when one exists, else the children's sum.
 */
export function computeIndicatorCells(
  meta: IndicatorMeta,
  month: number,
  children: ChildFigures[],
  parentPlan: Decimal | null,
): { cells: Cell[]; total: Cell } {
  const useComparable = (c: ChildFigures) => c.comparableBase !== null;
  const bases = children.map((c) => (useComparable(c) ? c.comparableBase : c.base));
  const prevBases = children.map((c) => c.previousComparableBase ?? c.previousBase);

  // Like for like: a region that has not reported this period adds nothing to the total, so
  // its last-year figure must not count in the base either (partial month-end data is not a decline).
  const reported = children.map((c) => c.value !== null);
  const totalValue = sum(children.map((c) => c.value));
  const totalBase = sum(bases.filter((_, i) => reported[i]));
  const totalIncrease = increase(totalValue, totalBase);
  const totalPlan = parentPlan ?? sum(children.map((c) => c.plan));

  const growths = children.map((c, i) => growth(c.value, bases[i]));
  const ranks = competitionRankNullsLast(children.map((c) => c.value));
  const growthRanks = competitionRankNullsLast(growths);
  // Last month's ranks among the same regions, so a town that has not reported yet does not shift everyone.
  const prevRanks = competitionRankNullsLast(children.map((c, i) => (reported[i] ? c.previousValue : null)));
  const prevGrowthRanks = competitionRankNullsLast(children.map((c, i) => (reported[i] ? growth(c.previousValue, prevBases[i]) : null)));
  const anyPrevious = children.some((c) => c.previousValue !== null);
  const isFlow = meta.kind === "FLOW";

  const cells = children.map((c, i): Cell => {
    const inc = increase(c.value, bases[i]);
    return {
      value: str(c.value),
      base: str(bases[i]),
      baseKind: bases[i] === null ? null : useComparable(c) ? "comparable" : "reported",
      yoyPercent: num(growths[i]),
      lossChange: lossChange(c.value, bases[i]),
      increase: str(inc),
      plan: str(c.plan),
      planCompletionPercent: num(planCompletionPercent(c.value, c.plan)),
      scheduleGapPoints: isFlow ? num(scheduleGapPoints(c.value, c.plan, month)) : null,
      sharePercent: num(sharePercent(c.value, totalValue)),
      // A region with no value has no rank: it is listed last, without a number.
      rank: c.value === null ? null : ranks[i],
      growthRank: growths[i] === null ? null : growthRanks[i],
      rankChange: c.value === null || c.previousValue === null || !anyPrevious ? null : rankChange(prevRanks[i], ranks[i]),
      growthRankChange: growths[i] === null || !anyPrevious ? null : rankChange(growth(c.previousValue, prevBases[i]) === null ? null : prevGrowthRanks[i], growthRanks[i]),
      contributionPercent: num(contributionPercent(inc, totalIncrease)),
      pullPoints: num(pullPoints(inc, totalBase)),
    };
  });

  const total: Cell = {
    value: str(totalValue),
    base: str(totalBase),
    baseKind: totalBase === null ? null : children.some(useComparable) ? "comparable" : "reported",
    yoyPercent: num(growth(totalValue, totalBase)),
    lossChange: lossChange(totalValue, totalBase),
    increase: str(totalIncrease),
    plan: str(totalPlan),
    planCompletionPercent: num(planCompletionPercent(totalValue, totalPlan)),
    scheduleGapPoints: isFlow ? num(scheduleGapPoints(totalValue, totalPlan, month)) : null,
    sharePercent: totalValue === null ? null : 100,
    rank: null,
    growthRank: null,
    rankChange: null,
    growthRankChange: null,
    contributionPercent: totalIncrease === null ? null : 100,
    pullPoints: num(yoyPercent(totalValue, totalBase)),
  };
  return { cells, total };
}

export const dec = (x: string | number | null | undefined) => toDecimal(x ?? null);
