// A labelled input with its field error, wired with aria-invalid/aria-describedby.
type Base = { name: string; label: string; errors?: string[]; required?: boolean };
type Props = Base & ({ kind?: "text" | "number" | "date"; defaultValue?: string | number | null; step?: string } | { kind: "select"; defaultValue?: string | number | null; options: { value: string | number; label: string }[]; empty?: string } | { kind: "checkbox"; defaultChecked?: boolean });

export function Field(p: Props) {
  const id = `f-${p.name}`;
  const err = p.errors?.length ? `${id}-err` : undefined;
  const cls = `mt-1 block w-full rounded border px-2 py-1.5 text-sm ${err ? "border-red-600" : "border-slate-300"}`;
  const common = { id, name: p.name, "aria-invalid": err ? true : undefined, "aria-describedby": err };
  return (
    <div>
      {p.kind === "checkbox" ? (
        <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" {...common} defaultChecked={p.defaultChecked} className="h-4 w-4" />
          {p.label}
        </label>
      ) : (
        <label htmlFor={id} className="block text-sm text-slate-700">
          {p.label}
          {p.required && <span className="text-red-700" aria-hidden> *</span>}
          {p.kind === "select" ? (
            <select {...common} defaultValue={p.defaultValue ?? ""} className={cls} required={p.required}>
              <option value="">{p.empty ?? "请选择"}</option>
              {p.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          ) : (
            <input {...common} type={p.kind ?? "text"} step={p.step} defaultValue={p.defaultValue ?? ""} className={cls} required={p.required} />
          )}
        </label>
      )}
      {err && <p id={err} className="mt-1 text-xs text-red-700">{p.errors!.join("；")}</p>}
    </div>
  );
}

export function FormMessage({ message }: { message?: string }) {
  return message ? <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p> : null;
}

export function SubmitRow({ pending, cancelHref }: { pending: boolean; cancelHref: string }) {
  return (
    <div className="flex gap-3">
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-60">{pending ? "保存中…" : "保存"}</button>
      <a href={cancelHref} className="py-1.5 text-sm text-brand-700 underline">取消</a>
    </div>
  );
}
