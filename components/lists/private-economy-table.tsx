import { GrowthText } from "@/components/ui/growth-text";
import type { Cell } from "@/lib/overview/compute";
import type { OverviewIndicator } from "@/lib/overview/query";
import { formatNumber, formatPercent, MISSING } from "@/lib/stats";

/** `scopeWord` / `childLabel`: a county's 全县 and 乡镇, a city's 全市 and 县（市、区）. */
type Props = { indicators: OverviewIndicator[]; totals: Record<string, Cell>; towns: { code: string; name: string; values: Record<string, Cell> }[]; scopeWord?: string; childLabel?: string };

export function PrivateEconomyTable({ indicators, totals, towns, scopeWord = "全县", childLabel = "乡镇" }: Props) {
  const rows = [{ code: "total", name: `${scopeWord}合计`, values: totals }, ...towns];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="private-economy-table">
        <caption className="sr-only">民营经济发展情况</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" rowSpan={2} className="px-2 py-2 text-left font-medium">{childLabel}</th>
            {indicators.map((i) => <th key={i.code} scope="colgroup" colSpan={3} className="border-l border-slate-200 px-2 py-1 text-center font-medium">{i.name}（{i.unit}）</th>)}
          </tr>
          <tr>
            {indicators.map((i) => [
              <th key={`${i.code}v`} scope="col" className="border-l border-slate-200 px-2 py-1 text-right font-normal">本期累计</th>,
              <th key={`${i.code}g`} scope="col" className="px-2 py-1 text-right font-normal">同比</th>,
              <th key={`${i.code}p`} scope="col" className="px-2 py-1 text-right font-normal">完成年计划</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className={r.code === "total" ? "bg-brand-50 font-semibold" : "border-t border-slate-100"}>
              <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">{r.name}</th>
              {indicators.map((i) => {
                const c = r.values[i.code];
                return [
                  <td key={`${i.code}v`} className="border-l border-slate-100 px-2 py-1.5 text-right num">{formatNumber(c?.value ?? null, i.precision)}</td>,
                  <td key={`${i.code}g`} className="px-2 py-1.5 text-right">{c ? <GrowthText percent={c.yoyPercent} loss={c.lossChange} /> : MISSING}</td>,
                  <td key={`${i.code}p`} className="px-2 py-1.5 text-right num">{formatPercent(c?.planCompletionPercent ?? null)}</td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
