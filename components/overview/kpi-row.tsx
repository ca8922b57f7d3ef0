import type { Cell, OverviewIndicatorLite } from "./types";
import { formatGrowth, formatPercent, formatScheduleGap, formatYi, MISSING } from "@/lib/stats";

function Kpi({ indicator, cell, timeProgress }: { indicator: OverviewIndicatorLite; cell: Cell; timeProgress: number | null }) {
  const money = indicator.unit === "万元";
  const value = money ? formatYi(cell.value) : cell.value === null ? MISSING : cell.value;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-500">{indicator.name}</p>
      <p className="mt-1 text-2xl font-semibold num">
        {value}
        <span className="ml-1 text-sm font-normal text-slate-500">{money ? "亿元" : indicator.unit}</span>
      </p>
      <p className="mt-1 text-sm">
        同比{" "}
        <span className={cell.yoyPercent !== null && cell.yoyPercent < 0 ? "text-down" : "text-up"}>
          {cell.lossChange ?? formatGrowth(cell.yoyPercent, indicator.percentPrecision)}
        </span>
      </p>
      {cell.planCompletionPercent !== null && (
        <p className="mt-1 text-xs text-slate-600">
          完成年计划 <span className="num">{formatPercent(cell.planCompletionPercent, indicator.percentPrecision)}</span>
          {timeProgress !== null && <span className="ml-1">（{formatScheduleGap(cell.scheduleGapPoints)}）</span>}
        </p>
      )}
    </div>
  );
}

export function KpiRow({ indicators, totals, timeProgress }: { indicators: OverviewIndicatorLite[]; totals: Record<string, Cell>; timeProgress: number | null }) {
  return (
    <section aria-label="全县主要指标" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {indicators.map((ind) => (
        <Kpi key={ind.code} indicator={ind} cell={totals[ind.code]} timeProgress={timeProgress} />
      ))}
    </section>
  );
}
