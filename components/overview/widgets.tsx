// The overview's widgets: async server components, each awaiting a query the page started
// before rendering (so all queries run at once), each inside its own <Suspense>.
import Link from "next/link";
import { ChartCard, ChartEmpty } from "@/components/charts/chart-card";
import { CompositionChart } from "@/components/charts/composition-chart";
import { LazyPlanProgressChart, LazyRankingBarChart, LazyTrendChart } from "@/components/charts/lazy";
import { chartUnit, planRows, rankRows } from "@/lib/dashboard/chart-rows";
import type { getComposition } from "@/lib/dashboard/composition";
import type { getTrend } from "@/lib/dashboard/trend";
import type { RegionOverview } from "@/lib/overview/query";
import { formatPercent } from "@/lib/stats";
import { IndicatorTable } from "./indicator-table";
import { KpiRow } from "./kpi-row";
import { OverviewMatrix } from "./matrix";
import { RankList } from "./rank-list";

const KPI_CODES = ["gross_output", "above_scale_output", "sales_revenue", "profit_tax"];

type OverviewP = { overview: Promise<RegionOverview> };
type Links = { townHref: (code: string) => string };

const pick = (o: RegionOverview, code: string) => o.indicators.find((i) => i.code === code) ?? o.indicators[0];

export async function ReportedNote({ overview, childLabel = "乡镇" }: OverviewP & { childLabel?: string }) {
  const o = await overview;
  const reported = o.children.filter((c) => c.values.gross_output?.value != null).length;
  return (
    <p className="text-sm text-slate-600">
      时序进度 <span className="num">{formatPercent(o.timeProgressPercent, 1)}</span> · 已报送 {reported}/{o.children.length} 个{childLabel}
    </p>
  );
}

export async function KpiWidget({ overview, scopeWord = "全县" }: OverviewP & { scopeWord?: string }) {
  const o = await overview;
  const kpis = KPI_CODES.map((c) => o.indicators.find((i) => i.code === c)).filter((x) => x !== undefined);
  return <KpiRow indicators={kpis} totals={o.totals} timeProgress={o.timeProgressPercent} growthExcluded={o.growthExcluded} label={`${scopeWord}主要指标`} />;
}

export async function RankingWidget({ overview, code, townHref, childLabel = "乡镇" }: OverviewP & Links & { code: string; childLabel?: string }) {
  const o = await overview;
  const ind = pick(o, code);
  const unit = chartUnit(ind);
  const rows = rankRows(o.children, ind, unit);
  if (rows.every((r) => r.value === null)) return <ChartCard title={`${ind.name}排名`}><ChartEmpty /></ChartCard>;
  return (
    <ChartCard title={`${ind.name}分${childLabel}排名`} note={`单位：${unit.unit}`} testId="ranking-widget">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <LazyRankingBarChart rows={rows} unit={unit.unit} digits={unit.digits} label={ind.name} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <RankList title="总量排名" by="total" rows={rows} unit={unit.unit} growthDigits={ind.percentPrecision} hrefFor={townHref} />
          <RankList title="增幅排名" by="growth" rows={rows} unit={unit.unit} growthDigits={ind.percentPrecision} hrefFor={townHref} />
        </div>
      </div>
    </ChartCard>
  );
}

export async function PlanWidget({ overview, code }: OverviewP & { code: string }) {
  const o = await overview;
  const ind = pick(o, code);
  const rows = planRows(o.children, ind.code);
  return (
    <ChartCard title={`${ind.name}完成年计划与时序进度`} note={`时序进度 ${formatPercent(o.timeProgressPercent, 1)}`} testId="plan-widget">
      {rows.length === 0 ? <ChartEmpty text="本指标未下达年度计划" /> : <LazyPlanProgressChart rows={rows} timeProgress={o.timeProgressPercent} />}
    </ChartCard>
  );
}

export async function TrendWidget({ trend, year }: { trend: ReturnType<typeof getTrend>; year: number }) {
  const t = await trend;
  if (!t || t.rows.every((r) => r.value === null)) return <ChartCard title="逐月走势"><ChartEmpty /></ChartCard>;
  // Like for like while towns are still reporting: say over which towns both lines run.
  const scope = t.partial ? `；按已报送${t.partial.month}月的${t.partial.reported}${t.partial.childLabel}同口径` : "";
  return (
    <ChartCard title={`${t.indicator.name}逐月走势（本年与上年）`} note={`单位：${t.unit.unit}${scope}`} testId="trend-widget">
      <LazyTrendChart rows={t.rows} unit={t.unit.unit} digits={t.unit.digits} year={year} canMonthly={t.indicator.kind === "FLOW"} />
    </ChartCard>
  );
}

export async function CompositionWidget({ composition, by }: { composition: ReturnType<typeof getComposition>; by: "sector" | "park" }) {
  const c = await composition;
  const rows = by === "sector" ? c.bySector : c.byPark;
  const title = by === "sector" ? "企业工业总产值行业构成" : "企业工业总产值园区构成";
  return (
    <ChartCard title={title} note="按企业月报汇总，亿元" testId={`composition-${by}`}>
      {rows.length === 0 ? <ChartEmpty text="本期暂无企业产值数据" /> : <CompositionChart rows={rows} label={title} />}
    </ChartCard>
  );
}

export async function MatrixWidget({ overview, townHref, totalLabel, childLabel = "乡镇" }: OverviewP & Links & { totalLabel: string; childLabel?: string }) {
  return <OverviewMatrix overview={await overview} hrefFor={townHref} totalLabel={totalLabel} childLabel={childLabel} />;
}

export async function IndicatorWidget({ overview, code, townHref, indicatorHref, scopeWord = "全县", childLabel = "乡镇" }: OverviewP & Links & { code: string; indicatorHref: (code: string) => string; scopeWord?: string; childLabel?: string }) {
  const o = await overview;
  const ind = pick(o, code);
  return (
    <div className="space-y-2">
      <nav aria-label="指标切换" className="flex flex-wrap gap-1">
        {o.indicators.map((i) => (
          <Link
            key={i.code}
            href={indicatorHref(i.code)}
            aria-current={i.code === ind.code ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${i.code === ind.code ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-600"}`}
          >
            {i.name}
          </Link>
        ))}
      </nav>
      <IndicatorTable
        indicator={ind}
        isFlow={ind.kind === "FLOW"}
        total={o.totals[ind.code]}
        excluded={o.growthExcluded[ind.code]}
        scopeWord={scopeWord}
        childLabel={childLabel}
        rows={o.children.map((c) => ({ code: c.region.code, name: c.region.name, cell: c.values[ind.code], href: townHref(c.region.code) }))}
      />
    </div>
  );
}
