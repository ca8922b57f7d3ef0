// 同比 as leaders read it: red for growth, green for decline, words on a negative base. Text and
// tone come from the one presenter (lib/present/figure.ts); colours pass WCAG AA on white and tinted rows.
import { presentGrowth, type Tone } from "@/lib/present/figure";
import { MISSING, type LossChange } from "@/lib/stats";

export const TONE_CLASS: Record<Tone, string> = { up: "text-up", down: "text-down", flat: "", none: "text-slate-600" };

export function GrowthText({ percent, loss, digits = 1 }: { percent: number | null; loss?: LossChange | null; digits?: number }) {
  const g = presentGrowth({ yoyPercent: percent, lossChange: loss ?? null }, digits);
  return <span className={`${g.tone === "none" || loss ? "" : "num "}${TONE_CLASS[g.tone]}`.trim()}>{g.percent}</span>;
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
