import { ChartSkeleton } from "@/components/charts/chart-card";

export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <div className="h-8 w-80 animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => <div key={i} className="h-32 animate-pulse rounded-lg bg-slate-100" />)}
      </div>
      <ChartSkeleton title="分乡镇排名" height={380} />
    </div>
  );
}
