"use client";
// What the preview read of each sheet: its period (editable: the file is previewed again with the
// choice), header rows, row counts, and per column what it holds and the unit applied to it.
import { useState } from "react";
import type { SheetChoices, SheetView } from "./types";

const PERIOD_FROM: Record<string, string> = { choice: "预览中选择", title: "标题", name: "工作表名", form: "页面所选", column: "表中统计期列" };
const STATUS: Record<SheetView["status"], [string, string]> = {
  data: ["读取", "bg-green-50 text-green-800"],
  skipped: ["跳过", "bg-slate-100 text-slate-600"],
  refused: ["拒绝", "bg-red-50 text-red-800"],
};
const periodLabel = (p: string) => {
  const [y, m] = p.split("-").map(Number);
  return m === 1 ? `${y}年1月` : `${y}年1–${m}月`;
};

export function SheetsView({ sheets, choices, onChoose, busy }: { sheets: SheetView[]; choices: SheetChoices; onChoose?: (c: SheetChoices) => void; busy?: boolean }) {
  const [draft, setDraft] = useState<SheetChoices>(choices);
  const [open, setOpen] = useState<string | null>(sheets.find((s) => s.status === "data")?.name ?? null);
  const changed = JSON.stringify(draft) !== JSON.stringify(choices);
  const set = (name: string, key: "period" | "unit", value: string) =>
    setDraft((d) => {
      const next = { ...d, [name]: { ...d[name], [key]: value || undefined } };
      if (!next[name].period && !next[name].unit) delete next[name];
      return next;
    });
  return (
    <section aria-labelledby="sheets-title" className="space-y-2" data-testid="import-sheets">
      <h3 id="sheets-title" className="font-semibold">
        工作表<span className="ml-2 text-sm font-normal text-slate-500">（{sheets.filter((s) => s.status === "data").length} 个数据表，{sheets.filter((s) => s.status !== "data").length} 个跳过或拒绝；统计期和单位可在此更正后重新预览）</span>
      </h3>
      <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="sticky top-0 bg-slate-100 text-left text-slate-700">
            <tr>
              <th className="px-2 py-1.5">工作表</th><th className="px-2 py-1.5">状态</th><th className="px-2 py-1.5">统计期</th><th className="px-2 py-1.5">依据</th>
              <th className="px-2 py-1.5">表头</th><th className="px-2 py-1.5 text-right">乡镇行</th><th className="px-2 py-1.5 text-right">合计行</th><th className="px-2 py-1.5">金额单位</th><th className="px-2 py-1.5">列</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((s) => (
              <SheetRow key={s.name} sheet={s} draft={draft[s.name]} onSet={onChoose ? (k, v) => set(s.name, k, v) : undefined} open={open === s.name} onToggle={() => setOpen(open === s.name ? null : s.name)} />
            ))}
          </tbody>
        </table>
      </div>
      {onChoose && (
        <div className="flex items-center gap-3">
          <button type="button" disabled={!changed || busy} onClick={() => onChoose(draft)} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50">按所选统计期和单位重新预览</button>
          {changed && <span className="text-sm text-amber-700">已修改，重新预览后才会生效</span>}
        </div>
      )}
    </section>
  );
}

function SheetRow({ sheet: s, draft, onSet, open, onToggle }: { sheet: SheetView; draft?: { period?: string; unit?: string }; onSet?: (k: "period" | "unit", v: string) => void; open: boolean; onToggle: () => void }) {
  const [label, cls] = STATUS[s.status];
  const asks = s.question?.kind;
  return (
    <>
      <tr className={`border-t border-slate-100 align-top ${asks ? "bg-amber-50" : ""}`}>
        <td className="px-2 py-1 whitespace-nowrap font-medium">{s.name}</td>
        <td className="px-2 py-1 whitespace-nowrap"><span className={`rounded px-1.5 py-0.5 text-xs ${cls}`}>{label}</span></td>
        <td className="px-2 py-1 whitespace-nowrap">
          {s.status === "data" && s.periodFrom !== "column" && onSet ? (
            <input type="month" aria-label={`${s.name} 统计期`} value={draft?.period ?? s.period ?? ""} onChange={(e) => onSet("period", e.target.value)} className={`rounded border px-1.5 py-0.5 ${asks === "period" ? "border-amber-500" : "border-slate-300"}`} />
          ) : s.period ? periodLabel(s.period) : s.periodFrom === "column" ? "按行" : "—"}
        </td>
        <td className="px-2 py-1 whitespace-nowrap text-slate-600">{s.periodFrom ? PERIOD_FROM[s.periodFrom] : "—"}</td>
        <td className="px-2 py-1 whitespace-nowrap text-slate-600">{s.headerRows ?? "—"}</td>
        <td className="num px-2 py-1 text-right">{s.rows ?? "—"}</td>
        <td className="num px-2 py-1 text-right">{s.totals ?? "—"}</td>
        <td className="px-2 py-1 whitespace-nowrap">
          {s.status === "data" && onSet ? (
            <select aria-label={`${s.name} 金额单位`} value={draft?.unit ?? ""} onChange={(e) => onSet("unit", e.target.value)} className={`rounded border px-1 py-0.5 ${asks === "unit" ? "border-amber-500" : "border-slate-300"}`}>
              <option value="">{s.unit ?? "万元（默认）"}</option>
              <option value="元">元</option><option value="万元">万元</option><option value="亿元">亿元</option>
            </select>
          ) : s.unit ?? "—"}
        </td>
        <td className="px-2 py-1 whitespace-nowrap">
          {s.columns && s.columns.length > 0 ? <button type="button" onClick={onToggle} className="text-brand-700 underline" aria-expanded={open}>{open ? "收起" : `${s.columns.length} 列`}</button> : <span className="text-slate-500">{s.reason ?? "—"}</span>}
        </td>
      </tr>
      {(s.question || (s.reason && s.status === "refused")) && (
        <tr><td colSpan={9} className="px-2 pb-1.5 text-sm text-amber-800">{s.question?.message ?? s.reason}</td></tr>
      )}
      {open && s.columns && (
        <tr>
          <td colSpan={9} className="bg-slate-50 px-3 py-2">
            <table className="text-xs" data-testid={`sheet-columns-${s.name}`}>
              <thead className="text-left text-slate-600"><tr><th className="pr-4">表中列名</th><th className="pr-4">对应</th><th className="pr-4">处理</th><th>单位</th></tr></thead>
              <tbody>
                {s.columns.map((c, i) => (
                  <tr key={i} className={c.imported ? "" : "text-slate-500"}>
                    <td className="pr-4">{c.header}</td><td className="pr-4">{c.target}</td><td className="pr-4">{c.role}</td><td>{c.unit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </td>
        </tr>
      )}
    </>
  );
}
