import Link from "next/link";
import Decimal from "decimal.js";
import { ChartCard } from "@/components/charts/chart-card";
import { ProgressChart } from "@/components/charts/progress-chart";
import { STAGE_LABELS } from "@/lib/projects/filters";
import type { getProject } from "@/lib/projects/detail";
import { formatPercent, formatWan, MISSING, planCompletionPercent, PROJECT_BUCKET_LABELS, projectBucket } from "@/lib/stats";
import type { Crumb } from "@/lib/dashboard/crumbs";
import { Crumbs, Facts } from "./detail-bits";

type P = NonNullable<Awaited<ReturnType<typeof getProject>>>;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : MISSING);

export function ProjectDetail({ p, year, month, periodKey, canEdit, above }: { p: P; year: number; month: number; periodKey: string; canEdit: boolean; above: Crumb[] }) {
  const q = `?period=${periodKey}`;
  const plan = p.yearPlans.find((y) => y.year === year)?.planned.toString() ?? null;
  const progress = p.progress.filter((g) => g.year === year && g.month <= month);
  const latest = progress.at(-1)?.completedYtd.toString() ?? null;
  const bucket = projectBucket(p.totalInvestment.toString());
  const rows = progress.map((g) => ({ label: `${g.month}月`, completed: new Decimal(g.completedYtd.toString()).toNumber() }));
  return (
    <div className="space-y-6">
      <Crumbs items={[...above, { href: `/towns/${p.town.code}${q}`, label: p.town.name }, { href: `/projects${q}`, label: "项目" }]} current={p.name} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{p.name}</h1>
        {canEdit && <Link href={`/projects/${p.id}/edit`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">编辑</Link>}
      </div>
      <Facts
        items={[
          ["所在乡镇", p.town.name],
          ["所在园区", p.park ? <Link key="p" href={`/parks/${p.park.id}${q}`} className="text-brand-700 hover:underline">{p.park.name}</Link> : MISSING],
          ["实施企业", p.enterprise ? <Link key="e" href={`/enterprises/${p.enterprise.id}${q}`} className="text-brand-700 hover:underline">{p.enterprise.name}</Link> : MISSING],
          ["行业类别", p.sector],
          ["计划总投资", `${formatWan(p.totalInvestment.toString())}万元`],
          ["投资规模", bucket ? PROJECT_BUCKET_LABELS[bucket] : MISSING],
          ["当前阶段", STAGE_LABELS[p.stage]],
          [`${year}年计划投资`, plan ? `${formatWan(plan)}万元` : MISSING],
          ["当年累计完成投资", latest ? `${formatWan(latest)}万元` : MISSING],
          ["完成年度计划", formatPercent(planCompletionPercent(latest, plan))],
          ["签约 / 开工", `${day(p.signedOn)} / ${day(p.startedOn)}`],
          ["竣工 / 计划完工", `${day(p.completedOn)} / ${day(p.plannedEndOn)}`],
        ]}
      />
      <ChartCard title={`${year}年投资进度`} note="单位：万元">
        {rows.length ? <ProgressChart rows={rows} plan={plan ? Number(plan) : null} /> : <p className="text-sm text-slate-600">本年暂无投资进度（项目尚未开工）。</p>}
      </ChartCard>
      <section aria-labelledby="stage-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="stage-title" className="mb-2 text-base font-semibold">阶段变化</h2>
        <ol className="space-y-1 text-sm" data-testid="stage-history">
          {p.stageHistory.map((s, i) => (
            <li key={i} className="flex gap-3"><span className="num text-slate-600">{day(s.changedOn)}</span><span>{STAGE_LABELS[s.stage]}</span></li>
          ))}
        </ol>
      </section>
    </div>
  );
}
