"use client";
// A project's 当年累计完成投资 by month against this year's planned investment (reference line).
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { axisNumber, valueText } from "./format";

export type ProgressRow = { label: string; completed: number | null };

export function ProgressChart({ rows, plan }: { rows: ProgressRow[]; plan: number | null }) {
  return (
    <figure aria-label="当年累计完成投资与当年计划投资（万元）">
      <BarChart responsive style={{ width: "100%", height: 260 }} data={rows} margin={{ left: 8, right: 16, top: 20, bottom: 4 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} />
        <YAxis tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} width={64} domain={[0, (max: number) => Math.max(max, plan ?? 0) * 1.1]} />
        <Tooltip formatter={(v) => [valueText(v, "万元"), "当年累计完成投资"]} />
        <Bar dataKey="completed" name="当年累计完成投资" fill="#1d4f91" isAnimationActive={false} />
        {plan !== null && <ReferenceLine y={plan} stroke="#c0262d" strokeDasharray="6 3" label={{ value: `当年计划 ${valueText(plan, "万元")}`, position: "insideTopLeft", fill: "#c0262d", fontSize: 12 }} />}
      </BarChart>
    </figure>
  );
}
