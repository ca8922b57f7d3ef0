/** loading.tsx of the list and detail segments: a heading bar and table rows pulsing. */
export function ListLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="加载中">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-16 animate-pulse rounded-lg bg-slate-100" />
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
        {Array.from({ length: 10 }, (_, i) => <div key={i} className="h-6 animate-pulse rounded bg-slate-100" />)}
      </div>
    </div>
  );
}
