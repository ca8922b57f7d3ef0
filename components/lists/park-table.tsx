import Link from "next/link";
import { PARK_LEVEL_LABELS, type ParkRow } from "@/lib/parks/list";
import { formatNumber, formatPercent, formatWan, MISSING } from "@/lib/stats";

export function ParkTable({ rows, periodKey }: { rows: ParkRow[]; periodKey?: string }) {
  const th = "px-2 py-2 font-medium";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="park-table">
        <caption className="sr-only">园区（面积：亩；金额：万元）</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${th} text-left`}>园区</th>
            <th scope="col" className={`${th} text-left`}>级别</th>
            <th scope="col" className={`${th} text-left`}>乡镇</th>
            <th scope="col" className={`${th} text-right`}>规划面积（亩）</th>
            <th scope="col" className={`${th} text-right`}>已开发面积（亩）</th>
            <th scope="col" className={`${th} text-right`}>基础设施投资（万元）</th>
            <th scope="col" className={`${th} text-right`}>入园企业（家）</th>
            <th scope="col" className={`${th} text-right`}>销售收入（万元）</th>
            <th scope="col" className={`${th} text-right`}>企业产值占比</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="px-2 py-1.5"><Link href={`/parks/${r.id}${periodKey ? `?period=${periodKey}` : ""}`} className="text-brand-700 hover:underline">{r.name}</Link></td>
              <td className="px-2 py-1.5 whitespace-nowrap">{PARK_LEVEL_LABELS[r.level]}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{r.townName}</td>
              <td className="px-2 py-1.5 text-right num">{formatNumber(r.plannedArea, 2)}</td>
              <td className="px-2 py-1.5 text-right num">{formatNumber(r.developedArea, 2)}</td>
              <td className="px-2 py-1.5 text-right num">{formatWan(r.infrastructureInvestment)}</td>
              <td className="px-2 py-1.5 text-right num">{r.enterpriseCount ?? MISSING}</td>
              <td className="px-2 py-1.5 text-right num">{formatWan(r.salesRevenue)}</td>
              <td className="px-2 py-1.5 text-right num">{formatPercent(r.outputSharePercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
