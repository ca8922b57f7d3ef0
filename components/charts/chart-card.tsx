// A titled panel for one dashboard widget, and the skeleton shown while its data streams in.
export function ChartCard({ title, note, children, testId }: { title: string; note?: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId} aria-label={title}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-800">{title}</h2>
        {note && <p className="text-xs text-slate-600">{note}</p>}
      </div>
      {children}
    </section>
  );
}

export function ChartSkeleton({ title, height = 300 }: { title: string; height?: number }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy="true" aria-label={`${title}（加载中）`}>
      <div className="mb-3 h-5 w-40 animate-pulse rounded bg-slate-200" />
      <div className="animate-pulse rounded bg-slate-100" style={{ height }} />
    </section>
  );
}

export function ChartEmpty({ text = "本期暂无数据" }: { text?: string }) {
  return <p className="flex h-40 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600">{text}</p>;
}
