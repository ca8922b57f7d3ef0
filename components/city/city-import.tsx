"use client";
// Upload the city's table of counties (or the counties' annual plans), see what it will do — rows
// recognised, errors and warnings by sheet and row — and confirm. Nothing is written before 确认导入.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { commitCityImportAction, previewCityImportAction, type CityPreviewView } from "@/lib/import/city-actions";

const OPS: Record<string, string> = { create: "新增", update: "更新", unchanged: "未变" };

export function CityImportForm({ periodKey }: { periodKey: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [preview, setPreview] = useState<CityPreviewView | null>(null);
  const [done, setDone] = useState<CityPreviewView | null>(null);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <form
        className="flex flex-wrap items-end gap-3"
        action={(data) =>
          start(async () => {
            setDone(null);
            setPreview(await previewCityImportAction(data));
          })
        }
      >
        <label className="text-sm">
          <span className="block text-slate-700">数据类型</span>
          <select name="kind" className="mt-1 rounded border border-slate-300 px-2 py-1" defaultValue="city_values">
            <option value="city_values">全市分县（市、区）月报表（1–N月累计）</option>
            <option value="city_plans">县（市、区）年度计划</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-700">统计期（表中未写明时）</span>
          <input name="period" defaultValue={periodKey} className="mt-1 w-28 rounded border border-slate-300 px-2 py-1 num" />
        </label>
        <label className="text-sm">
          <span className="block text-slate-700">文件</span>
          <input name="file" type="file" accept=".xlsx,.xls,.csv" required className="mt-1 text-sm" />
        </label>
        <button type="submit" disabled={pending} className="rounded border border-brand-700 px-4 py-1.5 text-sm text-brand-700 disabled:opacity-50">
          {pending ? "读取中…" : "上传并预览"}
        </button>
      </form>
      <p className="text-xs text-slate-600">各行为县（市、区），按名称、简称或12位区划代码识别；“全市/合计”行与各县（市、区）之和核对；有乡镇明细的县（市、区）只记为市表核对数，不计入汇总。</p>
      {preview && (
        <div className="space-y-2" data-testid="city-import-preview">
          <p role="status" className={`text-sm ${preview.ok ? "text-slate-800" : "text-red-700"}`}>{preview.message}</p>
          {preview.problems && preview.problems.length > 0 && (
            <ul className="max-h-64 overflow-y-auto rounded border border-slate-200 text-sm">
              {preview.problems.map((p, i) => (
                <li key={i} className={`border-b border-slate-100 px-2 py-1 ${p.severity === "error" ? "text-red-700" : "text-amber-900"}`}>
                  {p.severity === "error" ? "错误" : "提示"}：{p.sheet ? `工作表“${p.sheet}”` : ""}{p.row ? `第${p.row}行` : ""}{p.column ? `（${p.column}）` : ""}：{p.message}
                </li>
              ))}
            </ul>
          )}
          {preview.actions && preview.actions.length > 0 && (
            <ul className="text-sm text-slate-700">
              {preview.actions.map((a, i) => (
                <li key={i}>{OPS[a.op] ?? a.op}：{a.label}</li>
              ))}
            </ul>
          )}
          {preview.committable && preview.jobId && !done?.ok && (
            <button
              type="button"
              disabled={pending}
              className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50"
              onClick={() =>
                start(async () => {
                  setDone(await commitCityImportAction(preview.jobId));
                  router.refresh();
                })
              }
            >
              确认导入
            </button>
          )}
          {done && <p role="status" className={`text-sm ${done.ok ? "text-green-800" : "text-red-700"}`}>{done.message}</p>}
        </div>
      )}
    </div>
  );
}
