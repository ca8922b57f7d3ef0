// A plain GET form: filters land in the URL, so a filtered list can be shared; works without JavaScript.
export type FilterField =
  | { kind: "search"; name: string; label: string; value?: string; placeholder?: string }
  | { kind: "select"; name: string; label: string; value?: string | number; options: { value: string | number; label: string }[]; any?: string };

export function FilterForm({ action, fields, hidden = {} }: { action: string; fields: FilterField[]; hidden?: Record<string, string | undefined> }) {
  const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" role="search" aria-label="筛选条件">
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {fields.map((f) => (
        <label key={f.name} className="min-w-36 text-sm text-slate-700">
          {f.label}
          {f.kind === "search" ? (
            <input type="search" name={f.name} defaultValue={f.value ?? ""} placeholder={f.placeholder} className={input} />
          ) : (
            <select name={f.name} defaultValue={f.value ?? ""} className={input}>
              <option value="">{f.any ?? "全部"}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          )}
        </label>
      ))}
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-600">筛选</button>
      <a href={action + (hidden.period ? `?period=${hidden.period}` : "")} className="py-1.5 text-sm text-brand-700 underline">清除</a>
    </form>
  );
}
