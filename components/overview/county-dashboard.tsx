// The overview page body: the heading renders at once; every widget streams in its own <Suspense>.
import { Suspense } from "react";
import { ChartSkeleton } from "@/components/charts/chart-card";
import { ExportLinks } from "@/components/lists/export-links";
import type { getComposition } from "@/lib/dashboard/composition";
import type { getTrend } from "@/lib/dashboard/trend";
import type { ForecastReport } from "@/lib/forecast/assemble";
import type { RegionOverview } from "@/lib/overview/query";
import { Crumbs } from "@/components/lists/detail-bits";
import { formatPeriodRange } from "@/lib/stats";
import type { CityTableCheck } from "@/lib/peers/city-table";
import type { PeerStanding } from "@/lib/peers/standing";
import { ForecastWidget } from "./forecast-widget";
import { PeersWidget } from "./peers-panel";
import { CompositionWidget, IndicatorWidget, KpiWidget, MatrixWidget, PlanWidget, RankingWidget, ReportedNote, TrendWidget } from "./widgets";

type Props = {
  regionName: string;
  regionCode: string;
  year: number;
  month: number;
  code: string;
  overview: Promise<RegionOverview>;
  trend: ReturnType<typeof getTrend>;
  composition: ReturnType<typeof getComposition>;
  /** 预计全年 of the selected indicator (null: none to show); `childLabel` names the children ("乡镇", "县（市、区）"). */
  forecast?: Promise<ForecastReport | null>;
  childLabel?: string;
  /** The region's whole in labels: 全县 (a county), 全市 (a city). */
  scopeWord?: string;
  /** The overviews above this one in the reader's scope (a city user on a county: 全市概览). */
  crumbs?: { href: string; label: string }[];
  /** A child's page: a town's dashboard, or a county's overview (a city's children). */
  townHref: (code: string) => string;
  indicatorHref: (code: string) => string;
  exportQuery: Record<string, string>;
  /** Which reports the figures count, and the toggle. */
  counting?: React.ReactNode;
  /** 全市位次 of a county in a city (resolves null when it has none), and its city-table cross-check. */
  peers?: { standing: Promise<PeerStanding | null>; check: Promise<CityTableCheck[]> };
};

const TableSkeleton = () => <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-slate-100" aria-busy="true" aria-label="表格加载中" />;
const KpiSkeleton = () => (
  <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-busy="true" aria-label="主要指标加载中">
    {[0, 1, 2, 3].map((i) => <div key={i} className="h-32 animate-pulse rounded-lg border border-slate-200 bg-slate-100" />)}
  </div>
);

export function CountyDashboard(p: Props) {
  const o = { overview: p.overview };
  const whole = p.scopeWord ?? "全县";
  const child = p.childLabel ?? "乡镇";
  return (
    <div className="space-y-6">
      {p.crumbs && p.crumbs.length > 0 && <Crumbs items={p.crumbs} current={p.regionName} />}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {p.regionName}乡镇工业主要指标 <span className="text-lg font-normal text-slate-600">{formatPeriodRange(p.year, p.month)}</span>
        </h1>
        <Suspense fallback={<p className="text-sm text-slate-600">正在汇总…</p>}>
          <ReportedNote {...o} childLabel={child} />
        </Suspense>
      </div>
      {p.counting}
      <Suspense fallback={<KpiSkeleton />}>
        <KpiWidget {...o} scopeWord={whole} />
      </Suspense>
      {p.peers && (
        <Suspense fallback={<TableSkeleton />}>
          <PeersWidget peers={p.peers.standing} check={p.peers.check} />
        </Suspense>
      )}
      <Suspense fallback={<ChartSkeleton title={`分${child}排名`} height={380} />}>
        <RankingWidget {...o} code={p.code} townHref={p.townHref} childLabel={child} />
      </Suspense>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title="逐月走势" />}>
          <TrendWidget trend={p.trend} year={p.year} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="完成年计划与时序进度" />}>
          <PlanWidget {...o} code={p.code} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="行业构成" height={200} />}>
          <CompositionWidget composition={p.composition} by="sector" />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="园区构成" height={200} />}>
          <CompositionWidget composition={p.composition} by="park" />
        </Suspense>
      </div>
      {p.forecast && (
        <Suspense fallback={<TableSkeleton />}>
          <ForecastWidget forecast={p.forecast} childLabel={child} townHref={p.townHref} />
        </Suspense>
      )}
      <section aria-labelledby="matrix-title" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="matrix-title" className="text-lg font-semibold">分{child}主要指标（万元）</h2>
          <ExportLinks table="overview" query={p.exportQuery} />
        </div>
        <Suspense fallback={<TableSkeleton />}>
          <MatrixWidget {...o} townHref={p.townHref} totalLabel={`${whole}合计`} childLabel={child} />
        </Suspense>
      </section>
      <section aria-labelledby="detail-title" className="space-y-2">
        <h2 id="detail-title" className="text-lg font-semibold">分指标排名</h2>
        <Suspense fallback={<TableSkeleton />}>
          <IndicatorWidget {...o} code={p.code} townHref={p.townHref} indicatorHref={p.indicatorHref} scopeWord={whole} childLabel={child} />
        </Suspense>
        <p className="text-xs text-slate-600">
          注：同比为负基数时显示“扭亏为盈/减亏/增亏”；“—”表示无数据或无法计算；标“同口径”的上年同期数为本年规上企业的上年同期合计。
        </p>
      </section>
    </div>
  );
}
