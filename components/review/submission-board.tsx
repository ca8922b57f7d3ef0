import Link from "next/link";
import { formatDateTime } from "@/components/report/format";
import { BOARD_STATE_LABELS, TIMELINESS_LABELS, type BoardFilter, type BoardRow, type BoardState, type SubmissionBoard } from "@/lib/reports/board";
import { formatPercent, formatPeriodRange, MISSING, parsePeriod } from "@/lib/stats";

const STATE_TONE: Record<BoardState, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-700",
  DRAFT: "bg-sky-100 text-sky-800",
  SUBMITTED: "bg-blue-100 text-blue-800",
  RETURNED: "bg-red-100 text-red-800",
  APPROVED: "bg-green-100 text-green-800",
};

function Count({ label, value, tone = "" }: { label: string; value: string | number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-xs text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold num ${tone}`}>{value}</p>
    </div>
  );
}

type Props = { board: SubmissionBoard; rows: BoardRow[]; filter: BoardFilter; canAudit: boolean; /** The board's region in links when it is not the reader's own (a city user on a county's board). */ region?: string; /** May approve or return (the link of a submitted report reads 审核, else 查看). */ canReview?: boolean; periods: string[]; /** The 待审核 inbox, shown under the title. */ inbox?: React.ReactNode; /** 园区数据核对 findings per town code (warnings, decision 018). */ parkNotes?: Record<string, number> };

/** 报送情况: who has submitted, on time or late, who is missing, for one county and period. */
export function SubmissionBoardView({ board, rows, filter, canAudit, canReview = false, periods, inbox, parkNotes = {}, region }: Props) {
  const p = parsePeriod(board.period)!;
  const c = board.counts;
  const unit = board.unitLabel;
  const regionQuery = region ? `&region=${region}` : "";
  const filterHref = (f: BoardFilter) => `/review?period=${board.period}${regionQuery}${f === "all" ? "" : `&filter=${f}`}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{board.county.name} {formatPeriodRange(p.year, p.month)} 月报报送情况</h1>
          <p className="mt-1 text-sm text-slate-500">报送截止：次月{board.deadlineDay}日（{formatDateTime(new Date(board.deadline.getTime() - 1).toISOString())} 前报送为按时）</p>
        </div>
        <form method="get" action="/review" className="flex items-center gap-2 text-sm">
          {region && <input type="hidden" name="region" value={region} />}
          <label htmlFor="board-period">统计期</label>
          <select id="board-period" name="period" defaultValue={board.period} className="rounded border border-slate-300 bg-white px-2 py-1">
            {periods.map((key) => {
              const q = parsePeriod(key)!;
              return <option key={key} value={key}>{formatPeriodRange(q.year, q.month)}</option>;
            })}
          </select>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-600">查看</button>
        </form>
      </div>
      {inbox}
      <section aria-label="报送统计" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
        <Count label={`应报${unit}`} value={c.total} />
        <Count label="已报送（含已审核）" value={c.submitted} />
        <Count label="已审核" value={c.APPROVED} tone="text-green-700" />
        <Count label="已退回" value={c.RETURNED} tone={c.RETURNED ? "text-red-700" : ""} />
        <Count label="草稿" value={c.DRAFT} />
        <Count label="未开始" value={c.NOT_STARTED} />
        <Count label="逾期（报送/未报）" value={`${c.late}/${c.overdue}`} tone={c.late + c.overdue ? "text-red-700" : ""} />
        <Count label="按时报送率" value={board.onTimeRate === null ? MISSING : formatPercent(board.onTimeRate, 1)} />
      </section>
      <nav aria-label="筛选" className="flex gap-2 text-sm">
        {(["all", "late", "missing"] as const).map((f) => (
          <Link key={f} href={filterHref(f)} aria-current={filter === f ? "page" : undefined} className={`rounded px-3 py-1 ${filter === f ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
            {f === "all" ? "全部" : f === "late" ? "逾期" : "未报"}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm" data-testid="submission-board">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{unit}</th>
              <th scope="col" className="px-3 py-2 font-medium">状态</th>
              <th scope="col" className="px-3 py-2 font-medium">时效</th>
              <th scope="col" className="px-3 py-2 font-medium">报送时间</th>
              <th scope="col" className="px-3 py-2 font-medium">审核时间</th>
              <th scope="col" className="px-3 py-2 font-medium">退回意见</th>
              <th scope="col" className="px-3 py-2 font-medium">操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-500">没有符合条件的{unit}。</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.town.code} className="border-t border-slate-100" data-town={r.town.code}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {r.town.name}
                  {parkNotes[r.town.code] ? (
                    <Link href={`/reports/${r.town.code}/${board.period}`} data-testid="park-note" className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-800 hover:underline" title="园区数据与乡镇月报或关联企业不一致，供审核参考">
                      园区待核 {parkNotes[r.town.code]}
                    </Link>
                  ) : null}
                </th>
                <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 text-xs ${STATE_TONE[r.state]}`}>{BOARD_STATE_LABELS[r.state]}</span></td>
                <td className={`px-3 py-2 ${r.timeliness === "ON_TIME" ? "text-green-700" : r.timeliness ? "text-red-700" : "text-slate-400"}`}>{r.timeliness ? TIMELINESS_LABELS[r.timeliness] : MISSING}</td>
                <td className="px-3 py-2 num text-slate-600">{formatDateTime(r.submittedAt?.toISOString())}</td>
                <td className="px-3 py-2 num text-slate-600">{formatDateTime(r.reviewedAt?.toISOString())}</td>
                <td className="max-w-xs truncate px-3 py-2 text-slate-600" title={r.reviewerComment ?? undefined}>{r.reviewerComment ?? ""}</td>
                <td className="space-x-3 whitespace-nowrap px-3 py-2">
                  <Link className="text-brand-700 underline" href={`/reports/${r.town.code}/${board.period}`} aria-label={`查看${r.town.name}月报`}>{r.state === "SUBMITTED" && canReview ? "审核" : "查看"}</Link>
                  {canAudit && <Link className="text-slate-600 underline" href={`/audit?town=${r.town.code}`} aria-label={`${r.town.name}审计日志`}>日志</Link>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
