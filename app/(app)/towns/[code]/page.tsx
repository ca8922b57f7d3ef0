import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CountingToggle } from "@/components/overview/counting-toggle";
import { TownDashboard } from "@/components/overview/town-dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { overviewCrumbs } from "@/lib/dashboard/crumbs";
import { choosePeriod } from "@/lib/dashboard/period";
import { getTierCounts, getTownIndicators } from "@/lib/dashboard/town";
import { getTrend } from "@/lib/dashboard/trend";
import { enterpriseFilterSchema } from "@/lib/enterprises/filters";
import { listEnterprises } from "@/lib/enterprises/list";
import { listParks } from "@/lib/parks/list";
import { projectFilterSchema } from "@/lib/projects/filters";
import { listProjects } from "@/lib/projects/list";
import { canReadFirms, canReadRegion } from "@/lib/permissions";
import { getRegionByCode, getRegionById } from "@/lib/regions";
import { countingFrom } from "@/lib/reports/periods";
import { formatPeriodKey, invalidPeriodText } from "@/lib/stats";

export const metadata: Metadata = { title: "乡镇详情" };

export default async function TownPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ period?: string; include?: string }> }) {
  const user = await requireUser();
  const [{ code }, { period: key, include }] = await Promise.all([params, searchParams]);
  const counting = countingFrom(include);
  const town = await getRegionByCode(code);
  if (!town || town.level !== "TOWN" || !town.parentId || !(await canReadRegion(user, town.id))) notFound();
  const county = await getRegionById(town.parentId);
  if (!county) notFound();
  const { period, invalid } = await choosePeriod(county.id, key, counting);
  if (invalid || !period) return <EmptyState title={invalid ? "统计期不正确" : "暂无数据"} detail={invalid ? invalidPeriodText(key ?? "") : `${town.name}还没有已报送的月报。`} />;
  const periodKey = formatPeriodKey(period);
  // Another town's reporter reads the town's totals, not its enterprises' figures.
  const firms = await canReadFirms(user, town.id);
  const above = await overviewCrumbs(user, town, { period: periodKey });
  return (
    <TownDashboard
      above={above}
      county={county}
      town={town}
      year={period.year}
      month={period.month}
      periodKey={periodKey}
      indicators={getTownIndicators(county, town, period, counting)}
      trend={getTrend(town, period, "gross_output", counting)}
      tiers={getTierCounts(town.id, period)}
      top={firms ? listEnterprises([town.id], period, { ...enterpriseFilterSchema.parse({}), page: 1 }).then((l) => ({ ...l, rows: l.rows.slice(0, 10) })) : null}
      parks={listParks([town.id], period)}
      projects={listProjects([town.id], period, projectFilterSchema.parse({}))}
      counting={<CountingToggle includeSubmitted={counting.includeSubmitted} hrefs={{ approved: `/towns/${town.code}?period=${periodKey}`, submitted: `/towns/${town.code}?period=${periodKey}&include=submitted` }} />}
    />
  );
}
