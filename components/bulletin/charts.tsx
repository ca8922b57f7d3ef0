// Two server-rendered SVG charts (they print and need no client JavaScript): towns' output in
// rank order, and plan completion against time progress.
import { formatNumber, formatYi } from "@/lib/stats";
import { isBehind } from "@/lib/bulletin/phrases";
import type { BulletinData } from "@/lib/bulletin/types";

type Bar = { label: string; value: number; text: string; warn?: boolean };

function BarChart({ title, bars, marker }: { title: string; bars: Bar[]; marker?: { value: number; label: string } }) {
  const w = 640, rowH = 22, left = 90, right = 70, top = marker ? 42 : 28;
  const h = top + bars.length * rowH + 10;
  const max = Math.max(...bars.map((b) => b.value), marker?.value ?? 0, 1);
  const x = (v: number) => left + (Math.max(0, v) / max) * (w - left - right);
  const labelX = (v: number) => (marker && x(v) < x(marker.value) && x(v) + 48 > x(marker.value) ? x(marker.value) + 4 : x(v) + 4);
  return (
    <figure className="bulletin-chart rounded border border-slate-200 bg-white p-2">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} className="w-full" style={{ fontFamily: "inherit" }}>
        <text x={w / 2} y={16} textAnchor="middle" fontSize="14" fontWeight="600">{title}</text>
        {bars.map((b, i) => (
          <g key={b.label}>
            <text x={left - 6} y={top + i * rowH + 15} textAnchor="end" fontSize="12">{b.label}</text>
            <rect x={left} y={top + i * rowH + 4} width={Math.max(1, x(b.value) - left)} height={rowH - 8} fill={b.warn ? "#c0262d" : "#2563b0"} />
            {/* Past the marker line when the bar ends near it, so the line never crosses the figure. */}
            <text x={labelX(b.value)} y={top + i * rowH + 15} fontSize="11" fill="#334155">{b.text}</text>
          </g>
        ))}
        {marker && (
          <g>
            <line x1={x(marker.value)} x2={x(marker.value)} y1={top - 2} y2={h - 6} stroke="#c0262d" strokeDasharray="4 3" />
            <text x={x(marker.value)} y={top - 6} textAnchor="middle" fontSize="11" fill="#c0262d">{marker.label}</text>
          </g>
        )}
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}

export function OutputChart({ data }: { data: BulletinData }) {
  const bars = data.towns
    .filter((t) => t.cells.gross_output?.value && t.cells.gross_output.rank !== null)
    .sort((a, b) => a.cells.gross_output.rank! - b.cells.gross_output.rank!)
    .map((t) => ({ label: t.name, value: Number(t.cells.gross_output.value) / 10000, text: `${formatYi(t.cells.gross_output.value)}亿元` }));
  if (bars.length === 0) return null;
  return <BarChart title="图1 各乡镇工业总产值（亿元）" bars={bars} />;
}

export function CompletionChart({ data }: { data: BulletinData }) {
  const tp = data.timeProgressPercent;
  const bars = data.towns
    .filter((t) => t.cells.gross_output?.planCompletionPercent != null)
    .sort((a, b) => b.cells.gross_output.planCompletionPercent! - a.cells.gross_output.planCompletionPercent!)
    .map((t) => {
      const p = t.cells.gross_output.planCompletionPercent!;
      return { label: t.name, value: p, text: `${formatNumber(p, 1)}%`, warn: isBehind(t.cells.gross_output.scheduleGapPoints) };
    });
  if (bars.length === 0) return null;
  return <BarChart title="图2 各乡镇工业总产值完成年计划（%）" bars={bars} marker={tp === null ? undefined : { value: tp, label: `时序进度${formatNumber(tp, 1)}%` }} />;
}
