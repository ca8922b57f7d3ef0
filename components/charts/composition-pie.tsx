"use client";
// The donut of a composition (components/charts/composition-chart.tsx holds its legend table).
import { Cell, Pie, PieChart, Tooltip } from "recharts";
import type { CompositionRow } from "@/lib/dashboard/composition";
import { COLORS, valueText } from "./format";

export function CompositionPie({ rows }: { rows: CompositionRow[] }) {
  return (
    <PieChart responsive style={{ width: "100%", maxWidth: 200, height: 180 }}>
      <Pie data={rows} dataKey="value" nameKey="name" innerRadius={45} outerRadius={80} isAnimationActive={false}>
        {rows.map((r, i) => (
          <Cell key={r.key} fill={COLORS[i % COLORS.length]} />
        ))}
      </Pie>
      <Tooltip formatter={(v, name) => [valueText(typeof v === "number" ? v / 10000 : v, "亿元"), name]} />
    </PieChart>
  );
}
