"use client";
// This year against last year by month, in 亿元: 当月 as bars, 累计 as lines. Fixed size (the
// stage is a fixed 1920×1080), no animation (the data refreshes in place every minute). Loaded
// after the first paint (components/wall/trend-panel.tsx), so Recharts never delays the numbers.
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import type { WallTrendRow } from "@/lib/kiosk/types";
import { TREND_COLORS } from "./panel";

const WIDTH = 652;
const HEIGHT = 236;
const { thisYear: THIS_YEAR, lastYear: LAST_YEAR } = TREND_COLORS;
const axis = { stroke: "#475569", tick: { fill: "#cbd5e1", fontSize: 18 }, tickLine: false } as const;
const margin = { top: 12, right: 20, bottom: 0, left: 0 };

export function TrendChart({ rows, cumulative, title }: { rows: WallTrendRow[]; cumulative: boolean; title: string }) {
  if (cumulative) {
    return (
      <LineChart width={WIDTH} height={HEIGHT} data={rows} margin={margin} title={title} accessibilityLayer={false}>
        <CartesianGrid stroke="#1e3a5f" vertical={false} />
        <XAxis dataKey="month" {...axis} interval={0} />
        <YAxis {...axis} width={56} />
        <Line type="monotone" dataKey="lastYearYtd" name="上年累计" stroke={LAST_YEAR} strokeWidth={3} strokeDasharray="8 6" dot={false} isAnimationActive={false} connectNulls={false} />
        <Line type="monotone" dataKey="currentYtd" name="本年累计" stroke={THIS_YEAR} strokeWidth={5} dot={{ r: 5, fill: THIS_YEAR }} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    );
  }
  return (
    <BarChart width={WIDTH} height={HEIGHT} data={rows} margin={margin} barGap={2} barCategoryGap="22%" title={title} accessibilityLayer={false}>
      <CartesianGrid stroke="#1e3a5f" vertical={false} />
      <XAxis dataKey="month" {...axis} interval={0} />
      <YAxis {...axis} width={56} />
      <Bar dataKey="lastYear" name="上年当月" fill={LAST_YEAR} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      <Bar dataKey="current" name="本年当月" fill={THIS_YEAR} radius={[3, 3, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
