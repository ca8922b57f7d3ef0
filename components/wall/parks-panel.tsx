import type { WallPark } from "@/lib/kiosk/types";
import { Panel, TONE_CLASS, pageOf } from "./panel";

const PER_PAGE = 3;

export function ParksPanel({ parks, periodLabel, tick }: { parks: WallPark[]; periodLabel: string; tick: number }) {
  const { rows, page, pages } = pageOf(parks, PER_PAGE, tick);
  return (
    <Panel title="重点园区" className="min-h-0 flex-1" extra={
        <span className="text-[18px] text-slate-300">
          {periodLabel} · 亿元、家、亩{pages > 1 ? ` · ${page + 1}/${pages}` : ""}
        </span>
      }>
      {parks.length === 0 ? (
        <p className="pt-6 text-center text-[24px] text-slate-300">暂无园区数据</p>
      ) : (
        <table data-testid="wall-parks" className="w-full table-fixed text-[22px]">
          <thead>
            <tr className="text-right text-[18px] text-slate-300">
              <th className="w-[206px] pb-1 text-left font-normal">园区</th>
              <th className="pb-1 font-normal">销售收入</th>
              <th className="w-[104px] pb-1 font-normal">同比</th>
              <th className="w-[84px] pb-1 font-normal">利税</th>
              <th className="w-[64px] pb-1 font-normal">企业</th>
              <th className="w-[80px] pb-1 font-normal">已开发</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className="h-[52px] border-t border-[#1f3d6e] text-right">
                <td className="text-left">
                  <p className="truncate leading-7 text-white">{p.name}</p>
                  <p className="truncate text-[17px] leading-5 text-slate-300">
                    {p.level} · {p.town}
                  </p>
                </td>
                <td className="num font-semibold text-white">{p.sales}</td>
                <td className={`text-[20px] ${TONE_CLASS[p.salesTone]}`}>{p.salesGrowth}</td>
                <td className="num text-slate-100">{p.profitTax}</td>
                <td className="num text-slate-100">{p.enterprises}</td>
                <td className="num text-slate-100">{p.developed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
