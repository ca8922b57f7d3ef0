// The county's 全市位次 in words and as a table — the 通报's sentence and table, the panel's lines.
// Every figure goes through the one presenter (lib/present/figure); a clause whose figure is missing
// is left out whole, and without figures there is no sentence at all (never "第null位"). Pure.
import type { Cell } from "@/lib/overview/compute";
import { presentGrowth, presentPlan, presentRank, presentRankChange, presentValue } from "@/lib/present/figure";
import { formatPercent, MISSING } from "@/lib/stats";
import { countiesByRank, type PeerStanding } from "./standing";

/** What the city's counties are called together: 县（市、区）. */
export const PEERS_LABEL = "县（市、区）";

/** How a county names itself in its own report: 我县 / 我市 (a county-level city) / 我区. */
export const ownName = (county: { name: string }) => `我${county.name.endsWith("市") ? "市" : county.name.endsWith("区") ? "区" : "县"}`;

const shortName = (name: string) => name.replace(/（.*）/, "");

/** "，比上月前移1位" / "，与上月持平" / "" */
function changeClause(change: number | null): string {
  const c = presentRankChange(change);
  if (c.words === MISSING) return "";
  return c.words === "持平" ? "，与上月持平" : `，比上月${c.words}`;
}

/** "名列第3位，比上月前移1位" or null without a rank. */
const placed = (rank: number | null, change: number | null) => (rank === null ? null : `名列${presentRank(rank)}${changeClause(change)}`);

/**
 * The 通报's sentence(s): "我市乡镇工业经济总量在6个县（市、区）中名列第3位，比上月前移1位，占全市的28.4%；增幅名列第2位（同比增长8.1%），与上月持平；
 * 完成年计划的60.2%，超时序进度1.9个百分点。主要指标中，规上工业总产值总量名列第2位、增幅名列第1位；…。"
 * Empty when the county has no figures.
 */
export function peerSentences(s: PeerStanding): string[] {
  // A partial total against whole peers would state a place the county does not hold.
  if (!s.hasFigures || s.partial) return [];
  const [lead, ...rest] = s.indicators;
  const c = lead.cell;
  const pct = lead.indicator.percentPrecision;
  const growth = presentGrowth(c, pct);
  const plan = presentPlan(c, pct);
  const head = [
    `${ownName(s.county)}乡镇工业经济总量在${lead.ranked}个${PEERS_LABEL}中${placed(c.rank, c.rankChange)}${c.sharePercent === null ? "" : `，占全市的${formatPercent(c.sharePercent, pct)}`}`,
    c.growthRank === null ? null : `增幅名列${presentRank(c.growthRank)}（同比${growth.words}）${changeClause(c.growthRankChange)}`,
    c.planCompletionPercent === null ? null : `完成年计划的${plan.completion}${c.scheduleGapPoints === null ? "" : `，${plan.gap}`}`,
  ].filter((x): x is string => x !== null);
  const out = [`${head.join("；")}。`];
  const others = rest
    .filter((x) => x.cell.rank !== null)
    .map((x) => `${shortName(x.indicator.name)}总量名列${presentRank(x.cell.rank)}${x.cell.growthRank === null ? "" : `、增幅名列${presentRank(x.cell.growthRank)}`}`);
  if (others.length > 0) out.push(`主要指标中，${others.join("；")}。`);
  return out;
}

/** The short form for the wall: "我市乡镇工业经济总量在6个县（市、区）中名列第3位，增幅名列第2位"; null without a place. */
export function peerHeadline(s: PeerStanding): string | null {
  if (!s.hasFigures || s.partial) return null;
  const lead = s.indicators[0];
  const growth = lead.cell.growthRank === null ? "" : `，增幅名列${presentRank(lead.cell.growthRank)}`;
  return `${ownName(s.county)}乡镇工业经济总量在${lead.ranked}个${PEERS_LABEL}中名列${presentRank(lead.cell.rank)}${growth}`;
}

export type PeerTable = { title: string; headers: string[]; rows: string[][]; totalRow: string[]; /** the county's own row, by position in rows */ own: number };

/** 全市各县（市、区）: the lead indicator per county in rank order, the city's total first. Null without figures. */
export function peerTable(s: PeerStanding, month: number): PeerTable | null {
  const lead = s.indicators[0];
  if (!lead || !s.totals[lead.indicator.code]?.value) return null;
  const code = lead.indicator.code;
  const pct = lead.indicator.percentPrecision;
  const row = (name: string, cell: Cell | undefined, isTotal: boolean) => [
    name,
    presentValue(cell?.value ?? null, { unit: "万元", precision: 2 }, "yi").text,
    presentGrowth(cell, pct).signed,
    isTotal ? "100.0%" : formatPercent(cell?.sharePercent ?? null, pct),
    presentPlan(cell, pct).completion,
    isTotal ? "" : presentRank(cell?.rank),
    isTotal ? "" : presentRank(cell?.growthRank),
  ];
  const ordered = countiesByRank(s, code);
  return {
    title: `全市各${PEERS_LABEL}${lead.indicator.name}完成情况（亿元）`,
    headers: [PEERS_LABEL, month === 1 ? "1月累计" : `1–${month}月累计`, "同比", "占全市比重", "完成年计划", "总量位次", "增幅位次"],
    totalRow: row(`${s.city.name}合计`, s.totals[code], true).map((x, i) => (i === 3 && !s.totals[code]?.value ? MISSING : x)),
    rows: ordered.map((c) => row(c.name, c.cells[code], false)),
    own: ordered.findIndex((c) => c.code === s.county.code),
  };
}
