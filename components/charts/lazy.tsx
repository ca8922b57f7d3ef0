"use client";
// The dashboards' Recharts charts, drawn after the page is interactive as they come near the screen
// (see deferred.tsx). Recharts is the heaviest script on these pages: the figures and tables arrive
// with the HTML, the drawings follow. Each placeholder has the chart's own height.
import type { ComponentProps } from "react";
import type { CompositionPie } from "./composition-pie";
import { DeferredChart } from "./deferred";
import type { PlanProgressChart } from "./plan-progress-chart";
import type { RankingBarChart } from "./ranking-bar-chart";
import type { TrendChart } from "./trend-chart";

export const rankingChartHeight = (bars: number) => Math.max(240, bars * 26 + 40);
const TREND_HEIGHT = 326; // toggle + chart (280)
const PLAN_HEIGHT = 324; // chart (300) + caption
const PIE_HEIGHT = 180;

// Module-level loaders: one stable function per chart, so effects do not restart on re-render.
const loadRanking = () => import("./ranking-bar-chart").then((m) => m.RankingBarChart);
const loadTrend = () => import("./trend-chart").then((m) => m.TrendChart);
const loadPlan = () => import("./plan-progress-chart").then((m) => m.PlanProgressChart);
const loadPie = () => import("./composition-pie").then((m) => m.CompositionPie);

export function LazyRankingBarChart(props: ComponentProps<typeof RankingBarChart>) {
  return <DeferredChart load={loadRanking} props={props} height={rankingChartHeight(props.rows.filter((r) => r.value !== null).length)} />;
}

export function LazyTrendChart(props: ComponentProps<typeof TrendChart>) {
  return <DeferredChart load={loadTrend} props={props} height={TREND_HEIGHT} />;
}

export function LazyPlanProgressChart(props: ComponentProps<typeof PlanProgressChart>) {
  return <DeferredChart load={loadPlan} props={props} height={PLAN_HEIGHT} />;
}

export function LazyCompositionPie(props: ComponentProps<typeof CompositionPie>) {
  return <DeferredChart load={loadPie} props={props} height={PIE_HEIGHT} />;
}
