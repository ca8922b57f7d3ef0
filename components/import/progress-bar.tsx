/** A progress bar; without a fraction it shows an indeterminate stripe (work whose size is unknown). */
export function ProgressBar({ label, fraction }: { label: string; fraction: number | null }) {
  const pct = fraction === null ? null : Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div className="space-y-1" data-testid="import-progress">
      <div className="flex justify-between text-sm text-slate-600">
        <span>{label}</span>
        {pct !== null && <span className="num">{pct}%</span>}
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} className="h-2 overflow-hidden rounded bg-slate-200">
        <div className={`h-full bg-brand-600 transition-all ${pct === null ? "w-1/3 animate-pulse" : ""}`} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
