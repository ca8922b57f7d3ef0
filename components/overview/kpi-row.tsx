import { TONE_CLASS } from "@/components/ui/growth-text";
import { growthScopeNote, presentCell } from "@/lib/present/figure";
import type { Cell, OverviewIndicatorLite } from "./types";

function Kpi({ indicator, cell, timeProgress }: { indicator: OverviewIndicatorLite; cell: Cell; timeProgress: number | null }) {
  const shown = presentCell(cell, indicator, "yi");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`kpi-${indicator.code}`}>
      <p className="text-sm text-slate-500">{indicator.name}</p>
      <p className="mt-1 text-2xl font-semibold num">
        {shown.text}
        <span className="ml-1 text-sm font-normal text-slate-500">{shown.unit}</span>
      </p>
      <p className="mt-1 text-sm">
        同比 <span className={TONE_CLASS[shown.growth.tone]} data-tone={shown.growth.tone}>{shown.growth.words}</span>
      </p>
      {cell.planCompletionPercent !== null && (
        <p className="mt-1 text-xs text-slate-600">
          完成年计划 <span className="num">{shown.plan.completion}</span>
          {timeProgress !== null && <span className="ml-1">（{shown.plan.gap}）</span>}
        </p>
      )}
    </div>
  );
}

type Props = { indicators: OverviewIndicatorLite[]; totals: Record<string, Cell>; timeProgress: number | null; growthExcluded?: Record<string, string[]>; label?: string };

export function KpiRow({ indicators, totals, timeProgress, growthExcluded = {}, label = "全县主要指标" }: Props) {
  const scope = growthScopeNote([...new Set(indicators.flatMap((i) => growthExcluded[i.code] ?? []))]);
  return (
    <section aria-label={label} className="space-y-2">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {indicators.map((ind) => (
          <Kpi key={ind.code} indicator={ind} cell={totals[ind.code]} timeProgress={timeProgress} />
        ))}
      </div>
      {scope && <p className="text-xs text-slate-600" data-testid="growth-scope">注：{scope}。</p>}
    </section>
  );
}
