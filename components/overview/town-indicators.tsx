// A town's indicators for the period: value, 同比, plan against 时序进度, share and ranks among its siblings.
import { GrowthText, RankChange, TONE_CLASS } from "@/components/ui/growth-text";
import type { Cell } from "@/lib/overview/compute";
import type { OverviewIndicator } from "@/lib/overview/query";
import { presentCell } from "@/lib/present/figure";
import { MISSING } from "@/lib/stats";

export function TownIndicators({ indicators, cells, siblings }: { indicators: OverviewIndicator[]; cells: Record<string, Cell>; siblings: number }) {
  const th = "px-2 py-2 font-medium whitespace-nowrap";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="town-indicators">
        <caption className="sr-only">主要指标</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${th} text-left`}>指标</th>
            <th scope="col" className={`${th} text-left`}>单位</th>
            <th scope="col" className={`${th} text-right`}>本期累计</th>
            <th scope="col" className={`${th} text-right`}>上年同期</th>
            <th scope="col" className={`${th} text-right`}>同比</th>
            <th scope="col" className={`${th} text-right`}>完成年计划</th>
            <th scope="col" className={`${th} text-left`}>与时序进度</th>
            <th scope="col" className={`${th} text-right`}>占全县</th>
            <th scope="col" className={`${th} text-right`}>总量排名</th>
            <th scope="col" className={`${th} text-right`}>增幅排名</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const c = cells[i.code];
            const shown = presentCell(c, i);
            return (
              <tr key={i.code} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">{i.name}</th>
                <td className="px-2 py-1.5 text-slate-600">{i.unit}</td>
                <td className="px-2 py-1.5 text-right num">{shown.text}</td>
                <td className="px-2 py-1.5 text-right num text-slate-600">{shown.base}</td>
                <td className="px-2 py-1.5 text-right">{c ? <GrowthText percent={c.yoyPercent} loss={c.lossChange} digits={i.percentPrecision} /> : MISSING}</td>
                <td className="px-2 py-1.5 text-right num">{shown.plan.completion}</td>
                <td className={`px-2 py-1.5 text-xs ${shown.plan.gapTone === "down" ? TONE_CLASS.down : ""}`}>{c?.planCompletionPercent != null ? shown.plan.gap : MISSING}</td>
                <td className="px-2 py-1.5 text-right num">{shown.share}</td>
                <td className="px-2 py-1.5 text-right num whitespace-nowrap">{c?.rank ? `${c.rank}/${siblings}` : MISSING} <RankChange change={c?.rankChange ?? null} /></td>
                <td className="px-2 py-1.5 text-right num whitespace-nowrap">{c?.growthRank ? `${c.growthRank}/${siblings}` : MISSING} <RankChange change={c?.growthRankChange ?? null} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
