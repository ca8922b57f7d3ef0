// 全市位次: where the county stands among its city's counties — the sentence the 通报 opens with, then
// per headline indicator its figure, 同比, 总量/增幅 位次 with the change from last month, 占全市比重 and
// 完成年计划 against 时序进度; and, for a county with town detail, what the city's table says beside its
// own total. Text from the one presenter; "—" where a county has no figure.
import { ChartCard, ChartEmpty } from "@/components/charts/chart-card";
import { GrowthText, RankChange, TONE_CLASS } from "@/components/ui/growth-text";
import type { CityTableCheck } from "@/lib/peers/city-table";
import type { PeerStanding } from "@/lib/peers/standing";
import { PEERS_LABEL, peerSentences } from "@/lib/peers/text";
import { presentPlan, presentRank, presentValue } from "@/lib/present/figure";
import { formatPercent } from "@/lib/stats";

type Props = { peers: Promise<PeerStanding | null>; check: Promise<CityTableCheck[]> };

export async function PeersWidget({ peers, check }: Props) {
  const [s, table] = await Promise.all([peers, check]);
  if (!s) return null;
  const note = `在${s.city.name}${s.countyCount}个${PEERS_LABEL}中 · 时序进度 ${formatPercent(s.timeProgressPercent, 1)}`;
  return (
    <ChartCard title="全市位次" note={note} testId="peers-panel">
      {!s.hasFigures ? (
        <ChartEmpty text={`本期暂无全市位次：${s.county.name}或其他${PEERS_LABEL}尚无${s.indicators[0]?.indicator.name ?? "工业总产值"}数据`} />
      ) : s.partial ? (
        <ChartEmpty text={`本期${s.county.name}已计入${s.partial.reported}/${s.partial.of}个乡镇（其余未报送或未审核），合计不完整，全市位次待全部计入后显示`} />
      ) : (
        <div className="space-y-3">
          {peerSentences(s).map((p) => (
            <p key={p} className="text-sm leading-relaxed text-slate-800" data-testid="peers-sentence">{p}</p>
          ))}
          <div className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-sm" data-testid="peers-table">
              <caption className="sr-only">{s.county.name}主要指标在{s.city.name}各{PEERS_LABEL}中的位次</caption>
              <thead className="border-b border-slate-200 text-left text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">指标</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">本{s.county.name.endsWith("区") ? "区" : s.county.name.endsWith("市") ? "市" : "县"}累计</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">同比</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">总量位次</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">增幅位次</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">占全市比重</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">完成年计划</th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">超/落后时序（百分点）</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {s.indicators.map(({ indicator: ind, cell, ranked, rankedByGrowth }) => {
                  const v = presentValue(cell.value, ind, "yi");
                  const plan = presentPlan(cell, ind.percentPrecision);
                  return (
                    <tr key={ind.code} data-indicator={ind.code}>
                      <th scope="row" className="py-1.5 pr-2 text-left font-normal">{ind.name}</th>
                      <td className="px-2 py-1.5 text-right num whitespace-nowrap">{v.text}<span className="ml-0.5 text-xs text-slate-600">{v.unit}</span></td>
                      <td className="px-2 py-1.5 text-right"><GrowthText percent={cell.yoyPercent} loss={cell.lossChange} digits={ind.percentPrecision} /></td>
                      <td className="px-2 py-1.5 text-right whitespace-nowrap" data-testid="peer-rank">
                        <span className="num">{presentRank(cell.rank)}</span>{cell.rank !== null && <span className="text-xs text-slate-600">/{ranked}</span>} <RankChange change={cell.rankChange} />
                      </td>
                      <td className="px-2 py-1.5 text-right whitespace-nowrap" data-testid="peer-growth-rank">
                        <span className="num">{presentRank(cell.growthRank)}</span>{cell.growthRank !== null && <span className="text-xs text-slate-600">/{rankedByGrowth}</span>} <RankChange change={cell.growthRankChange} />
                      </td>
                      <td className="px-2 py-1.5 text-right num">{formatPercent(cell.sharePercent, ind.percentPrecision)}</td>
                      <td className="px-2 py-1.5 text-right num">{plan.completion}</td>
                      <td className={`px-2 py-1.5 text-right num ${TONE_CLASS[plan.gapTone]}`}>{plan.gapPoints}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-slate-600">位次为在{s.city.name}各{PEERS_LABEL}中的排名（并列按同一名次）；▲▼为较上月位次变化；累计单位：亿元（金额）。</p>
        </div>
      )}
      {table.some((t) => t.differs) && (
        <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" role="note" data-testid="city-table-check">
          <p className="font-medium">市表核对（市表数据不计入汇总，本县合计以各乡镇数据为准）：</p>
          <ul className="list-disc pl-5">
            {table.filter((t) => t.differs).map((t) => (
              <li key={t.code}>
                {t.name}：本县乡镇汇总{presentValue(t.own, t).text}{t.unit}，市表{presentValue(t.table, t).text}{t.unit}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartCard>
  );
}
