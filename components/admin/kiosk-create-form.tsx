"use client";
// New wall link: label, county, optional expiry. The full link is shown once, right here.
import { useActionState, useState } from "react";
import { createKioskLink, type CreateKioskState } from "@/lib/kiosk/actions";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="mt-1 text-sm text-red-700">{message}</p> : null;
}

function NewLink({ link }: { link: NonNullable<CreateKioskState["link"]> }) {
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${link.path}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <p className="font-medium text-emerald-900">已为“{link.label}”（{link.county}）创建大屏链接。链接只显示这一次，请复制后在大屏电脑的浏览器中打开：</p>
      <div className="mt-2 flex gap-2">
        <label htmlFor="kiosk-new-link" className="sr-only">大屏链接</label>
        <input id="kiosk-new-link" data-testid="kiosk-new-link" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
        <button type="button" onClick={copy} className="shrink-0 rounded-md border border-brand-600 px-3 py-2 text-sm text-brand-700 hover:bg-brand-50">
          {copied ? "已复制" : "复制"}
        </button>
      </div>
    </div>
  );
}

export function KioskCreateForm({ counties }: { counties: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createKioskLink, {} as CreateKioskState);
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="kiosk-create-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="kiosk-create-title" className="text-lg font-semibold">新建大屏链接</h2>
      <form action={action} className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-[2fr_1fr_1fr_auto] md:items-start" noValidate>
        <div>
          <label htmlFor="kiosk-label" className="block text-sm font-medium text-slate-700">名称</label>
          <input id="kiosk-label" name="label" maxLength={60} placeholder="例如：三楼会议室大屏" aria-invalid={!!errors.label} aria-describedby={errors.label ? "kiosk-label-error" : undefined} className={input} />
          <FieldError id="kiosk-label-error" message={errors.label} />
        </div>
        <div>
          <label htmlFor="kiosk-county" className="block text-sm font-medium text-slate-700">县（市、区）</label>
          <select id="kiosk-county" name="county" defaultValue={counties[0]?.code} aria-invalid={!!errors.county} aria-describedby={errors.county ? "kiosk-county-error" : undefined} className={input}>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
          <FieldError id="kiosk-county-error" message={errors.county} />
        </div>
        <div>
          <label htmlFor="kiosk-expires" className="block text-sm font-medium text-slate-700">到期日期（可不填）</label>
          <input id="kiosk-expires" name="expiresOn" type="date" aria-invalid={!!errors.expiresOn} aria-describedby={errors.expiresOn ? "kiosk-expires-error" : undefined} className={input} />
          <FieldError id="kiosk-expires-error" message={errors.expiresOn} />
        </div>
        <button type="submit" disabled={pending || counties.length === 0} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60 md:mt-6">
          {pending ? "正在创建…" : "创建链接"}
        </button>
      </form>
      {state.message && <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      {state.link && <NewLink key={state.link.path} link={state.link} />}
    </section>
  );
}
