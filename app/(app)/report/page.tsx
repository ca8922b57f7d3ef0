import { notFound, redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canViewReport } from "@/lib/permissions";
import { currentEntryPeriod } from "@/lib/reports/entry-period";
import { formatPeriodKey } from "@/lib/stats";

export const dynamic = "force-dynamic";

/** 本镇填报: a reporter lands on their town's open period; county staff go to the board. */
export default async function MyReportPage() {
  const user = await requireUser();
  if (user.role !== "REPORTER") redirect("/review");
  if (!user.region || user.region.level !== "TOWN") {
    return <EmptyState title="尚未分配乡镇" detail="您的账号还没有对应的乡镇，请联系管理员分配后再填报。" />;
  }
  if (!(await canViewReport(user, user.region.id))) notFound();
  const period = await currentEntryPeriod(user.region.id);
  redirect(`/reports/${user.region.code}/${formatPeriodKey(period)}`);
}
