import Link from "next/link";
import { formatDateTime } from "@/components/report/format";
import type { PendingReview } from "@/lib/reports/inbox";
import { formatPeriodRange, parsePeriod } from "@/lib/stats";

type Props = { rows: PendingReview[]; limit: number };

/** 待审核: every submitted report in the reviewer's reach, across periods, oldest submission first. */
export function PendingInbox({ rows, limit }: Props) {
  return (
    <section aria-labelledby="inbox-title" className="space-y-2">
      <h2 id="inbox-title" className="text-base font-semibold text-slate-800">
        待审核 <span className="num" data-testid="inbox-count">{rows.length}{rows.length === limit ? "+" : ""}</span> 份
        <span className="ml-2 text-sm font-normal text-slate-500">（所有统计期，先报先审）</span>
      </h2>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-500">没有等待审核的月报。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-blue-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="pending-inbox">
            <thead className="bg-blue-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">乡镇</th>
                <th scope="col" className="px-3 py-2 font-medium">统计期</th>
                <th scope="col" className="px-3 py-2 font-medium">报送时间</th>
                <th scope="col" className="px-3 py-2 font-medium">报送人</th>
                <th scope="col" className="px-3 py-2 font-medium">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const p = parsePeriod(r.period)!;
                const label = formatPeriodRange(p.year, p.month);
                return (
                  <tr key={`${r.town.code}-${r.period}`} className="border-t border-slate-100" data-pending-town={r.town.code} data-period={r.period}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">{r.town.name}</th>
                    <td className="px-3 py-2">{label}</td>
                    <td className="px-3 py-2 num text-slate-600">{formatDateTime(r.submittedAt?.toISOString())}</td>
                    <td className="px-3 py-2 text-slate-600">{r.submittedBy ?? "—"}</td>
                    <td className="px-3 py-2">
                      <Link className="text-brand-700 underline" href={`/reports/${r.town.code}/${r.period}`} aria-label={`审核${r.town.name}${label}月报`}>审核</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
