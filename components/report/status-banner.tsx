import { formatDateTime } from "./format";
import type { ReportStatusValue } from "./types";

type Props = {
  status: ReportStatusValue | null;
  reviewerComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  flaggedCount: number;
  /** Who reviews this report: 县局 (a town's), or 市里 (a county's own, decision 016). */
  reviewer?: string;
};

const LABEL: Record<ReportStatusValue | "NEW", string> = { NEW: "未开始", DRAFT: "草稿", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核" };
const TONE: Record<ReportStatusValue | "NEW", string> = {
  NEW: "border-slate-300 bg-slate-50 text-slate-800",
  DRAFT: "border-sky-300 bg-sky-50 text-sky-900",
  SUBMITTED: "border-blue-300 bg-blue-50 text-blue-900",
  RETURNED: "border-red-300 bg-red-50 text-red-900",
  APPROVED: "border-green-300 bg-green-50 text-green-900",
};

/** The report's state in words, with the reviewer's comment when it was returned. */
export function StatusBanner({ status, reviewerComment, submittedAt, reviewedAt, updatedBy, updatedAt, flaggedCount, reviewer = "县局" }: Props) {
  const key = status ?? "NEW";
  return (
    <section aria-label="月报状态" data-testid="status-banner" className={`rounded-lg border px-4 py-3 text-sm ${TONE[key]}`}>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="rounded bg-white/70 px-2 py-0.5 text-base font-semibold" data-testid="report-status">{LABEL[key]}</span>
        {key === "NEW" && <span>本期月报尚未填报，保存草稿后即创建。</span>}
        {key === "DRAFT" && <span>草稿，尚未报送。{updatedBy && `最近由 ${updatedBy} 于 ${formatDateTime(updatedAt)} 保存。`}</span>}
        {key === "SUBMITTED" && <span>已于 {formatDateTime(submittedAt)} 报送，等待{reviewer}审核；审核期间不能修改。</span>}
        {key === "RETURNED" && <span>{reviewer}已于 {formatDateTime(reviewedAt)} 退回，请按意见修改后重新报送。</span>}
        {key === "APPROVED" && (
          <span>
            <strong>已审核锁定</strong>：{reviewer}已于 {formatDateTime(reviewedAt)} 审核通过，数据不能再修改。
          </span>
        )}
      </p>
      {key === "RETURNED" && reviewerComment && (
        <p className="mt-2" data-testid="reviewer-comment">
          <span className="font-medium">退回意见：</span>
          {reviewerComment}
          {flaggedCount > 0 && <span className="ml-2 text-xs">（标色的 {flaggedCount} 项为审核提示，请重点核实）</span>}
        </p>
      )}
    </section>
  );
}
