// Plain, serialisable rows for the chart components, shaped from the overview and series (pure).
import Decimal from "decimal.js";
import type { Cell } from "@/lib/overview/compute";
import type { SeriesPoint } from "@/lib/overview/series";
import { presentValue, type PresentIndicator } from "@/lib/present/figure";

export type ChartUnit = { unit: string; divisor: number; digits: number };

/** Money is drawn in 亿元 (stored in 万元); other units as they are. */
export function chartUnit(indicator: { unit: string; precision: number }): ChartUnit {
  return indicator.unit === "万元" ? { unit: "亿元", divisor: 10000, digits: 2 } : { unit: indicator.unit, divisor: 1, digits: indicator.precision };
}

/**
 * The figure in the chart's unit, for geometry and tooltips: the nearest double to the exact quotient,
 * not rounded here, so a label formatted from it rounds once (156.59496 → "156.59", not 156.5950 → "156.60").
 */
export const scaled = (value: string | null, u: ChartUnit): number | null => (value === null ? null : new Decimal(value).div(u.divisor).toNumber());

export type RankRow = {
  code: string;
  name: string;
  /** For bar lengths only. */
  value: number | null;
  /** The figure as every view shows it (lib/present), rounded once from the exact value. */
  valueText: string;
  yoyPercent: number | null;
  lossChange: Cell["lossChange"];
  rank: number | null;
  growthRank: number | null;
  rankChange: number | null;
  growthRankChange: number | null;
};

type Children = { region: { code: string; name: string }; values: Record<string, Cell> }[];

export function rankRows(children: Children, ind: PresentIndicator & { code: string }, u: ChartUnit): RankRow[] {
  const scale = u.divisor === 1 ? "native" : "yi";
  return children.map((c) => {
    const cell = c.values[ind.code];
    return {
      code: c.region.code,
      name: c.region.name,
      value: cell ? scaled(cell.value, u) : null,
      valueText: presentValue(cell?.value ?? null, ind, scale).text,
      lossChange: cell?.lossChange ?? null,
      yoyPercent: cell?.yoyPercent ?? null,
      rank: cell?.rank ?? null,
      growthRank: cell?.growthRank ?? null,
      rankChange: cell?.rankChange ?? null,
      growthRankChange: cell?.growthRankChange ?? null,
    };
  });
}

export type PlanRow = { code: string; name: string; completion: number | null };

export function planRows(children: { region: { code: string; name: string }; values: Record<string, Cell> }[], code: string): PlanRow[] {
  return children
    .map((c) => ({ code: c.region.code, name: c.region.name, completion: c.values[code]?.planCompletionPercent ?? null }))
    .filter((r) => r.completion !== null)
    .sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0));
}

export type TrendRow = { label: string; period: string; value: number | null; lastYear: number | null; monthly: number | null; lastYearMonthly: number | null };

export function trendRows(points: SeriesPoint[], u: ChartUnit): TrendRow[] {
  return points.map((p) => ({
    label: `${Number(p.period.slice(5))}月`,
    period: p.period,
    value: scaled(p.value, u),
    lastYear: scaled(p.lastYear, u),
    monthly: scaled(p.monthly, u),
    lastYearMonthly: scaled(p.lastYearMonthly, u),
  }));
}
