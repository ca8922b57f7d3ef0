import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { EntriesNav } from "@/components/entries/entries-nav";
import type { EnterpriseSums } from "@/lib/entries/prefill-rules";
import type { AuditRow } from "@/lib/audit/queries";
import type { ParkFinding } from "@/lib/parks/cross-check";
import { ParkFindings } from "@/components/review/park-findings";
import type { CheckResult } from "@/lib/checks";
import type { ReportContext } from "@/lib/reports/context";
import { formatPeriodKey, formatPeriodRange, type Period } from "@/lib/stats";
import { ReportForm } from "./report-form";
import { ReviewPanel } from "./review-panel";
import { StatusBanner } from "./status-banner";
import { summarizeReport } from "./summary";
import type { ReportView } from "./types";

type Loaded = ReportContext & { town: { code: string; name: string; level?: string }; period: Period; checks: CheckResult };

export function toReportView(r: Loaded): ReportView {
  return {
    town: { code: r.town.code, name: r.town.name },
    period: { year: r.period.year, month: r.period.month, key: formatPeriodKey(r.period) },
    indicators: r.indicators,
    version: r.report.version,
    status: r.report.status,
    values: r.values,
    explanations: r.explanations,
    previousYtd: r.previousYtd,
    lastYear: r.lastYear,
    comparableBase: r.comparableBase,
    plans: r.plans,
    required: r.required,
    reviewerComment: r.report.reviewerComment,
    submittedAt: r.report.submittedAt?.toISOString() ?? null,
    reviewedAt: r.report.reviewedAt?.toISOString() ?? null,
    updatedBy: r.report.updatedBy,
    updatedAt: r.report.updatedAt?.toISOString() ?? null,
  };
}

type Props = {
  report: Loaded;
  /** The signed-in user: the form keeps its local draft per user. */
  userId: number;
  can: { edit: boolean; review: boolean; reopen: boolean; audit: boolean; board: boolean };
  audit: AuditRow[] | null;
  /** Sums of the town's 规上 enterprises for the 按企业合计预填 panel. */
  enterpriseSums?: EnterpriseSums | null;
  /** 园区数据核对 for county staff (null for the town's own reporter). */
  parkFindings?: ParkFinding[] | null;
};

/** The town monthly report page: state, the form (editable or read-only), review actions, audit trail. */
export function ReportScreen({ report, userId, can, audit, enterpriseSums, parkFindings }: Props) {
  const view = toReportView(report);
  // A county's own report (a county without town detail, decision 016) has no enterprise, park or project grids.
  const countyLevel = report.town.level === "COUNTY";
  const summary = summarizeReport({ town: view.town.name, period: view.period, indicators: view.indicators, values: view.values, required: view.required, checks: report.checks });
  const flagged = new Set([...report.checks.errors, ...report.checks.warnings].map((i) => i.indicator)).size;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">
            {view.town.name} {formatPeriodRange(view.period.year, view.period.month)} 工业主要指标月报
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            累计数（1–{view.period.month}月），金额单位万元；可输入 1234.5、1,234.5、3500万、1.2亿；回车跳到下一项。
          </p>
        </div>
        <nav aria-label="相关页面" className="flex gap-3 text-sm">
          {can.board && <Link className="text-brand-700 underline" href={`/review?period=${view.period.key}`}>返回报送情况</Link>}
          {can.audit && <Link className="text-brand-700 underline" href={`/audit?town=${view.town.code}`}>{countyLevel ? "本县审计日志" : "本镇审计日志"}</Link>}
        </nav>
      </div>
      {!countyLevel && <EntriesNav town={view.town.code} period={view.period.key} active="report" />}
      <StatusBanner status={view.status} reviewerComment={view.reviewerComment} submittedAt={view.submittedAt} reviewedAt={view.reviewedAt} updatedBy={view.updatedBy} updatedAt={view.updatedAt} flaggedCount={flagged} reviewer={countyLevel ? "市级审核员" : "县局"} />
      {parkFindings && !countyLevel && <ParkFindings findings={parkFindings} parksHref={`/reports/${view.town.code}/${view.period.key}/parks`} />}
      {can.review && view.status === "SUBMITTED" && <ReviewPanel town={view.town.code} period={view.period.key} version={view.version} mode="review" summary={summary} byCity={countyLevel} />}
      {can.reopen && view.status === "APPROVED" && <ReviewPanel town={view.town.code} period={view.period.key} version={view.version} mode="reopen" summary={summary} byCity={countyLevel} />}
      <ReportForm view={view} editable={can.edit} enterpriseSums={countyLevel ? null : enterpriseSums} userId={userId} reviewBy={countyLevel ? "市级" : "县局"} />
      {audit && (
        <section aria-label="本月报审计日志" className="space-y-2">
          <h2 className="text-base font-semibold text-slate-800">审计日志（本月报）</h2>
          <AuditTable rows={audit} caption="本月报审计日志" />
        </section>
      )}
    </div>
  );
}
