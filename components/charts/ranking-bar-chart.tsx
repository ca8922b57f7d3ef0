"use client";
// Towns ranked by total (horizontal bars, largest first); the tooltip carries the unit and 同比.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { RankRow } from "@/lib/dashboard/chart-rows";
import { axisNumber, percentText, valueText } from "./format";

export function RankingBarChart({ rows, unit, digits, label }: { rows: RankRow[]; unit: string; digits: number; label: string }) {
  const data = rows.filter((r) => r.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return (
    <figure aria-label={`${label}分乡镇排名（${unit}）`}>
      <BarChart responsive style={{ width: "100%", height: Math.max(240, data.length * 26 + 40) }} data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} unit="" />
        <YAxis type="category" dataKey="name" width={84} tick={{ fontSize: 12, fill: "#334155" }} interval={0} />
        <Tooltip
          formatter={(v) => [valueText(v, unit, digits), label]}
          labelFormatter={(name, payload) => {
            const row = payload?.[0]?.payload as RankRow | undefined;
            return row ? `${name} · 第${row.rank ?? "—"}位 · 同比${percentText(row.yoyPercent)}` : String(name);
          }}
        />
        <Bar dataKey="value" name={label} fill="#1d4f91" radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
      <figcaption className="sr-only">单位：{unit}</figcaption>
    </figure>
  );
}
