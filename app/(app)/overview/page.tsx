import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CountyOverview } from "@/components/overview/county-overview";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getRegionOverview } from "@/lib/overview/query";
import { canReadRegion, readScopeRoot } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { listReportedPeriods } from "@/lib/reports/periods";
import { formatPeriodKey, parsePeriod } from "@/lib/stats";

export const metadata: Metadata = { title: "全县概览" };

type Search = { region?: string; period?: string; indicator?: string };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const region = params.region ? await getRegionByCode(params.region) : await readScopeRoot(user);
  if (!region) notFound();
  if (!(await canReadRegion(user, region.id))) notFound();

  const periods = await listReportedPeriods(region.id);
  const period = params.period ? parsePeriod(params.period) : periods[0] ?? null;
  if (params.period && !period) {
    return <EmptyState title="统计期格式不正确" detail={`“${params.period}”不是有效的统计期，请使用 YYYY-MM 格式，例如 2024-07。`} />;
  }
  if (!period) return <EmptyState title="暂无数据" detail="本地区还没有已报送的月报。乡镇报送后，这里将显示全县概览。" />;

  const overview = await getRegionOverview(region, period.year, period.month);
  const selected = params.indicator && overview.indicators.some((i) => i.code === params.indicator) ? params.indicator : "gross_output";
  const base = new URLSearchParams({ ...(params.region ? { region: params.region } : {}), period: formatPeriodKey(period) });
  return (
    <CountyOverview
      overview={overview}
      year={period.year}
      month={period.month}
      selected={selected}
      hrefFor={(code) => `/overview?${new URLSearchParams({ ...Object.fromEntries(base), indicator: code }).toString()}`}
    />
  );
}
