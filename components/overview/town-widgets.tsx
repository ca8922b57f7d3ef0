// The town page's widgets, each awaiting a query the page started, each in its own <Suspense>.
import Link from "next/link";
import { ChartCard } from "@/components/charts/chart-card";
import { ParkTable } from "@/components/lists/park-table";
import { ProjectTable } from "@/components/lists/project-table";
import type { getTierCounts, getTownIndicators } from "@/lib/dashboard/town";
import type { listEnterprises } from "@/lib/enterprises/list";
import type { ParkRow } from "@/lib/parks/list";
import type { listProjects } from "@/lib/projects/list";
import { formatWan, OUTPUT_TIER_LABELS } from "@/lib/stats";
import { TownIndicators } from "./town-indicators";

type P<F extends (...a: never[]) => unknown> = ReturnType<F>;

export async function TownIndicatorsWidget({ data }: { data: P<typeof getTownIndicators> }) {
  const d = await data;
  return <TownIndicators indicators={d.indicators} cells={d.cells} siblings={d.siblings} />;
}

export async function TierWidget({ counts, top, allHref, periodKey }: { counts: P<typeof getTierCounts>; top: P<typeof listEnterprises> | null; allHref: string; periodKey: string }) {
  const [c, t] = await Promise.all([counts, top]);
  const tiles: [string, number][] = [
    [OUTPUT_TIER_LABELS.over100m, c.over100m],
    [OUTPUT_TIER_LABELS.over50m, c.over50m],
    [OUTPUT_TIER_LABELS.over20m, c.over20m],
    ["税收过百万", c.taxOverMillion],
    ["规上企业", c.aboveScale],
    ["企业总数", c.total],
  ];
  return (
    <ChartCard title="企业分档" note="按本期工业总产值（累计）" testId="tier-widget">
      <dl className="mb-3 grid grid-cols-3 gap-2 text-center sm:grid-cols-6">
        {tiles.map(([label, n]) => (
          <div key={label} className="rounded border border-slate-200 p-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold num">{n}<span className="ml-0.5 text-xs font-normal text-slate-600">家</span></dd>
          </div>
        ))}
      </dl>
      {t === null ? <p className="text-sm text-slate-600" data-testid="firms-hidden">企业明细仅本镇和县局可见。</p> : <TopFirms rows={t.rows} allHref={allHref} periodKey={periodKey} />}
    </ChartCard>
  );
}

/** The town's ten largest enterprises: shown only to those who may read the town's firms. */
function TopFirms({ rows, allHref, periodKey }: { rows: Awaited<P<typeof listEnterprises>>["rows"]; allHref: string; periodKey: string }) {
  return (
    <>
      <h3 className="mb-1 text-sm font-semibold text-slate-700">产值前十企业（万元）</h3>
      <ol className="divide-y divide-slate-100 text-sm">
        {rows.map((r, i) => (
          <li key={r.id} className="flex gap-2 py-1">
            <span className="w-5 text-right num text-slate-600">{i + 1}</span>
            <Link href={`/enterprises/${r.id}?period=${periodKey}`} className="flex-1 text-brand-700 hover:underline">{r.name}</Link>
            <span className="num">{formatWan(r.output)}</span>
          </li>
        ))}
      </ol>
      <Link href={allHref} className="mt-2 inline-block text-sm text-brand-700 underline">查看本镇全部企业</Link>
    </>
  );
}

export async function TownParksWidget({ parks, periodKey }: { parks: Promise<ParkRow[]>; periodKey: string }) {
  const rows = await parks;
  return (
    <ChartCard title="园区" testId="town-parks">
      {rows.length === 0 ? <p className="text-sm text-slate-600">本镇暂无登记的园区。</p> : <ParkTable rows={rows} periodKey={periodKey} />}
    </ChartCard>
  );
}

export async function TownProjectsWidget({ projects, periodKey, allHref }: { projects: P<typeof listProjects>; periodKey: string; allHref: string }) {
  const p = await projects;
  return (
    <ChartCard title={`项目（${p.total}个）`} note="按计划总投资排序" testId="town-projects">
      {p.total === 0 ? <p className="text-sm text-slate-600">本镇暂无登记的项目。</p> : <ProjectTable rows={p.rows} periodKey={periodKey} showTown={false} />}
      {p.total > p.rows.length && <Link href={allHref} className="mt-2 inline-block text-sm text-brand-700 underline">查看本镇全部项目</Link>}
    </ChartCard>
  );
}
