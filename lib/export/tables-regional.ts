import "server-only";
// Export tables built from the overview engine: towns × one indicator, and 民营经济 by town.
import { getPrivateEconomy } from "@/lib/attraction/private-economy";
import type { Cell } from "@/lib/overview/compute";
import { growthScopeNote } from "@/lib/present/figure";
import { getRegionOverview } from "@/lib/overview/query";
import type { RegionRef } from "@/lib/regions";
import { CHILD_WORD } from "@/lib/regions/words";
import { formatPeriodRange, roundHalfUp, type Period } from "@/lib/stats";
import type { ExportTable, ExportValue } from "./table";

const pct = (x: number | null, d = 1): ExportValue => (x === null ? null : roundHalfUp(x, d)?.toFixed(d) ?? null);

export async function overviewTable(region: RegionRef, period: Period, code: string): Promise<ExportTable | null> {
  const o = await getRegionOverview(region, period.year, period.month);
  const ind = o.indicators.find((i) => i.code === code) ?? o.indicators.find((i) => i.code === "gross_output");
  if (!ind) return null;
  const d = ind.precision;
  const p = ind.percentPrecision;
  const row = (name: string, c: Cell | undefined, total: boolean): ExportValue[] => [
    name,
    c?.value ?? null,
    c?.base ?? null,
    c?.lossChange ?? pct(c?.yoyPercent ?? null, p),
    c?.increase ?? null,
    pct(c?.planCompletionPercent ?? null, p),
    pct(c?.scheduleGapPoints ?? null, 1),
    pct(c?.sharePercent ?? null, p),
    total ? null : c?.rank ?? null,
    total ? null : c?.growthRank ?? null,
  ];
  return {
    name: `分${CHILD_WORD[region.level]}指标`,
    title: `${o.region.name}${ind.name}分${CHILD_WORD[region.level]}情况`,
    unitNote: [`单位：${ind.unit}；百分比单位：%`, growthScopeNote(o.growthExcluded[ind.code])].filter(Boolean).join("；"),
    periodLabel: formatPeriodRange(period.year, period.month),
    columns: [
      { header: CHILD_WORD[region.level], kind: "text" },
      { header: `本期累计（${ind.unit}）`, kind: "decimal", digits: d, width: 16 },
      { header: `上年同期（${ind.unit}）`, kind: "decimal", digits: d, width: 16 },
      // 扭亏为盈/减亏/增亏 are words, so this column is text where the base is negative.
      { header: "同比（%）", kind: "percent", digits: p },
      { header: `增量（${ind.unit}）`, kind: "decimal", digits: d },
      { header: "完成年计划（%）", kind: "percent", digits: p },
      { header: "超/落后时序进度（个百分点）", kind: "percent", digits: 1, width: 16 },
      { header: "占比（%）", kind: "percent", digits: p },
      { header: "总量排名", kind: "integer" },
      { header: "增幅排名", kind: "integer" },
    ],
    rows: [row(`${o.region.name}合计`, o.totals[ind.code], true), ...o.children.map((c) => row(c.region.name, c.values[ind.code], false))],
  };
}

export async function privateEconomyTable(county: RegionRef, period: Period): Promise<ExportTable> {
  const data = await getPrivateEconomy(county, period);
  const cols = data.indicators.flatMap((i) => [
    { header: `${i.name}（${i.unit}）`, kind: i.precision === 0 ? ("integer" as const) : ("decimal" as const), digits: i.precision, width: 16 },
    { header: `${i.name}同比（%）`, kind: "percent" as const, digits: 1 },
  ]);
  const row = (name: string, values: Record<string, Cell>): ExportValue[] => [name, ...data.indicators.flatMap((i) => [values[i.code]?.value ?? null, pct(values[i.code]?.yoyPercent ?? null)])];
  return {
    name: "民营经济",
    title: `${county.name}民营经济发展情况`,
    unitNote: "单位：户、万元；百分比单位：%",
    periodLabel: formatPeriodRange(period.year, period.month),
    columns: [{ header: CHILD_WORD[county.level], kind: "text" }, ...cols],
    rows: [row(`${county.name}合计`, data.totals), ...data.towns.map((t) => row(t.name, t.values))],
  };
}
