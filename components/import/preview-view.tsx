// The preview: what will be created/updated, and every problem with sheet, row and column.
import { HistoryChoice } from "./history-choice";
import { SheetsView } from "./sheets-view";
import type { JobView, SheetChoices } from "./types";

const OP_LABEL = { create: "新增", update: "更新", unchanged: "不变" } as const;
const OP_CLASS = { create: "bg-green-50 text-green-800", update: "bg-amber-50 text-amber-800", unchanged: "bg-slate-100 text-slate-600" } as const;

/** "1234567.5" → "1,234,567.5"; anything else as it is. */
const figure = (v: string | null) => (v === null ? "（空）" : /^-?\d+(\.\d+)?$/.test(v) ? v.replace(/^(-?\d+)/, (i) => i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")) : v);

type SheetProps = { choices?: SheetChoices; onChoose?: (c: SheetChoices) => void; busy?: boolean };
type ReopenProps = { onReopen?: (reopen: { reason: string } | null) => void };

export function PreviewView({ job, choices = {}, onChoose, busy, onReopen }: { job: JobView } & SheetProps & ReopenProps) {
  const c = job.counts;
  const stats: [string, number, string][] = [
    ["新增", c.create, "text-green-700"],
    ["更新", c.update, "text-amber-700"],
    ["不变", c.unchanged, "text-slate-600"],
    ["错误", c.errors, "text-red-700"],
    ["提示", c.warnings, "text-slate-600"],
  ];
  return (
    <div className="space-y-4" data-testid="import-preview">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-6">
        <div className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">数据行</dt>
          <dd className="num text-xl font-semibold">{job.rowsTotal}</dd>
        </div>
        {stats.map(([label, n, cls]) => (
          <div key={label} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className={`num text-xl font-semibold ${cls}`}>{n}</dd>
          </div>
        ))}
      </dl>
      {job.previouslyCommitted && (
        <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">该文件已于 {new Date(job.previouslyCommitted.at).toLocaleString("zh-CN")} 导入过（任务 #{job.previouslyCommitted.jobId}）；再次导入只会写入有变化的数据。</p>
      )}
      {job.history && (
        <p className="rounded bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="history-note">作为已审核历史数据导入：写入后各月报为“已审核”并锁定，审核人为您本人；核实性审核提示记入相应指标的说明；审计日志记为“历史数据导入”。</p>
      )}
      {job.history && <HistoryChoice key={`${job.jobId}`} history={job.history} busy={busy} onChoose={onReopen} />}
      {job.sheets && job.sheets.length > 0 && (job.sheets.length > 1 || job.sheets[0].headerRows !== "第1行" || job.sheets[0].status !== "data") && (
        <SheetsView key={JSON.stringify(choices) + job.jobId} sheets={job.sheets} choices={choices} onChoose={onChoose} busy={busy} />
      )}
      {job.problems.length > 0 && (
        <section aria-labelledby="problems-title" className="space-y-2">
          <div className="flex flex-wrap items-baseline gap-x-3">
            <h3 id="problems-title" className="font-semibold">问题清单{c.errors > 0 && <span className="ml-2 text-sm font-normal text-red-700">有错误时不能导入，请修改文件后重新上传</span>}</h3>
            <a href={`/api/v1/import/jobs/${job.jobId}/problems`} download className="text-sm text-brand-700 underline">下载问题清单（.xlsx）</a>
          </div>
          <div className="max-h-80 overflow-auto rounded border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="import-problems">
              <thead className="sticky top-0 bg-slate-100 text-left text-slate-700">
                <tr><th className="px-2 py-1.5">级别</th><th className="px-2 py-1.5">工作表</th><th className="px-2 py-1.5">行</th><th className="px-2 py-1.5">列</th><th className="px-2 py-1.5">问题</th></tr>
              </thead>
              <tbody>
                {job.problems.map((p, i) => (
                  <tr key={i} className="border-t border-slate-100">
                    <td className={`px-2 py-1 whitespace-nowrap ${p.severity === "error" ? "text-red-700" : "text-amber-700"}`}>{p.severity === "error" ? "错误" : "提示"}</td>
                    <td className="px-2 py-1 whitespace-nowrap">{p.sheet}</td>
                    <td className="num px-2 py-1">{p.row ?? "—"}</td>
                    <td className="px-2 py-1 whitespace-nowrap">{p.column ?? "—"}</td>
                    <td className="px-2 py-1">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {job.actions.length > 0 && (
        <section aria-labelledby="actions-title" className="space-y-2">
          <h3 id="actions-title" className="font-semibold">将写入的数据{job.actions.length < c.create + c.update + c.unchanged && <span className="ml-2 text-sm font-normal text-slate-500">（显示前 {job.actions.length} 条）</span>}</h3>
          <div className="max-h-96 overflow-auto rounded border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="import-actions">
              <thead className="sticky top-0 bg-slate-100 text-left text-slate-700">
                <tr><th className="px-2 py-1.5">行</th><th className="px-2 py-1.5">操作</th><th className="px-2 py-1.5">对象</th><th className="px-2 py-1.5">变更</th></tr>
              </thead>
              <tbody>
                {job.actions.map((a, i) => (
                  <tr key={i} className="border-t border-slate-100 align-top">
                    <td className="num px-2 py-1">{a.src.row}</td>
                    <td className="px-2 py-1"><span className={`rounded px-1.5 py-0.5 text-xs ${OP_CLASS[a.op]}`}>{OP_LABEL[a.op]}</span></td>
                    <td className="px-2 py-1 whitespace-nowrap">{a.label}</td>
                    <td className="px-2 py-1 text-slate-700">{a.changes.map((ch) => `${ch.field}：${figure(ch.old)} → ${figure(ch.new)}`).join("；") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
