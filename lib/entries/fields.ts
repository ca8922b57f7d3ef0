// The park and project figures, described like indicators so lib/checks can judge them: flows are
// YTD (1–N月累计) and may not fall below last month's; stocks (area, counts) may.
import { formatNumber, toDecimal } from "@/lib/stats";
import type { EntryField, ProjectStageValue } from "./types";

/** ParkValue's columns, in the grid's order. Codes are the column names. */
export const PARK_FIELDS: readonly EntryField[] = [
  { code: "developedArea", name: "已开发面积", unit: "亩", kind: "STOCK", precision: 2, maxDecimals: 2 },
  { code: "infrastructureInvestment", name: "基础设施投资", unit: "万元", kind: "FLOW", precision: 2 },
  { code: "enterpriseCount", name: "入园企业数", unit: "家", kind: "STOCK", precision: 0, integerOnly: true },
  { code: "salesRevenue", name: "销售收入", unit: "万元", kind: "FLOW", precision: 2 },
  { code: "profitTax", name: "利税", unit: "万元", kind: "FLOW", precision: 2, allowNegative: true },
];

export type ParkFieldCode = "developedArea" | "infrastructureInvestment" | "enterpriseCount" | "salesRevenue" | "profitTax";

/** 当年累计完成投资 of a project: a YTD flow within the year, judged against 当年计划投资. */
export const PROJECT_PROGRESS_FIELD: EntryField = { code: "completedYtd", name: "当年累计完成投资", unit: "万元", kind: "FLOW", precision: 2 };

export const STAGE_ORDER = ["NEGOTIATING", "SIGNED", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION"] as const satisfies readonly ProjectStageValue[];

export const STAGE_NAMES: Readonly<Record<ProjectStageValue, string>> = {
  NEGOTIATING: "在谈",
  SIGNED: "签约",
  STARTED: "开工",
  UNDER_CONSTRUCTION: "在建",
  COMPLETED: "竣工",
  IN_PRODUCTION: "投产",
};

export const PARK_LEVEL_NAMES: Readonly<Record<string, string>> = { PROVINCIAL: "省级开发区", MUNICIPAL: "地级示范园区", TOWNSHIP: "乡镇集中区" };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day "YYYY-MM-DD" (rejects 2026-02-30). */
export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** What is wrong with a stage change's date, or null: not in the future, not before the last change. */
export function stageDateProblem(day: string, today: string, since: string | null): string | null {
  if (!isCalendarDay(day)) return "请填写阶段变更日期（YYYY-MM-DD）";
  if (day > today) return "阶段变更日期不能晚于今天";
  if (since && day < since) return `阶段变更日期不能早于上次变更（${since}）`;
  return null;
}

/** 已开发面积 above 规划面积 is not impossible (plans get revised) but worth a look: a warning. */
export function parkAreaWarning(developedArea: string | null | undefined, plannedArea: string): string | null {
  const area = toDecimal(developedArea ?? null);
  const planned = toDecimal(plannedArea);
  if (area === null || planned === null || planned.lte(0) || area.lte(planned)) return null;
  return `已开发面积（${formatNumber(area, 2)}亩）超过规划面积（${formatNumber(planned, 2)}亩），请核实`;
}

/** 当年累计完成投资 above 计划总投资 cannot be: the whole project costs less than this year's part. */
export function progressOverTotal(completedYtd: string | null | undefined, totalInvestment: string): string | null {
  const done = toDecimal(completedYtd ?? null);
  const total = toDecimal(totalInvestment);
  if (done === null || total === null || total.lte(0) || done.lte(total)) return null;
  return `当年累计完成投资（${formatNumber(done, 2)}万元）不能大于计划总投资（${formatNumber(total, 2)}万元）`;
}
