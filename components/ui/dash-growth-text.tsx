import { formatPercent, MISSING } from "@/lib/stats";
// Same as growth-text.tsx, with colours that pass WCAG AA contrast on white and tinted rows.
import type { LossChange } from "@/lib/stats";

/** 同比 as leaders read it: red for growth, green for decline, words on a negative base. */
export function GrowthText({ percent, loss, digits = 1 }: { percent: number | null; loss?: LossChange | null; digits?: number }) {
  if (loss) return <span className={loss === "增亏" ? "text-down" : "text-up"}>{loss}</span>;
  if (percent === null) return <span className="text-slate-600">{MISSING}</span>;
  const text = formatPercent(percent, digits);
  const cls = text.startsWith("-") ? "text-down" : text === formatPercent(0, digits) ? "" : "text-up";
  return <span className={`num ${cls}`}>{text}</span>;
}

/** ▲3 / ▼2 / — for a rank change (positive = moved up). */
export function RankChange({ change }: { change: number | null }) {
  if (change === null) return <span className="text-slate-600" aria-label="无上月排名">{MISSING}</span>;
  if (change === 0) return <span className="text-slate-600" aria-label="排名不变">＝</span>;
  return change > 0 ? (
    <span className="text-up" aria-label={`上升${change}位`}>▲{change}</span>
  ) : (
    <span className="text-down" aria-label={`下降${-change}位`}>▼{-change}</span>
  );
}
