import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CountingToggle } from "@/components/overview/counting-toggle";
import { CountyDashboard } from "@/components/overview/county-dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getComposition } from "@/lib/dashboard/composition";
import { choosePeriod } from "@/lib/dashboard/period";
import { getTrend } from "@/lib/dashboard/trend";
import { getForecastFor } from "@/lib/forecast/query";
import { INDICATORS } from "@/lib/indicators/catalog";
import { getRegionOverview } from "@/lib/overview/query";
import { canReadRegion, readScopeRoot } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { countingFrom } from "@/lib/reports/periods";
import { formatPeriodKey, invalidPeriodText } from "@/lib/stats";

export const metadata: Metadata = { title: "全县概览" };

type Search = { region?: string; period?: string; indicator?: string; include?: string };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const region = params.region ? await getRegionByCode(params.region) : await readScopeRoot(user);
  if (!region || !(await canReadRegion(user, region.id))) notFound();

  const counting = countingFrom(params.include);
  const { period, invalid } = await choosePeriod(region.id, params.period, counting);
  if (invalid) return <EmptyState title="统计期不正确" detail={invalidPeriodText(params.period ?? "")} />;
  if (!period) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{region.name}乡镇工业主要指标</h1>
        <EmptyState title="暂无数据" detail="本地区还没有已报送的月报。乡镇报送后，这里将显示全县概览。" />
      </div>
    );
  }
  const code = INDICATORS.some((i) => i.code === params.indicator) ? params.indicator! : "gross_output";
  const key = formatPeriodKey(period);
  const regionQuery: Record<string, string> = params.region ? { region: params.region } : {};
  const includeQuery: Record<string, string> = counting.includeSubmitted ? { include: "submitted" } : {};
  const q = (extra: Record<string, string>) => new URLSearchParams({ ...regionQuery, period: key, ...includeQuery, ...extra }).toString();
  const plain = (extra: Record<string, string>) => new URLSearchParams({ ...regionQuery, period: key, indicator: code, ...extra }).toString();
  return (
    <CountyDashboard
      regionName={region.name}
      regionCode={region.code}
      year={period.year}
      month={period.month}
      code={code}
      // Started together; each widget awaits its own inside a Suspense boundary.
      overview={getRegionOverview(region, period.year, period.month, undefined, counting)}
      trend={getTrend(region, period, code, counting)}
      composition={getComposition(region.id, period)}
      forecast={getForecastFor(region, period.year, period.month, code, { counting })}
      childLabel={region.level === "CITY" ? "县（市、区）" : "乡镇"}
      townHref={(town) => `/towns/${town}?${new URLSearchParams({ period: key, ...includeQuery })}`}
      indicatorHref={(c) => `/overview?${q({ indicator: c })}`}
      exportQuery={{ ...regionQuery, period: key, indicator: code }}
      counting={<CountingToggle includeSubmitted={counting.includeSubmitted} hrefs={{ approved: `/overview?${plain({})}`, submitted: `/overview?${plain({ include: "submitted" })}` }} />}
    />
  );
}
