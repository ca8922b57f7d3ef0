// Towns (a city's: counties) × the main indicators: 本期累计, 上年同期, 同比; names open the child's page.
import Link from "next/link";
import { GrowthText } from "@/components/ui/growth-text";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { RegionOverview } from "@/lib/overview/query";
import { growthScopeNote, presentCell } from "@/lib/present/figure";
import { MISSING } from "@/lib/stats";

const MATRIX_CODES = ["gross_output", "above_scale_output", "sales_revenue", "profit_tax", "industrial_investment"];

export function OverviewMatrix({ overview, hrefFor, totalLabel, childLabel = "乡镇" }: { overview: RegionOverview; hrefFor: (code: string) => string; totalLabel: string; childLabel?: string }) {
  const byCode = new Map(overview.indicators.map((i) => [i.code, i]));
  const matrix = MATRIX_CODES.map((c) => byCode.get(c)).filter((x) => x !== undefined);
  const rows = [{ region: { code: "total", name: totalLabel, kind: "" }, values: overview.totals }, ...overview.children];
  const scope = growthScopeNote([...new Set(matrix.flatMap((i) => overview.growthExcluded[i.code] ?? []))]);
  return (
    <ScrollTable label={`分${childLabel}主要指标`} footer={scope && <p className="px-2 py-1 text-xs text-slate-600">注：{scope}。</p>}>
      <table className="min-w-full text-sm" data-testid="overview-matrix">
        <caption className="sr-only">分{childLabel}主要指标（万元）</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th rowSpan={2} scope="col" className="px-2 py-2 text-left font-medium">{childLabel}</th>
            {matrix.map((i) => (
              <th key={i.code} colSpan={3} scope="colgroup" className="border-l border-slate-200 px-2 py-1 text-center font-medium">{i.name}</th>
            ))}
          </tr>
          <tr>
            {matrix.map((i) => [
              <th key={`${i.code}v`} scope="col" className="border-l border-slate-200 px-2 py-1 text-right font-normal">本期累计</th>,
              <th key={`${i.code}b`} scope="col" className="px-2 py-1 text-right font-normal">上年同期</th>,
              <th key={`${i.code}g`} scope="col" className="px-2 py-1 text-right font-normal">同比</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.region.code} className={row.region.code === "total" ? "bg-brand-50 font-semibold" : "border-t border-slate-100"}>
              <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                {row.region.code === "total" ? row.region.name : <Link href={hrefFor(row.region.code)} className="text-brand-700 hover:underline">{row.region.name}</Link>}
              </th>
              {matrix.map((i) => {
                const c = row.values[i.code];
                return [
                  <td key={`${i.code}v`} className="border-l border-slate-100 px-2 py-1.5 text-right num">{presentCell(c, i).text}</td>,
                  <td key={`${i.code}b`} className="px-2 py-1.5 text-right num text-slate-600">{presentCell(c, i).base}</td>,
                  <td key={`${i.code}g`} className="px-2 py-1.5 text-right whitespace-nowrap">{c ? <GrowthText percent={c.yoyPercent} loss={c.lossChange} digits={i.percentPrecision} /> : MISSING}</td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
