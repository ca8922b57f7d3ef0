"use client";
// Upload → preview → commit, with a progress bar that polls the job (GET /api/v1/import/jobs/<id>).
import { useRef, useState } from "react";
import { PreviewView } from "./preview-view";
import { ProgressBar } from "./progress-bar";
import type { JobView, SheetChoices } from "./types";

type Kind = { value: string; label: string };
type Stage = { step: "idle" } | { step: "uploading"; fraction: number | null } | { step: "preview"; job: JobView } | { step: "committing"; job: JobView; done: number } | { step: "done"; job: JobView };

async function errorText(res: Response) {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `请求失败（${res.status}）`;
}

function upload(form: FormData, onProgress: (f: number | null) => void): Promise<Response> {
  // XMLHttpRequest reports upload progress; fetch does not.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/import/jobs");
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => resolve(new Response(xhr.responseText, { status: xhr.status, headers: { "content-type": "application/json" } }));
    xhr.onerror = () => reject(new Error("网络错误，上传失败"));
    xhr.send(form);
  });
}

type HistoryRights = { history: boolean; reopen: boolean };
type Reopen = { reason: string } | null;

export function ImportWorkbench({ kinds, defaultPeriod, rights = { history: false, reopen: false } }: { kinds: Kind[]; defaultPeriod: string; rights?: HistoryRights }) {
  const [kind, setKind] = useState(kinds[0].value);
  const [period, setPeriod] = useState(defaultPeriod);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<SheetChoices>({});
  const [history, setHistory] = useState(false);
  const [reopen, setReopen] = useState<Reopen>(null);
  const asHistory = rights.history && history && kind === "town_values";
  const fileRef = useRef<HTMLInputElement>(null);

  async function onPreview(e: React.FormEvent) {
    e.preventDefault();
    setChoices({});
    setReopen(null);
    await preview({}, null);
  }

  /** Uploads the chosen file again with the answers given per sheet (periods, units) and the reopen choice: the server keeps no file. */
  async function preview(sheetChoices: SheetChoices, reopenChoice: Reopen) {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError("请选择要导入的文件（.xlsx、.xls 或 .csv）");
    setError(null);
    const form = new FormData();
    form.set("kind", kind);
    form.set("period", period);
    if (Object.keys(sheetChoices).length > 0) form.set("sheets", JSON.stringify(sheetChoices));
    if (asHistory) form.set("history", "1");
    if (asHistory && reopenChoice) {
      form.set("reopen", "1");
      form.set("reopenReason", reopenChoice.reason);
    }
    form.set("file", file);
    setStage({ step: "uploading", fraction: 0 });
    try {
      const res = await upload(form, (fraction) => setStage({ step: "uploading", fraction }));
      if (!res.ok) throw new Error(await errorText(res));
      setStage({ step: "preview", job: (await res.json()) as JobView });
    } catch (err) {
      setError((err as Error).message);
      setStage({ step: "idle" });
    }
  }

  async function onCommit(job: JobView) {
    setError(null);
    setStage({ step: "committing", job, done: 0 });
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, 500));
        const res = await fetch(`/api/v1/import/jobs/${job.jobId}`).catch(() => null);
        if (res?.ok && polling) {
          const j = (await res.json()) as JobView;
          setStage((s) => (s.step === "committing" ? { ...s, done: j.rowsDone } : s));
        }
      }
    };
    void poll();
    try {
      const res = await fetch(`/api/v1/import/jobs/${job.jobId}/commit`, { method: "POST" });
      if (!res.ok) throw new Error(await errorText(res));
      const final = await fetch(`/api/v1/import/jobs/${job.jobId}`);
      setStage({ step: "done", job: (await final.json()) as JobView });
    } catch (err) {
      setError((err as Error).message);
      setStage({ step: "preview", job: { ...job, committable: false } });
    } finally {
      polling = false;
    }
  }

  const busy = stage.step === "uploading" || stage.step === "committing";
  return (
    <div className="space-y-5">
      <form onSubmit={onPreview} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label className="flex flex-col gap-1 text-sm">
          <span>数据类型</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5">
            {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{kind === "plans" ? "计划年度（取年份）" : "统计期（表中无“统计期”列时使用）"}</span>
          <input type="month" name="period" value={period} onChange={(e) => setPeriod(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>文件（.xlsx / .xls / .csv，≤ 10 MB）</span>
          <input ref={fileRef} type="file" name="file" accept=".xlsx,.xls,.et,.csv" className="text-sm" />
        </label>
        {rights.history && kind === "town_values" && (
          <label className="flex items-center gap-2 self-center text-sm" title="写入后各月报为“已审核”并锁定，审核人为您本人；用于一次导入往年的历史数据">
            <input type="checkbox" name="history" checked={history} onChange={(e) => setHistory(e.target.checked)} />
            <span>作为已审核历史数据导入</span>
          </label>
        )}
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-50">上传并预览</button>
        <a href={`/api/v1/import/templates/${kind}.xlsx`} className="text-sm text-brand-700 underline">下载导入模板</a>
      </form>

      {error && <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {stage.step === "uploading" && <ProgressBar label={stage.fraction === null ? "正在解析和校验…" : "正在上传…"} fraction={stage.fraction} />}
      {stage.step === "committing" && <ProgressBar label={`正在写入（${stage.done}/${stage.job.rowsTotal} 行）…`} fraction={stage.done > 0 ? stage.done / Math.max(1, stage.job.rowsTotal) : null} />}
      {stage.step === "done" && stage.job.result && (
        <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="import-result">
          {stage.job.result.created + stage.job.result.updated === 0
            ? `文件中的 ${stage.job.result.unchanged} 条数据与系统中完全一致，没有写入任何数据。`
            : `导入完成：新增 ${stage.job.result.created} 条，更新 ${stage.job.result.updated} 条，未变 ${stage.job.result.unchanged} 条（用时 ${stage.job.result.seconds.toFixed(1)} 秒，已记录审计日志）${stage.job.history ? "；已作为已审核历史数据导入并锁定" : ""}。`}
        </p>
      )}
      {(stage.step === "preview" || stage.step === "committing" || stage.step === "done") && (
        <>
          <h2 className="text-lg font-semibold">预览：{stage.job.fileName}</h2>
          <PreviewView
            job={stage.job}
            choices={choices}
            busy={busy}
            onChoose={stage.step === "preview" ? (c) => { setChoices(c); void preview(c, reopen); } : undefined}
            onReopen={stage.step === "preview" && rights.reopen ? (r) => { setReopen(r); void preview(choices, r); } : undefined}
          />
          {stage.step === "preview" && (
            <div className="flex items-center gap-3">
              <button type="button" onClick={() => onCommit(stage.job)} disabled={!stage.job.committable || stage.job.counts.create + stage.job.counts.update === 0 && stage.job.counts.unchanged === 0} className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-50">确认导入</button>
              <span className="text-sm text-slate-600">{stage.job.committable ? "全部写入或全部不写入（同一事务），并记录审计日志。" : "存在错误，不能导入。"}</span>
            </div>
          )}
        </>
      )}
    </div>
  );
}
