import Link from "next/link";
import type { RegionOverview } from "@/lib/overview/query";
import { formatNumber, formatPercent, formatPeriodRange, MISSING } from "@/lib/stats";
import { GrowthText } from "@/components/ui/growth-text";
import { IndicatorTable } from "./indicator-table";
import { KpiRow } from "./kpi-row";

const KPI_CODES = ["gross_output", "above_scale_output", "sales_revenue", "profit_tax"];
const MATRIX_CODES = ["gross_output", "above_scale_output", "sales_revenue", "profit_tax", "industrial_investment"];

type Props = { overview: RegionOverview; year: number; month: number; selected: string; hrefFor: (code: string) => string };

export function CountyOverview({ overview, year, month, selected, hrefFor }: Props) {
  const byCode = new Map(overview.indicators.map((i) => [i.code, i]));
  const kpis = KPI_CODES.map((c) => byCode.get(c)).filter((x) => x !== undefined);
  const indicator = byCode.get(selected) ?? overview.indicators[0];
  const matrix = MATRIX_CODES.map((c) => byCode.get(c)).filter((x) => x !== undefined);
  const reported = overview.children.filter((c) => c.values[indicator.code]?.value !== null).length;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {overview.region.name}乡镇工业主要指标 <span className="text-lg font-normal text-slate-600">{formatPeriodRange(year, month)}</span>
        </h1>
        <p className="text-sm text-slate-600">
          时序进度 <span className="num">{formatPercent(overview.timeProgressPercent, 1)}</span> · 已报送 {reported}/{overview.children.length} 个乡镇
        </p>
      </div>
      <KpiRow indicators={kpis} totals={overview.totals} timeProgress={overview.timeProgressPercent} />

      <section aria-labelledby="matrix-title" className="space-y-2">
        <h2 id="matrix-title" className="text-lg font-semibold">分乡镇主要指标（万元）</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm" data-testid="overview-matrix">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th rowSpan={2} scope="col" className="px-2 py-2 text-left font-medium">乡镇</th>
                {matrix.map((i) => (
                  <th key={i.code} colSpan={3} scope="colgroup" className="border-l border-slate-200 px-2 py-1 text-center font-medium">{i.name}</th>
                ))}
              </tr>
              <tr>
                {matrix.map((i) => (
                  <Fragment3 key={i.code} />
                ))}
              </tr>
            </thead>
            <tbody>
              {[{ region: { code: "total", name: "全县合计", kind: "" }, values: overview.totals }, ...overview.children].map((row) => (
                <tr key={row.region.code} className={row.region.code === "total" ? "bg-brand-50 font-semibold" : "border-t border-slate-100"}>
                  <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">{row.region.name}</th>
                  {matrix.map((i) => {
                    const c = row.values[i.code];
                    return [
                      <td key="v" className="border-l border-slate-100 px-2 py-1.5 text-right num">{formatNumber(c?.value, i.precision)}</td>,
                      <td key="b" className="px-2 py-1.5 text-right num text-slate-600">{formatNumber(c?.base, i.precision)}</td>,
                      <td key="g" className="px-2 py-1.5 text-right">{c ? <GrowthText percent={c.yoyPercent} loss={c.lossChange} digits={i.percentPrecision} /> : MISSING}</td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="detail-title" className="space-y-2">
        <h2 id="detail-title" className="text-lg font-semibold">分指标排名</h2>
        <nav aria-label="指标切换" className="flex flex-wrap gap-1">
          {overview.indicators.map((i) => (
            <Link
              key={i.code}
              href={hrefFor(i.code)}
              aria-current={i.code === indicator.code ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${i.code === indicator.code ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-600"}`}
            >
              {i.name}
            </Link>
          ))}
        </nav>
        <IndicatorTable
          indicator={indicator}
          isFlow={indicator.kind === "FLOW"}
          total={overview.totals[indicator.code]}
          rows={overview.children.map((c) => ({ code: c.region.code, name: c.region.name, cell: c.values[indicator.code] }))}
        />
        <p className="text-xs text-slate-500">
          注：同比为负基数时显示“扭亏为盈/减亏/增亏”；“—”表示无数据或无法计算；标“同口径”的上年同期数为本年规上企业的上年同期合计。
        </p>
      </section>
    </div>
  );
}

function Fragment3() {
  return (
    <>
      <th scope="col" className="border-l border-slate-200 px-2 py-1 text-right font-normal">本期累计</th>
      <th scope="col" className="px-2 py-1 text-right font-normal">上年同期</th>
      <th scope="col" className="px-2 py-1 text-right font-normal">同比</th>
    </>
  );
}
