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
import { getCityTableCheck } from "@/lib/peers/city-table";
import { getPeerStanding } from "@/lib/peers/query";
import { overviewCrumbs, overviewHref } from "@/lib/dashboard/crumbs";
import { canReadRegion, readScopeRoot } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { CHILD_WORD, SCOPE_WORD } from "@/lib/regions/words";
import { countingFrom } from "@/lib/reports/periods";
import { formatPeriodKey, invalidPeriodText } from "@/lib/stats";

export const metadata: Metadata = { title: "概览" };

type Search = { region?: string; period?: string; indicator?: string; include?: string };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const root = await readScopeRoot(user);
  const region = params.region ? await getRegionByCode(params.region) : root;
  // A town has its own page (/towns/…); the overview is of a city or a county.
  if (!region || region.level === "TOWN" || !(await canReadRegion(user, region.id))) notFound();

  const counting = countingFrom(params.include);
  const { period, invalid } = await choosePeriod(region.id, params.period, counting);
  if (invalid) return <EmptyState title="统计期不正确" detail={invalidPeriodText(params.period ?? "")} />;
  if (!period) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{region.name}乡镇工业主要指标</h1>
        <EmptyState title="暂无数据" detail={`本地区还没有已报送的月报。${CHILD_WORD[region.level]}报送后，这里将显示${SCOPE_WORD[region.level]}概览。`} />
      </div>
    );
  }
  const code = INDICATORS.some((i) => i.code === params.indicator) ? params.indicator! : "gross_output";
  const key = formatPeriodKey(period);
  const regionQuery: Record<string, string> = params.region ? { region: params.region } : {};
  const includeQuery: Record<string, string> = counting.includeSubmitted ? { include: "submitted" } : {};
  const q = (extra: Record<string, string>) => new URLSearchParams({ ...regionQuery, period: key, ...includeQuery, ...extra }).toString();
  // A county in a city: its 全市位次 (null without a city), and what the city's table says beside its own total.
  const standing = region.level === "COUNTY" ? getPeerStanding(region, period, counting) : null;
  const peers = standing ? { standing, check: standing.then((s) => (s ? getCityTableCheck(region.code, period, s) : [])) } : undefined;
  const plain = (extra: Record<string, string>) => new URLSearchParams({ ...regionQuery, period: key, indicator: code, ...extra }).toString();
  // A city's children are counties: each opens its own overview (then its towns, as a county user sees them).
  const childHref = region.level === "CITY"
    ? (county: string) => overviewHref({ code: county }, root, { period: key, ...includeQuery })
    : (town: string) => `/towns/${town}?${new URLSearchParams({ period: key, ...includeQuery })}`;
  const crumbs = region.id === root?.id ? [] : await overviewCrumbs(user, region, { period: key, ...includeQuery });
  return (
    <CountyDashboard
      crumbs={crumbs}
      scopeWord={SCOPE_WORD[region.level]}
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
      childLabel={CHILD_WORD[region.level]}
      townHref={childHref}
      indicatorHref={(c) => `/overview?${q({ indicator: c })}`}
      exportQuery={{ ...regionQuery, period: key, indicator: code }}
      peers={peers}
      counting={<CountingToggle includeSubmitted={counting.includeSubmitted} hrefs={{ approved: `/overview?${plain({})}`, submitted: `/overview?${plain({ include: "submitted" })}` }} />}
    />
  );
}
