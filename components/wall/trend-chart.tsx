// This year against last year by month, in 亿元: 当月 as bars, 累计 as lines, drawn as plain SVG.
// The stage is a fixed 1920×1080, so the chart has a fixed size; it redraws in place when the data
// refreshes. No chart library: the wall PC loads and evaluates no charting script at all.
import type { WallTrendRow } from "@/lib/kiosk/types";
import { TREND_COLORS } from "./panel";

const WIDTH = 652;
const HEIGHT = 236;
const M = { top: 12, right: 20, bottom: 30, left: 56 };
const PLOT_W = WIDTH - M.left - M.right;
const PLOT_H = HEIGHT - M.top - M.bottom;
const AXIS_TEXT = { fill: "#cbd5e1", fontSize: 18 } as const;

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** A round upper bound and its tick step (1, 2, 2.5 or 5 × 10ⁿ), about four steps high. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * power).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step, step };
}

const tickText = (v: number, step: number) => (step >= 1 ? String(Math.round(v)) : v.toFixed(step >= 0.1 ? 1 : 2));

export function TrendChart({ rows, cumulative, title }: { rows: WallTrendRow[]; cumulative: boolean; title: string }) {
  const series = cumulative ? rows.map((r) => [r.lastYearYtd, r.currentYtd] as const) : rows.map((r) => [r.lastYear, r.current] as const);
  const max = Math.max(0, ...series.flat().filter(finite));
  const { top, step } = niceScale(max);
  const y = (v: number) => M.top + PLOT_H - (Math.max(0, v) / top) * PLOT_H;
  const band = PLOT_W / Math.max(1, rows.length);
  const cx = (i: number) => M.left + band * i + band / 2;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-testid="wall-trend-svg">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#475569" : "#1e3a5f"} />
          <text x={M.left - 8} y={y(t)} dy="0.35em" textAnchor="end" {...AXIS_TEXT}>
            {tickText(t, step)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => (
        <text key={r.month} x={cx(i)} y={HEIGHT - 6} textAnchor="middle" {...AXIS_TEXT}>
          {r.month}
        </text>
      ))}
      {cumulative ? <Lines series={series} x={cx} y={y} /> : <Bars series={series} band={band} x={cx} y={y} />}
    </svg>
  );
}

type Series = readonly (readonly [number | null, number | null])[];
type Scale = (i: number) => number;

function Bars({ series, band, x, y }: { series: Series; band: number; x: Scale; y: Scale }) {
  const gap = 2;
  const width = (band * 0.78 - gap) / 2;
  const colors = [TREND_COLORS.lastYear, TREND_COLORS.thisYear];
  return (
    <g>
      {series.flatMap((pair, i) =>
        pair.map((v, k) => {
          if (!finite(v) || v <= 0) return null;
          const left = x(i) - width - gap / 2 + k * (width + gap);
          const h = y(0) - y(v);
          const r = Math.min(3, width / 2, h);
          // Rounded top corners only.
          const d = `M${left},${y(0)}V${y(v) + r}Q${left},${y(v)} ${left + r},${y(v)}H${left + width - r}Q${left + width},${y(v)} ${left + width},${y(v) + r}V${y(0)}Z`;
          return <path key={`${i}-${k}`} d={d} fill={colors[k]} data-series={k === 1 ? "current" : "last-year"} className="wall-bar" />;
        }),
      )}
    </g>
  );
}

/** A polyline per series, broken where a month has no value. */
function path(points: (readonly [number, number] | null)[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = true;
  }
  return d;
}

function Lines({ series, x, y }: { series: Series; x: Scale; y: Scale }) {
  const pts = (k: 0 | 1) => series.map((pair, i) => (finite(pair[k]) ? ([x(i), y(pair[k]!)] as const) : null));
  const current = pts(1);
  return (
    <g fill="none">
      <path d={path(pts(0))} stroke={TREND_COLORS.lastYear} strokeWidth={3} strokeDasharray="8 6" className="wall-line" data-series="last-year" />
      <path d={path(current)} stroke={TREND_COLORS.thisYear} strokeWidth={5} strokeLinejoin="round" className="wall-line" data-series="current" />
      {current.map((p, i) => (p ? <circle key={i} cx={p[0]} cy={p[1]} r={5} fill={TREND_COLORS.thisYear} /> : null))}
    </g>
  );
}
