import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportScreen } from "@/components/report/report-screen";
import { ApiError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/session";
import { listReportAudit } from "@/lib/audit/queries";
import { getEnterpriseSums } from "@/lib/entries/prefill";
import { canEditReport, canReopenReport, canReviewReport, canViewAudit, canViewReport, canViewSubmissions, hasTownDetail } from "@/lib/permissions";
import { listParkFindings } from "@/lib/parks/cross-check";
import { getRegionByCode } from "@/lib/regions";
import { entryRefusalFor } from "@/lib/reports/entry-period";
import { getReport } from "@/lib/reports/service";
import { reportStatusOf } from "@/lib/entries/scope";
import { formatPeriodRange, invalidPeriodText, parsePeriod } from "@/lib/stats";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "乡镇月报" };
export const dynamic = "force-dynamic";

type Params = { town: string; period: string };

export default async function ReportPage({ params }: { params: Promise<Params> }) {
  const user = await requireUser();
  const { town: code, period: key } = await params;
  const period = parsePeriod(key);
  if (!period) return <EmptyState title="统计期不正确" detail={invalidPeriodText(key)} />;
  const town = /^\d{12}$/.test(code) ? await getRegionByCode(code) : null;
  // A town's report, or a county's own (a county without town detail reports to the city, decision 016).
  if (!town || (town.level !== "TOWN" && !(town.level === "COUNTY" && !(await hasTownDetail(town.id))))) notFound();
  // Another town's reporter gets the same page as a missing town: no data, no hint it exists.
  if (!(await canViewReport(user, town.id))) notFound();
  // A period not yet open for entry has no form; a report that exists anyway (from a 快报 window) stays readable.
  const notOpen = await entryRefusalFor(town.id, period);
  if (notOpen && (await reportStatusOf(town.id, period)) === null) {
    return <EmptyState title={`${formatPeriodRange(period.year, period.month)}暂不能填报`} detail={`${notOpen}。请从“本镇填报”进入当前应报的月份。`} />;
  }

  const report = await getReport(user, code, period).catch((error: unknown) => {
    if (error instanceof ApiError && (error.code === "forbidden" || error.code === "not_found")) notFound();
    throw error;
  });
  const status = report.report.status;
  const [edit, review, reopen, audit, board, enterpriseSums] = await Promise.all([
    canEditReport(user, town.id, status),
    canReviewReport(user, town.id, status),
    canReopenReport(user, town.id, status),
    canViewAudit(user, town.id),
    town.parentId ? canViewSubmissions(user, town.parentId) : false,
    getEnterpriseSums(user, town, period),
  ]);
  const [auditRows, parkFindings] = await Promise.all([
    audit ? listReportAudit(town.id, period.year, period.month) : null,
    // 园区数据核对 is for whoever reads the county's board (reviewers, leaders), not the town's form.
    board ? listParkFindings([town.id], period).then((m) => m.get(town.id) ?? []) : null,
  ]);
  return <ReportScreen report={report} userId={user.id} can={{ edit, review, reopen, audit, board }} audit={auditRows} enterpriseSums={enterpriseSums} parkFindings={parkFindings} />;
}
