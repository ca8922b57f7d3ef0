import Link from "next/link";
import { formatDateTime } from "@/components/report/format";
import type { ReturnedNotice } from "@/lib/reports/inbox";
import { formatPeriodRange, parsePeriod } from "@/lib/stats";

/** What a reporter sees on arrival when the county returned one of their town's reports: the comment and a way to fix it. */
export function ReturnedNotices({ notices }: { notices: ReturnedNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <section role="alert" aria-label="退回通知" data-testid="returned-notice" className="space-y-2 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      {notices.map((n) => {
        const p = parsePeriod(n.period)!;
        const label = `${n.town.name}${formatPeriodRange(p.year, p.month)}月报`;
        return (
          <p key={n.period} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-semibold">{label}已被县局退回</span>
            <span className="text-xs text-red-800">（{formatDateTime(n.reviewedAt?.toISOString())}）</span>
            {n.comment && <span>退回意见：{n.comment}</span>}
            <Link href={`/reports/${n.town.code}/${n.period}`} className="font-medium text-red-800 underline">去修改并重新报送</Link>
          </p>
        );
      })}
    </section>
  );
}
