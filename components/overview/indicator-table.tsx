"use client";
// Towns × one indicator with every derived figure; click a header to sort.
import Link from "next/link";
import { useMemo, useState } from "react";
import { GrowthText, RankChange, TONE_CLASS } from "@/components/ui/growth-text";
import { ScrollTable } from "@/components/ui/scroll-table";
import { growthScopeNote, presentCell } from "@/lib/present/figure";
import { MISSING } from "@/lib/stats";
import type { Cell, OverviewIndicatorLite } from "./types";

export type TableRow = { code: string; name: string; cell: Cell; href?: string };

type SortKey = "rank" | "value" | "base" | "yoyPercent" | "increase" | "planCompletionPercent" | "scheduleGapPoints" | "sharePercent" | "growthRank" | "contributionPercent" | "pullPoints";

const numeric = (c: Cell, key: SortKey): number | null => {
  const v = c[key];
  return v === null || v === undefined ? null : Number(v);
};

/** `scopeWord`: the whole's word (全县, 全市); `childLabel`: what the rows are (乡镇, 县（市、区）). */
type Props = { indicator: OverviewIndicatorLite; rows: TableRow[]; total: Cell; isFlow: boolean; excluded?: string[]; scopeWord?: string; childLabel?: string };

export function IndicatorTable({ indicator, rows, total, isFlow, excluded, scopeWord = "全县", childLabel = "乡镇" }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "rank", desc: false });
  const sorted = useMemo(() => {
    const copy = [...rows];
    copy.sort((a, b) => {
      const x = numeric(a.cell, sort.key);
      const y = numeric(b.cell, sort.key);
      if (x === null && y === null) return a.code.localeCompare(b.code);
      if (x === null) return 1; // missing values always last
      if (y === null) return -1;
      return sort.desc ? y - x : x - y;
    });
    return copy;
  }, [rows, sort]);

  const p = indicator.percentPrecision;
  const scope = growthScopeNote(excluded);
  const columns: { key: SortKey; label: string; defaultDesc: boolean }[] = [
    { key: "rank", label: "总量排名", defaultDesc: false },
    { key: "value", label: `本期累计（${indicator.unit}）`, defaultDesc: true },
    { key: "base", label: "上年同期", defaultDesc: true },
    { key: "yoyPercent", label: "同比", defaultDesc: true },
    { key: "growthRank", label: "增幅排名", defaultDesc: false },
    { key: "increase", label: "增量", defaultDesc: true },
    ...(isFlow
      ? ([
          { key: "planCompletionPercent", label: "完成年计划", defaultDesc: true },
          { key: "scheduleGapPoints", label: "超/落后时序（百分点）", defaultDesc: true },
        ] as const)
      : []),
    { key: "sharePercent", label: `占${scopeWord}`, defaultDesc: true },
    { key: "contributionPercent", label: "贡献率", defaultDesc: true },
    { key: "pullPoints", label: "拉动（百分点）", defaultDesc: true },
  ];

  const header = (c: (typeof columns)[number]) => {
    const active = sort.key === c.key;
    return (
      <th key={c.key} scope="col" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"} className="px-2 py-2 text-right font-medium whitespace-nowrap">
        <button type="button" className="hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600" onClick={() => setSort({ key: c.key, desc: active ? !sort.desc : c.defaultDesc })}>
          {c.label}
          {active ? (sort.desc ? " ↓" : " ↑") : ""}
        </button>
      </th>
    );
  };

  const cells = (c: Cell, isTotal: boolean) => {
    const shown = presentCell(c, indicator);
    return (
    <>
      <td className="px-2 py-1.5 text-right num">
        {isTotal ? "" : c.rank ?? MISSING} {!isTotal && <RankChange change={c.rankChange} />}
      </td>
      <td className="px-2 py-1.5 text-right num">{shown.text}</td>
      <td className="px-2 py-1.5 text-right num text-slate-600">
        {shown.base}
        {c.baseKind === "comparable" && <sup title="同口径：本年规上企业上年同期数" className="ml-0.5 text-brand-600">同口径</sup>}
      </td>
      <td className="px-2 py-1.5 text-right">
        <GrowthText percent={c.yoyPercent} loss={c.lossChange} digits={p} />
        {isTotal && scope && <sup title={scope} className="ml-0.5 text-brand-600">注</sup>}
      </td>
      <td className="px-2 py-1.5 text-right num">
        {isTotal ? "" : c.growthRank ?? MISSING} {!isTotal && <RankChange change={c.growthRankChange} />}
      </td>
      <td className="px-2 py-1.5 text-right num">{shown.increase}</td>
      {isFlow && (
        <>
          <td className="px-2 py-1.5 text-right num">{shown.plan.completion}</td>
          <td className={`px-2 py-1.5 text-right num ${shown.plan.gapTone === "down" ? TONE_CLASS.down : ""}`}>{shown.plan.gapPoints}</td>
        </>
      )}
      <td className="px-2 py-1.5 text-right num">{shown.share}</td>
      <td className="px-2 py-1.5 text-right num">{shown.contribution}</td>
      <td className="px-2 py-1.5 text-right num">{shown.pull}</td>
    </>
    );
  };

  return (
    <ScrollTable label={`${indicator.name}分${childLabel}情况`} footer={scope && <p className="px-2 py-1 text-xs text-slate-600" data-testid="growth-scope">注：{scope}，合计的同比、增量、贡献率和拉动按其余{childLabel}计算。</p>}>
      <table className="min-w-full text-sm" data-testid="indicator-table">
        <caption className="sr-only">{indicator.name}分{childLabel}情况</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-2 py-2 text-left font-medium">{childLabel}</th>
            {columns.map(header)}
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-200 bg-brand-50 font-semibold">
            <th scope="row" className="px-2 py-1.5 text-left">{scopeWord}合计</th>
            {cells(total, true)}
          </tr>
          {sorted.map((r) => (
            <tr key={r.code} className="border-t border-slate-100 hover:bg-slate-50">
              <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">{r.href ? <Link href={r.href} className="text-brand-700 hover:underline">{r.name}</Link> : r.name}</th>
              {cells(r.cell, false)}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
