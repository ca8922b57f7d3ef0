import type { AttractionRow } from "@/lib/attraction/list";
import { formatNumber, formatWan, MISSING } from "@/lib/stats";

/** Signed projects with planned vs arrived funds; USD rows show the original amount and the rate used. */
export function AttractionTable({ rows }: { rows: AttractionRow[] }) {
  const th = "px-2 py-2 font-medium";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="attraction-table">
        <caption className="sr-only">招商引资项目（折合人民币万元；外币列为原币万美元）</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${th} text-left`}>项目</th>
            <th scope="col" className={`${th} text-left`}>乡镇</th>
            <th scope="col" className={`${th} text-left`}>签约期</th>
            <th scope="col" className={`${th} text-right`}>计划总投资（万元）</th>
            <th scope="col" className={`${th} text-right`}>实际到账（万元）</th>
            <th scope="col" className={`${th} text-left`}>原币金额</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="px-2 py-1.5">{r.name}{r.investor && <div className="text-xs text-slate-600">{r.investor}</div>}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{r.townName}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{r.year}年{r.month}月</td>
              <td className="px-2 py-1.5 text-right num">{formatWan(r.plannedCny)}</td>
              <td className="px-2 py-1.5 text-right num">{formatWan(r.arrivedCny)}</td>
              <td className="px-2 py-1.5 text-xs" data-testid={r.currency === "USD" ? "usd-original" : undefined}>
                {r.currency === "USD" ? `计划 ${formatWan(r.plannedAmount)} / 到账 ${formatWan(r.arrivedAmount)} 万美元 · 汇率 ${r.usdRate ? formatNumber(r.usdRate, 4) : MISSING}` : "人民币"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
