import "server-only";
// The wall's registry panels: 亿元以上 projects with their investment progress, and the parks.
import { getPrisma } from "@/lib/db/client";
import type { ParkLevel, ProjectStage } from "@/lib/generated/prisma/client";
import { formatNumber, formatPercent, formatYi, planCompletionPercent, sharePercent, yoyPercent, type Period } from "@/lib/stats";
import type { WallPark, WallProject } from "./types";
import { presentGrowth } from "@/lib/present/figure";

export const STAGE_LABELS: Record<ProjectStage, string> = {
  NEGOTIATING: "在谈",
  SIGNED: "签约",
  STARTED: "开工",
  UNDER_CONSTRUCTION: "在建",
  COMPLETED: "竣工",
  IN_PRODUCTION: "投产",
};

export const PARK_LEVEL_LABELS: Record<ParkLevel, string> = { PROVINCIAL: "省级开发区", MUNICIPAL: "地级示范园区", TOWNSHIP: "乡镇集中区" };

/** 亿元以上项目: total planned investment ≥ 10,000万元. */
const MAJOR_PROJECT_WAN = 10000;
const MAX_PROJECTS = 40;

/** Projects of the county's towns of at least 1亿元, largest first, with 当年累计完成投资 at the period. */
export async function listMajorProjects(countyId: number, period: Period): Promise<WallProject[]> {
  const projects = await getPrisma().project.findMany({
    where: { town: { parentId: countyId }, totalInvestment: { gte: MAJOR_PROJECT_WAN } },
    select: {
      id: true,
      name: true,
      stage: true,
      totalInvestment: true,
      town: { select: { name: true } },
      yearPlans: { where: { year: period.year }, select: { planned: true } },
      progress: { where: { year: period.year, month: { lte: period.month } }, orderBy: { month: "desc" }, take: 1, select: { completedYtd: true } },
    },
    orderBy: [{ totalInvestment: "desc" }, { id: "asc" }],
    take: MAX_PROJECTS,
  });
  return projects.map((p) => {
    const planned = p.yearPlans[0]?.planned.toString() ?? null;
    const completed = p.progress[0]?.completedYtd.toString() ?? null;
    const progress = planCompletionPercent(completed, planned);
    return {
      id: p.id,
      name: p.name,
      town: p.town.name,
      stage: STAGE_LABELS[p.stage],
      total: formatYi(p.totalInvestment.toString()),
      completed: formatYi(completed),
      progress: formatPercent(progress),
      progressPercent: progress === null ? null : progress.toNumber(),
    };
  });
}

/** The county's parks with their figures for the period and 同比 of their sales. */
export async function listParks(countyId: number, period: Period): Promise<WallPark[]> {
  const parks = await getPrisma().park.findMany({
    where: { town: { parentId: countyId } },
    select: {
      id: true,
      name: true,
      level: true,
      plannedArea: true,
      town: { select: { name: true } },
      values: {
        where: { month: period.month, year: { in: [period.year, period.year - 1] } },
        select: { year: true, developedArea: true, enterpriseCount: true, salesRevenue: true, profitTax: true },
      },
    },
    orderBy: [{ level: "asc" }, { id: "asc" }],
  });
  return parks.map((p) => {
    const now = p.values.find((v) => v.year === period.year);
    const before = p.values.find((v) => v.year === period.year - 1);
    const sales = now?.salesRevenue.toString() ?? null;
    const salesGrowth = presentGrowth({ yoyPercent: yoyPercent(sales, before?.salesRevenue.toString() ?? null), lossChange: null });
    const developed = now?.developedArea.toString() ?? null;
    const developedShare = sharePercent(developed, p.plannedArea.toString());
    return {
      id: p.id,
      name: p.name,
      level: PARK_LEVEL_LABELS[p.level],
      town: p.town.name,
      sales: formatYi(sales),
      salesGrowth: salesGrowth.words,
      salesTone: salesGrowth.tone,
      profitTax: formatYi(now?.profitTax.toString() ?? null),
      enterprises: now ? formatNumber(now.enterpriseCount, 0) : "—",
      developed: formatNumber(developed, 0),
      planned: formatNumber(p.plannedArea.toString(), 0),
      developedPercent: developedShare === null ? null : developedShare.toNumber(),
    };
  });
}
