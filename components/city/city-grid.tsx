"use client";
// The city grid: one row per county of the city, one column per headline indicator (万元). A county
// without town detail is typed here (its county-level report: 保存, 报送, 审核通过); a county with
// towns shows its towns' total and takes only the city table's figure, for the cross-check.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatFigureForInput } from "@/lib/input";
import type { CityGrid, GridRow } from "@/lib/peers/grid";
import { saveCityGridAction, stepCountyReportAction, type GridActionResult } from "@/lib/peers/grid-actions";
import { presentValue } from "@/lib/present/figure";

const STATUS: Record<string, string> = { DRAFT: "草稿", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核" };
const locked = (r: GridRow) => r.kind === "peer" && (r.status === "SUBMITTED" || r.status === "APPROVED");

export function CityGridForm({ grid, periodKey }: { grid: CityGrid; periodKey: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<GridActionResult | null>(null);
  const initial = () => Object.fromEntries(grid.rows.map((r) => [r.code, Object.fromEntries(grid.indicators.map((i) => [i.code, r.values[i.code] === null ? "" : formatFigureForInput(r.values[i.code], i.precision)]))]));
  const [typed, setTyped] = useState<Record<string, Record<string, string>>>(initial);
  const shown = initial();
  // New figures from the server (a save, a refresh): the rows they changed show them; other rows keep what was typed.
  const [baseline, setBaseline] = useState(shown);
  if (JSON.stringify(baseline) !== JSON.stringify(shown)) {
    setBaseline(shown);
    setTyped((t) => Object.fromEntries(Object.entries(t).map(([code, row]) => [code, JSON.stringify(baseline[code]) !== JSON.stringify(shown[code]) ? shown[code] : row])));
  }
  const changed = grid.rows.filter((r) => !locked(r) && grid.indicators.some((i) => typed[r.code][i.code] !== shown[r.code][i.code]));

  const run = (action: () => Promise<GridActionResult>) =>
    start(async () => {
      const r = await action();
      setResult(r);
      router.refresh();
    });
  const save = () =>
    run(() =>
      saveCityGridAction({
        period: periodKey,
        rows: changed.map((r) => ({ code: r.code, version: r.version, values: typed[r.code], ...(r.kind === "detailed" ? { seen: r.values } : {}) })),
      }),
    );

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[60rem] text-sm" data-testid="city-grid">
          <caption className="sr-only">{grid.city.name}各县（市、区）1–N月累计（万元）</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium">县（市、区）</th>
              {grid.indicators.map((i) => (
                <th key={i.code} scope="col" className="px-2 py-2 text-right font-medium">{i.name}（{i.unit}）</th>
              ))}
              <th scope="col" className="px-2 py-2 font-medium">状态</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {grid.rows.map((r) => (
              <tr key={r.code} data-county={r.code} data-kind={r.kind}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                  {r.name}
                  {r.kind === "detailed" && <span className="ml-1 text-xs text-slate-600">（有乡镇明细）</span>}
                </th>
                {grid.indicators.map((i) => (
                  <td key={i.code} className="px-2 py-1.5 text-right align-top">
                    {locked(r) ? (
                      <span className="num">{presentValue(r.values[i.code], i).text}</span>
                    ) : (
                    <input
                      aria-label={`${r.name}${i.name}${r.kind === "detailed" ? "（市表数）" : ""}`}
                      className="w-32 rounded border border-slate-300 px-2 py-1 text-right num disabled:bg-slate-100"
                      inputMode="decimal"
                      disabled={pending}
                      value={typed[r.code][i.code]}
                      onChange={(e) => setTyped((t) => ({ ...t, [r.code]: { ...t[r.code], [i.code]: e.target.value } }))}
                    />
                    )}
                    {r.kind === "detailed" && (
                      <div className="mt-0.5 text-xs text-slate-600">乡镇汇总 <span className="num">{presentValue(r.towns?.[i.code] ?? null, i).text}</span></div>
                    )}
                  </td>
                ))}
                <td className="px-2 py-1.5 whitespace-nowrap">
                  {r.kind === "detailed" ? (
                    <span className="text-xs text-slate-600">市表数仅用于核对，不计入汇总</span>
                  ) : (
                    <span className="flex items-center gap-2">
                      <span data-testid="county-status">{r.status ? STATUS[r.status] : "未填报"}</span>
                      {(r.status === "DRAFT" || r.status === "RETURNED") && (
                        <button type="button" disabled={pending} className="rounded border border-brand-700 px-2 py-0.5 text-xs text-brand-700" onClick={() => run(() => stepCountyReportAction({ period: periodKey, code: r.code, version: r.version, step: "submit" }))}>
                          报送
                        </button>
                      )}
                      {r.status === "SUBMITTED" && (
                        <button type="button" disabled={pending} className="rounded border border-brand-700 px-2 py-0.5 text-xs text-brand-700" onClick={() => run(() => stepCountyReportAction({ period: periodKey, code: r.code, version: r.version, step: "approve" }))}>
                          审核通过
                        </button>
                      )}
                    </span>
                  )}
                  {result?.errors?.[r.code] && <p className="mt-1 max-w-xs whitespace-normal text-xs text-red-700" role="alert">{result.errors[r.code]}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={save} disabled={pending || changed.length === 0} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "保存中…" : `保存${changed.length > 0 ? `（${changed.length}个县（市、区））` : ""}`}
        </button>
        {result && (
          <p role="status" className={`text-sm ${result.ok ? "text-green-800" : "text-red-700"}`}>{result.message}</p>
        )}
      </div>
      <p className="text-xs text-slate-600">填写1–N月累计数，单位万元，可输入“1.2亿”等写法；已报送或已审核的县（市、区）数据锁定。有乡镇明细的县（市、区）合计以各乡镇数据为准，市表数只用于核对。</p>
    </div>
  );
}
