// Towns ranked by 总量 or 增幅, with the change against last month's rank (▲/▼) and a link to each town.
import Link from "next/link";
import { GrowthText, RankChange } from "@/components/ui/growth-text";
import type { RankRow } from "@/lib/dashboard/chart-rows";
import { MISSING } from "@/lib/stats";

type Props = { title: string; by: "total" | "growth"; rows: RankRow[]; unit: string; growthDigits: number; hrefFor: (code: string) => string };

export function RankList({ title, by, rows, unit, growthDigits, hrefFor }: Props) {
  const rank = (r: RankRow) => (by === "total" ? r.rank : r.growthRank);
  const sorted = [...rows].sort((a, b) => (rank(a) ?? Number.MAX_SAFE_INTEGER) - (rank(b) ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code));
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-700">{title}</h3>
      <ol className="divide-y divide-slate-100 text-sm" data-testid={`rank-list-${by}`}>
        {sorted.map((r) => (
          <li key={r.code} className="flex items-center gap-2 py-1">
            <span className="w-6 text-right num text-slate-600">{rank(r) ?? MISSING}</span>
            <Link href={hrefFor(r.code)} className="flex-1 whitespace-nowrap text-brand-700 hover:underline">{r.name}</Link>
            <span className="w-20 text-right num">{by === "total" ? r.valueText : <GrowthText percent={r.yoyPercent} loss={r.lossChange} digits={growthDigits} />}</span>
            <span className="w-8 text-right text-xs" data-testid="rank-change">
              <RankChange change={by === "total" ? r.rankChange : r.growthRankChange} />
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-1 text-xs text-slate-600">{by === "total" ? `单位：${unit}；` : ""}▲▼为较上月排名变化</p>
    </div>
  );
}
