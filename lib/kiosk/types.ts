// The wall dashboard's data as the browser receives it: display strings formatted on the server
// (lib/stats), plain numbers only where a chart or a bar needs a length. No Decimal, no Date.

import type { Tone } from "@/lib/present/figure";
export type { Tone };

export type WallKpi = {
  code: string;
  name: string;
  /** "1,234.56", or "—" */
  value: string;
  unit: string;
  /** "增长12.3%", "下降4.5%", "扭亏为盈", "—" */
  growth: string;
  tone: Tone;
  plan: WallPlan | null;
};

export type WallPlan = {
  /** "65.2%" */
  completion: string;
  completionPercent: number | null;
  /** "58.3%" */
  timeProgress: string;
  timeProgressPercent: number | null;
  /** "超时序进度6.9个百分点" */
  gap: string;
  tone: Tone;
};

export type WallRankRow = {
  code: string;
  name: string;
  /** null: no value this period (listed last, no number) */
  rank: number | null;
  /** "12.34" (亿元) or "+12.3%" */
  value: string;
  tone: Tone;
  /** previous rank − current rank: positive moved up */
  change: number | null;
  /** 0–100: the bar length relative to the first row */
  bar: number;
};

/** One month of the trend, in 亿元 (numbers for the chart only). */
export type WallTrendRow = { month: string; current: number | null; lastYear: number | null; currentYtd: number | null; lastYearYtd: number | null };

export type WallProject = {
  id: number;
  name: string;
  town: string;
  stage: string;
  /** 计划总投资, "12.35" 亿元 */
  total: string;
  /** 当年累计完成投资, "3.21" 亿元 */
  completed: string;
  /** 完成当年计划投资, "58.3%" or "—" */
  progress: string;
  progressPercent: number | null;
};

export type WallPark = {
  id: number;
  name: string;
  level: string;
  town: string;
  /** 销售收入, 亿元 */
  sales: string;
  salesGrowth: string;
  salesTone: Tone;
  /** 利税, 亿元 */
  profitTax: string;
  enterprises: string;
  /** 已开发面积 / 规划面积, 亩 */
  developed: string;
  planned: string;
  developedPercent: number | null;
};

/** One town on the wall's forecast panel: display strings from lib/present/forecast. */
export type WallForecastRow = { code: string; name: string; completion: string; gap: string; need: string };

/** 预计全年 of the ranked indicator (工业总产值): the county's sentence and range, towns at risk and ahead. */
export type WallForecast = {
  indicator: string;
  /** "按历年进度测算，预计全年可完成年计划的96.3%（区间92.1–101.5%）", or null */
  sentence: string | null;
  /** The county's 预计全年 in 亿元: "95.10–101.30" or "—" */
  range: string;
  /** "95" */
  threshold: string;
  atRisk: WallForecastRow[];
  ahead: WallForecastRow[];
};

/** 全市位次 on the wall: the city's counties by 工业总产值 (the county's own row marked) and the 通报's sentence. */
export type WallPeers = {
  city: string;
  indicator: string;
  /** "我市乡镇工业经济总量在6个县（市、区）中名列第3位…" */
  sentence: string;
  rows: (WallRankRow & { own: boolean; growth: string; growthTone: Tone })[];
};

export type WallData =
  | {
      status: "ok";
      county: { code: string; name: string };
      period: { key: string; label: string; monthLabel: string };
      /** ISO time the server assembled this answer */
      generatedAt: string;
      reportedTowns: number;
      totalTowns: number;
      /** "合计同比不含新设（上年同期无数据）的…": towns in the totals but not in their 同比 (no figure last year), or null */
      growthScope: string | null;
      kpis: WallKpi[];
      rankings: { indicator: string; total: WallRankRow[]; growth: WallRankRow[] };
      /** `partial`: the latest month counts only the towns that have reported it (like for like). */
      trend: { year: number; lastYear: number; rows: WallTrendRow[]; partial: { month: number; towns: number } | null };
      projects: WallProject[];
      parks: WallPark[];
      /** null when the indicator has no forecast to show */
      forecast?: WallForecast | null;
      /** null/absent when the county has no city or no place among its counties this period */
      peers?: WallPeers | null;
    }
  | { status: "empty"; county: { code: string; name: string }; generatedAt: string };

export const WALL_REFUSED_MESSAGE = "大屏链接无效或已撤销，请联系管理员";

/** Refresh interval in seconds: 60 by default; `?refresh=N` (2–3600) for tests and slow links. */
export function refreshSeconds(raw: string | undefined): number {
  const n = raw === undefined ? NaN : Number(raw);
  if (!Number.isFinite(n)) return 60;
  return Math.min(3600, Math.max(2, Math.round(n)));
}

/** "14:05" in China time, the same on the server and in the browser (no hydration mismatch). */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
}
