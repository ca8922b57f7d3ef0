"use client";
// This year against last year by month, as 当月 (single months) or 累计 (1–N月).
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendRow } from "@/lib/dashboard/chart-rows";
import { axisNumber, valueText } from "./format";

type Mode = "ytd" | "monthly";

export function TrendChart({ rows, unit, digits, year, canMonthly }: { rows: TrendRow[]; unit: string; digits: number; year: number; canMonthly: boolean }) {
  const [mode, setMode] = useState<Mode>("ytd");
  const keys = mode === "ytd" ? (["value", "lastYear"] as const) : (["monthly", "lastYearMonthly"] as const);
  const options: [Mode, string][] = canMonthly ? [["monthly", "当月"], ["ytd", "累计"]] : [["ytd", "累计"]];
  return (
    <div data-mode={mode} data-testid="trend-chart">
      <div role="group" aria-label="当月或累计" className="mb-2 inline-flex overflow-hidden rounded border border-slate-300 text-sm">
        {options.map(([m, text]) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className={`px-3 py-1 focus-visible:outline-2 focus-visible:outline-brand-600 ${mode === m ? "bg-brand-700 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {text}
          </button>
        ))}
      </div>
      <figure aria-label={`${year}年与${year - 1}年逐月对比（${mode === "ytd" ? "累计" : "当月"}，${unit}）`}>
        <LineChart responsive style={{ width: "100%", height: 280 }} data={rows} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} />
          <YAxis tickFormatter={axisNumber} tick={{ fontSize: 12, fill: "#475569" }} width={64} />
          <Tooltip formatter={(v, name) => [valueText(v, unit, digits), name]} />
          <Legend />
          <Line type="monotone" dataKey={keys[0]} name={`${year}年`} stroke="#c0262d" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey={keys[1]} name={`${year - 1}年`} stroke="#64748b" strokeDasharray="5 4" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
        <figcaption className="sr-only">单位：{unit}</figcaption>
      </figure>
    </div>
  );
}
