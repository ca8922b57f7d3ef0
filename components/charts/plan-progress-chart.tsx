"use client";
// Each town's 完成年计划 (%) against 时序进度: bars with a reference line; below the line is behind schedule.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { PlanRow } from "@/lib/dashboard/chart-rows";
import { formatScheduleGap } from "@/lib/stats";
import { percentText } from "./format";

export function PlanProgressChart({ rows, timeProgress }: { rows: PlanRow[]; timeProgress: number | null }) {
  return (
    <figure aria-label="各乡镇完成年计划与时序进度（%）">
      <BarChart responsive style={{ width: "100%", height: 300 }} data={rows} margin={{ left: 0, right: 16, top: 20, bottom: 40 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="name" tick={{ fontSize: 11, fill: "#334155" }} interval={0} angle={-35} textAnchor="end" />
        <YAxis unit="%" tick={{ fontSize: 12, fill: "#475569" }} width={48} />
        <Tooltip
          formatter={(v) => {
            const gap = typeof v === "number" && timeProgress !== null ? formatScheduleGap(v - timeProgress) : "";
            return [`${percentText(v)}${gap ? `（${gap}）` : ""}`, "完成年计划"];
          }}
        />
        <Bar dataKey="completion" name="完成年计划" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.code} fill={timeProgress !== null && (r.completion ?? 0) < timeProgress ? "#94a3b8" : "#1d4f91"} />
          ))}
        </Bar>
        {timeProgress !== null && (
          <ReferenceLine y={timeProgress} stroke="#c0262d" strokeDasharray="6 3" strokeWidth={2} />
        )}
      </BarChart>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600">
        <span><span aria-hidden className="mr-1 inline-block w-5 border-t-2 border-dashed border-up align-middle" />时序进度 {percentText(timeProgress)}</span>
        <span><span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 bg-brand-700 align-middle" />达到或超过时序进度</span>
        <span><span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 bg-slate-400 align-middle" />落后时序进度</span>
      </figcaption>
    </figure>
  );
}
