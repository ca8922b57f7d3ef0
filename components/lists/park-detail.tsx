import Link from "next/link";
import type { EnterpriseListRow } from "@/lib/enterprises/list";
import { PARK_LEVEL_LABELS, type getPark, type ParkRow } from "@/lib/parks/list";
import { formatNumber, formatPercent, formatWan, MISSING } from "@/lib/stats";
import type { Crumb } from "@/lib/dashboard/crumbs";
import { Crumbs, Facts } from "./detail-bits";

type P = NonNullable<Awaited<ReturnType<typeof getPark>>>;

/** `scopeWord`: the whole the park's share is of (全县, or 全市 for a city's reader). */
export function ParkDetail({ p, row, enterprises, total, periodKey, canEdit, above, scopeWord = "全县" }: { p: P; row: ParkRow | null; enterprises: EnterpriseListRow[] | null; total: number; periodKey: string; canEdit: boolean; above: Crumb[]; scopeWord?: string }) {
  const q = `?period=${periodKey}`;
  return (
    <div className="space-y-6">
      <Crumbs items={[...above, { href: `/towns/${p.town.code}${q}`, label: p.town.name }]} current={p.name} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{p.name}</h1>
        {canEdit && <Link href={`/parks/${p.id}/edit`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">编辑</Link>}
      </div>
      <Facts
        items={[
          ["级别", PARK_LEVEL_LABELS[p.level]],
          ["所在乡镇", p.town.name],
          ["主导产业", p.leadingIndustries || MISSING],
          ["规划面积（亩）", formatNumber(p.plannedArea.toString(), 2)],
          ["已开发面积（亩）", formatNumber(row?.developedArea ?? null, 2)],
          ["基础设施投资（万元，累计）", formatWan(row?.infrastructureInvestment ?? null)],
          ["入园企业（家）", row?.enterpriseCount ?? MISSING],
          ["销售收入（万元，累计）", formatWan(row?.salesRevenue ?? null)],
          ["利税（万元，累计）", formatWan(row?.profitTax ?? null)],
          ["企业产值（万元，累计）", formatWan(row?.output ?? null)],
          [`占${scopeWord}企业产值`, formatPercent(row?.outputSharePercent ?? null)],
        ]}
      />
      {enterprises === null ? <p className="text-sm text-slate-600" data-testid="firms-hidden">园区企业明细仅本镇和县局可见。</p> : <ParkFirms enterprises={enterprises} total={total} parkId={p.id} q={q} />}
    </div>
  );
}

/** The park's enterprises by output: shown only to those who may read the town's firms. */
function ParkFirms({ enterprises, total, parkId, q }: { enterprises: EnterpriseListRow[]; total: number; parkId: number; q: string }) {
  return (
    <section aria-labelledby="park-ent" className="space-y-2">
      <h2 id="park-ent" className="text-lg font-semibold">园区企业（{total}家，按产值排序，万元）</h2>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-3 text-sm shadow-sm">
        {enterprises.map((e, i) => (
          <li key={e.id} className="flex gap-2 py-1.5">
            <span className="w-6 text-right num text-slate-600">{i + 1}</span>
            <Link href={`/enterprises/${e.id}${q}`} className="flex-1 text-brand-700 hover:underline">{e.name}</Link>
            <span className="num">{formatWan(e.output)}</span>
          </li>
        ))}
      </ol>
      {total > enterprises.length && <Link href={`/enterprises${q}&park=${parkId}`} className="text-sm text-brand-700 underline">查看全部园区企业</Link>}
    </section>
  );
}
