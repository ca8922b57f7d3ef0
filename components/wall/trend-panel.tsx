import type { WallTrendRow } from "@/lib/kiosk/types";
import { ModeTabs, Panel, TREND_COLORS } from "./panel";
import { TrendChart } from "./trend-chart";

type PartialMonth = { month: number; towns: number } | null;

function Legend({ year, lastYear, cumulative, partial }: { year: number; lastYear: number; cumulative: boolean; partial: PartialMonth }) {
  const what = cumulative ? "累计" : "当月";
  return (
    <p className="flex h-8 items-center gap-6 text-[20px] text-slate-200">
      <span className="flex shrink-0 items-center gap-2 whitespace-nowrap">
        <span className="inline-block h-3 w-6 rounded-sm" style={{ background: TREND_COLORS.thisYear }} aria-hidden="true" />
        {year}年{what}
      </span>
      <span className="flex shrink-0 items-center gap-2 whitespace-nowrap">
        <span className="inline-block h-3 w-6 rounded-sm" style={{ background: TREND_COLORS.lastYear }} aria-hidden="true" />
        {lastYear}年{what}
      </span>
      {partial && (
        <span className="ml-auto truncate text-[18px] text-slate-300">
          按已报{partial.month}月的{partial.towns}个乡镇同口径
        </span>
      )}
    </p>
  );
}

type Props = { indicator: string; year: number; lastYear: number; rows: WallTrendRow[]; partial: PartialMonth; mode: 0 | 1 };

export function TrendPanel({ indicator, year, lastYear, rows, partial, mode }: Props) {
  const cumulative = mode === 1;
  return (
    <Panel title={`${indicator}月度走势（亿元）`} className="h-[360px] shrink-0" extra={<ModeTabs labels={["当月", "累计"]} active={mode} />}>
      {/* One chart at a time (half the drawing work); the new view fades in. */}
      <div key={mode} data-testid={cumulative ? "trend-cumulative" : "trend-monthly"} className="animate-[wall-in_600ms_ease-out]">
        <Legend year={year} lastYear={lastYear} cumulative={cumulative} partial={partial} />
        <TrendChart rows={rows} cumulative={cumulative} title={`${indicator}${year}年与${lastYear}年${cumulative ? "累计" : "当月"}对比（亿元）`} />
      </div>
    </Panel>
  );
}
