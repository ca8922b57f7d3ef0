import Link from "next/link";
import { ChartCard } from "@/components/charts/chart-card";
import { TrendChart } from "@/components/charts/trend-chart";
import { GrowthText } from "@/components/ui/growth-text";
import type { getEnterprise, MonthRow } from "@/lib/enterprises/detail";
import { industryLabel, OWNERSHIP_LABELS } from "@/lib/enterprises/industries";
import type { TrendRow } from "@/lib/dashboard/chart-rows";
import { formatWan, MISSING } from "@/lib/stats";
import type { Crumb } from "@/lib/dashboard/crumbs";
import { Crumbs, Facts } from "./detail-bits";

type E = NonNullable<Awaited<ReturnType<typeof getEnterprise>>>;
const NAMES = { gross_output: "工业总产值", sales_revenue: "销售收入", profit: "利润总额", tax: "入库税金" } as const;

/** `above`: the overviews above the enterprise's town in the reader's scope (lib/dashboard/crumbs). */
export function EnterpriseDetail({ e, year, months, trend, periodKey, canEdit, above }: { e: E; year: number; months: MonthRow[]; trend: TrendRow[]; periodKey: string; canEdit: boolean; above: Crumb[] }) {
  const q = `?period=${periodKey}`;
  return (
    <div className="space-y-6">
      <Crumbs items={[...above, { href: `/towns/${e.town.code}${q}`, label: e.town.name }, { href: `/enterprises${q}&town=${e.town.code}`, label: "企业" }]} current={e.name} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{e.name}</h1>
        {canEdit && <Link href={`/enterprises/${e.id}/edit`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">编辑</Link>}
      </div>
      <Facts
        items={[
          ["统一社会信用代码", <span key="c" className="num">{e.creditCode}</span>],
          ["所在乡镇", <Link key="t" href={`/towns/${e.town.code}${q}`} className="text-brand-700 hover:underline">{e.town.name}</Link>],
          ["所在园区", e.park ? <Link key="p" href={`/parks/${e.park.id}${q}`} className="text-brand-700 hover:underline">{e.park.name}</Link> : MISSING],
          ["行业", `${industryLabel(e.industryCode.slice(0, 3))} ${e.industryCode}`],
          ["登记注册类型", OWNERSHIP_LABELS[e.ownership]],
          ["规模", e.aboveScale ? "规模以上" : "规模以下"],
          ["规上变动", e.scaleHistory.length ? e.scaleHistory.map((h) => `${h.year}年${h.month}月${h.aboveScale ? "列统" : "退出规上"}`).join("；") : MISSING],
        ]}
      />
      <ChartCard title={`工业总产值逐月（${year}年与${year - 1}年）`} note="单位：万元">
        <TrendChart rows={trend} unit="万元" digits={2} year={year} canMonthly />
      </ChartCard>
      <section aria-labelledby="monthly-title" className="space-y-2">
        <h2 id="monthly-title" className="text-lg font-semibold">{year}年月度数据（1–N月累计，万元）</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm" data-testid="enterprise-monthly">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" rowSpan={2} className="px-2 py-2 text-left font-medium">月份</th>
                {Object.values(NAMES).map((n) => <th key={n} scope="colgroup" colSpan={3} className="border-l border-slate-200 px-2 py-1 text-center font-medium">{n}</th>)}
              </tr>
              <tr>
                {Object.keys(NAMES).map((c) => [
                  <th key={`${c}a`} scope="col" className="border-l border-slate-200 px-2 py-1 text-right font-normal">累计</th>,
                  <th key={`${c}b`} scope="col" className="px-2 py-1 text-right font-normal">当月</th>,
                  <th key={`${c}c`} scope="col" className="px-2 py-1 text-right font-normal">同比</th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal">1–{m.month}月</th>
                  {(Object.keys(NAMES) as (keyof typeof NAMES)[]).map((c) => [
                    <td key={`${c}a`} className="border-l border-slate-100 px-2 py-1.5 text-right num">{formatWan(m.values[c].ytd)}</td>,
                    <td key={`${c}b`} className="px-2 py-1.5 text-right num">{formatWan(m.values[c].monthly)}</td>,
                    <td key={`${c}c`} className="px-2 py-1.5 text-right"><GrowthText percent={m.values[c].yoyPercent} /></td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
