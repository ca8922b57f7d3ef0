// The bulletin's tables as plain strings, shared by the page, the print view and the Word export.
import Decimal from "decimal.js";
import { presentGrowth, presentPlan, presentValue } from "@/lib/present/figure";
import { formatNumber, MISSING, projectBucket, PROJECT_BUCKET_LABELS } from "@/lib/stats";
import { STAGE_LABELS, STAGES } from "@/lib/projects/filters";
import { peerTable } from "@/lib/peers/text";
import { forecastTable } from "./compose-forecast";
import { BUCKET_ORDER } from "./compose-sections";
import { whole } from "./phrases";
import type { BulletinData } from "./types";

export type Table = { title: string; headers: string[]; rows: string[][]; totalRow?: string[] };


/** 分乡镇工业总产值: towns in rank order, the county total first. */
export function townTable(d: BulletinData, code = "gross_output"): Table | null {
  const total = d.totals[code];
  if (!total?.value) return null;
  const towns = [...d.towns].sort((a, b) => (a.cells[code]?.rank ?? 999) - (b.cells[code]?.rank ?? 999) || a.code.localeCompare(b.code));
  const row = (name: string, c: (typeof d.totals)[string] | undefined, isTotal: boolean) => [
    name,
    presentValue(c?.value, { unit: "万元", precision: 2 }).text,
    presentGrowth(c, 1).signed,
    presentPlan(c, 1).completion,
    presentPlan(c, 1).gapPoints,
    isTotal ? "" : String(c?.rank ?? MISSING),
    isTotal ? "" : String(c?.growthRank ?? MISSING),
  ];
  return {
    title: `表1 各乡镇${d.indicators[code]?.name ?? ""}完成情况（万元）`,
    headers: ["乡镇（街道）", "1–N月累计", "同比", "完成年计划", "超/落后时序（百分点）", "总量排名", "增幅排名"].map((h) => h.replace("1–N月", d.month === 1 ? "1月" : `1–${d.month}月`)),
    totalRow: row(`${whole(d.county)}合计`, total, true),
    rows: towns.map((t) => row(t.name, t.cells[code], false)),
  };
}

/** 项目分规模、分阶段. */
export function projectTable(d: BulletinData): Table | null {
  if (d.projects.length === 0) return null;
  const rows = BUCKET_ORDER.map((b) => {
    const items = d.projects.filter((p) => projectBucket(p.totalInvestment) === b);
    const total = items.reduce((s, p) => s.plus(p.totalInvestment), new Decimal(0));
    const stages = STAGES.map((s) => String(items.filter((p) => p.stage === s).length));
    return [PROJECT_BUCKET_LABELS[b], String(items.length), formatNumber(total.div(10000), 2), ...stages];
  });
  const all = d.projects.reduce((s, p) => s.plus(p.totalInvestment), new Decimal(0));
  return {
    title: "表2 项目分规模、分阶段情况",
    headers: ["投资规模", "项目数（个）", "计划总投资（亿元）", ...STAGES.map((s) => STAGE_LABELS[s])],
    totalRow: ["合计", String(d.projects.length), formatNumber(all.div(10000), 2), ...STAGES.map((s) => String(d.projects.filter((p) => p.stage === s).length))],
    rows,
  };
}

export function bulletinTables(d: BulletinData): Table[] {
  const tables = [townTable(d), projectTable(d)].filter((t): t is Table => t !== null);
  const forecast = forecastTable(d, tables.length + 1);
  const all = forecast ? [...tables, forecast] : tables;
  // The city's counties last (the towns' tables keep their numbers); only with the county's place to show.
  const peers = d.peers?.hasFigures && !d.peers.partial ? peerTable(d.peers, d.month) : null;
  return peers ? [...all, { title: `表${all.length + 1} ${peers.title}`, headers: peers.headers, rows: peers.rows, totalRow: peers.totalRow }] : all;
}
