import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttractionTable } from "@/components/lists/attraction-table";
import { ExportLinks } from "@/components/lists/export-links";
import { FilterForm } from "@/components/lists/filter-form";
import { Pagination } from "@/components/lists/pagination";
import { PrivateEconomyTable } from "@/components/lists/private-economy-table";
import { requireUser } from "@/lib/auth/session";
import { attractionFilterSchema } from "@/lib/attraction/filters";
import { listAttraction } from "@/lib/attraction/list";
import { getPrivateEconomy } from "@/lib/attraction/private-economy";
import { choosePeriod } from "@/lib/dashboard/period";
import { readScope, townIdsOf } from "@/lib/dashboard/scope";
import { CHILD_WORD, SCOPE_WORD } from "@/lib/regions/words";
import { formatPeriodKey, formatPeriodRange, formatWan } from "@/lib/stats";

export const metadata: Metadata = { title: "招商引资与民营经济" };

export default async function AttractionPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser();
  const f = attractionFilterSchema.parse(await searchParams);
  const scope = await readScope(user);
  if (!scope) notFound();
  const { period } = await choosePeriod(scope.root.id, f.period);
  const periodKey = period ? formatPeriodKey(period) : undefined;
  const tab = (t: string, label: string) => (
    <Link href={`/attraction?tab=${t}${periodKey ? `&period=${periodKey}` : ""}`} aria-current={f.tab === t ? "page" : undefined} className={`rounded-t border-b-2 px-4 py-2 text-sm ${f.tab === t ? "border-brand-700 font-semibold text-brand-700" : "border-transparent text-slate-700 hover:text-brand-700"}`}>{label}</Link>
  );
  const query = { tab: f.tab, q: f.q, town: f.town, currency: f.currency, arrived: f.arrived, period: periodKey };
  const header = (
    <>
      <h1 className="text-2xl font-semibold">招商引资与民营经济 <span className="text-lg font-normal text-slate-600">{period ? formatPeriodRange(period.year, period.month) : ""}</span></h1>
      <nav aria-label="视图" className="flex gap-1 border-b border-slate-200">{tab("signed", "招商引资")}{tab("private", "民营经济")}</nav>
    </>
  );
  if (f.tab === "private") {
    const data = period && scope.root.level !== "TOWN" ? await getPrivateEconomy(scope.root, period) : null;
    return (
      <div className="space-y-4">
        {header}
        <div className="flex justify-end"><ExportLinks table="private-economy" query={{ period: periodKey }} /></div>
        {data ? <PrivateEconomyTable {...data} scopeWord={SCOPE_WORD[scope.root.level]} childLabel={CHILD_WORD[scope.root.level]} /> : <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">暂无数据。</p>}
      </div>
    );
  }
  const list = await listAttraction(townIdsOf(scope), period, f);
  return (
    <div className="space-y-4">
      {header}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" data-testid="attraction-summary">
          签约项目 <span className="num font-semibold">{list.total}</span> 个，计划总投资 <span className="num font-semibold">{formatWan(list.totals.planned)}</span> 万元；
          已到账项目 <span className="num font-semibold">{list.totals.arrivedCount}</span> 个，实际到账资金 <span className="num font-semibold">{formatWan(list.totals.arrived)}</span> 万元（美元按签约当期汇率折算）
        </p>
        <ExportLinks table="attraction" query={query} />
      </div>
      <FilterForm
        action="/attraction"
        hidden={{ period: periodKey }}
        fields={[
          { kind: "search", name: "q", label: "项目名称", value: f.q },
          { kind: "select", name: "town", label: "乡镇", value: f.town, options: scope.towns.map((t) => ({ value: t.code, label: t.name })) },
          { kind: "select", name: "currency", label: "币种", value: f.currency, options: [{ value: "CNY", label: "人民币" }, { value: "USD", label: "美元" }] },
          { kind: "select", name: "arrived", label: "到账情况", value: f.arrived, options: [{ value: "yes", label: "已到账" }, { value: "no", label: "未到账" }] },
        ]}
      />
      {list.total === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">没有符合条件的招商项目。</p> : <AttractionTable rows={list.rows} />}
      <Pagination path="/attraction" query={query} page={list.page} pageCount={list.pageCount} total={list.total} />
    </div>
  );
}
