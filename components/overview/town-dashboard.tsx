// The town page: breadcrumb and heading at once, each widget streaming in its own <Suspense>.
import { Crumbs } from "@/components/lists/detail-bits";
import { Suspense } from "react";
import { ChartSkeleton } from "@/components/charts/chart-card";
import type { getTierCounts, getTownIndicators } from "@/lib/dashboard/town";
import type { getTrend } from "@/lib/dashboard/trend";
import type { listEnterprises } from "@/lib/enterprises/list";
import type { ParkRow } from "@/lib/parks/list";
import type { listProjects } from "@/lib/projects/list";
import { formatPeriodRange } from "@/lib/stats";
import { TrendWidget } from "./widgets";
import { TierWidget, TownIndicatorsWidget, TownParksWidget, TownProjectsWidget } from "./town-widgets";

type Props = {
  county: { code: string; name: string };
  /** The overviews above the town in the reader's scope: 全县概览, or 全市概览 › 兴化市 (lib/dashboard/crumbs). */
  above: { href: string; label: string }[];
  town: { code: string; name: string };
  year: number;
  month: number;
  periodKey: string;
  indicators: ReturnType<typeof getTownIndicators>;
  trend: ReturnType<typeof getTrend>;
  tiers: ReturnType<typeof getTierCounts>;
  top: ReturnType<typeof listEnterprises> | null;
  parks: Promise<ParkRow[]>;
  projects: ReturnType<typeof listProjects>;
  /** Which reports the figures count, and the toggle. */
  counting?: React.ReactNode;
};

export function TownDashboard(p: Props) {
  const q = `town=${p.town.code}&period=${p.periodKey}`;
  return (
    <div className="space-y-6">
      <Crumbs items={p.above} current={p.town.name} />
      <h1 className="text-2xl font-semibold">
        {p.town.name}工业主要指标 <span className="text-lg font-normal text-slate-600">{formatPeriodRange(p.year, p.month)}</span>
      </h1>
      {p.counting}
      <Suspense fallback={<ChartSkeleton title="主要指标" height={420} />}>
        <TownIndicatorsWidget data={p.indicators} />
      </Suspense>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title="逐月走势" />}>
          <TrendWidget trend={p.trend} year={p.year} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="企业分档" />}>
          <TierWidget counts={p.tiers} top={p.top} allHref={`/enterprises?${q}`} periodKey={p.periodKey} />
        </Suspense>
      </div>
      <Suspense fallback={<ChartSkeleton title="园区" height={120} />}>
        <TownParksWidget parks={p.parks} periodKey={p.periodKey} />
      </Suspense>
      <Suspense fallback={<ChartSkeleton title="项目" height={240} />}>
        <TownProjectsWidget projects={p.projects} periodKey={p.periodKey} allHref={`/projects?${q}`} />
      </Suspense>
    </div>
  );
}
