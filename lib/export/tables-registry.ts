import "server-only";
// Export tables of the registers and 招商引资: the same queries and filters as the lists, every row.
import { listAttraction } from "@/lib/attraction/list";
import type { AttractionFilters } from "@/lib/attraction/filters";
import type { EnterpriseFilters } from "@/lib/enterprises/filters";
import { industryLabel } from "@/lib/enterprises/industries";
import { listEnterprises } from "@/lib/enterprises/list";
import { listParks, PARK_LEVEL_LABELS } from "@/lib/parks/list";
import { STAGE_LABELS, type ProjectFilters } from "@/lib/projects/filters";
import { listProjects } from "@/lib/projects/list";
import { enterpriseOutputTier, formatPeriodRange, OUTPUT_TIER_LABELS, planCompletionPercent, roundHalfUp, type Period } from "@/lib/stats";
import type { ExportTable } from "./table";

const label = (p: Period | null) => (p ? formatPeriodRange(p.year, p.month) : "—");

export async function enterprisesTable(townIds: number[], period: Period | null, f: EnterpriseFilters, scopeName: string): Promise<ExportTable> {
  const { rows } = await listEnterprises(townIds, period, f, { all: true });
  return {
    name: "企业名录",
    title: `${scopeName}企业名录`,
    unitNote: "金额单位：万元",
    periodLabel: label(period),
    columns: [
      { header: "企业名称", kind: "text", width: 34 },
      { header: "统一社会信用代码", kind: "text", width: 22 },
      { header: "乡镇", kind: "text", width: 12 },
      { header: "园区", kind: "text", width: 20 },
      { header: "行业", kind: "text", width: 26 },
      { header: "规上", kind: "text", width: 6 },
      { header: "工业总产值（万元）", kind: "money", width: 16 },
      { header: "销售收入（万元）", kind: "money", width: 16 },
      { header: "入库税金（万元）", kind: "money", width: 16 },
      { header: "产值档次", kind: "text", width: 18 },
    ],
    rows: rows.map((r) => {
      const tier = enterpriseOutputTier(r.output);
      return [r.name, r.creditCode, r.townName, r.parkName, industryLabel(r.industryCode.slice(0, 3)), r.aboveScale ? "是" : "否", r.output, r.sales, r.tax, tier ? OUTPUT_TIER_LABELS[tier] : null];
    }),
  };
}

export async function projectsTable(townIds: number[], period: Period | null, f: ProjectFilters, scopeName: string): Promise<ExportTable> {
  const { rows } = await listProjects(townIds, period, f, { all: true });
  return {
    name: "项目",
    title: `${scopeName}项目投资进度`,
    unitNote: "金额单位：万元；百分比单位：%",
    periodLabel: label(period),
    columns: [
      { header: "项目名称", kind: "text", width: 34 },
      { header: "乡镇", kind: "text", width: 12 },
      { header: "阶段", kind: "text", width: 8 },
      { header: "计划总投资（万元）", kind: "money", width: 16 },
      { header: "当年计划投资（万元）", kind: "money", width: 16 },
      { header: "当年累计完成投资（万元）", kind: "money", width: 18 },
      { header: "完成年度计划（%）", kind: "percent", digits: 1 },
    ],
    rows: rows.map((r) => [r.name, r.townName, STAGE_LABELS[r.stage], r.totalInvestment, r.yearPlan, r.completedYtd, roundHalfUp(planCompletionPercent(r.completedYtd, r.yearPlan), 1)?.toFixed(1) ?? null]),
  };
}

export async function parksTable(townIds: number[], period: Period | null, scopeName: string): Promise<ExportTable> {
  const rows = await listParks(townIds, period);
  return {
    name: "园区",
    title: `${scopeName}园区发展情况`,
    unitNote: "面积单位：亩；金额单位：万元；百分比单位：%",
    periodLabel: label(period),
    columns: [
      { header: "园区", kind: "text", width: 24 },
      { header: "级别", kind: "text", width: 14 },
      { header: "乡镇", kind: "text" },
      { header: "规划面积（亩）", kind: "decimal" },
      { header: "已开发面积（亩）", kind: "decimal" },
      { header: "基础设施投资（万元）", kind: "money", width: 16 },
      { header: "入园企业（家）", kind: "integer" },
      { header: "销售收入（万元）", kind: "money", width: 16 },
      { header: "利税（万元）", kind: "money" },
      { header: "企业产值占比（%）", kind: "percent", digits: 1 },
    ],
    rows: rows.map((r) => [r.name, PARK_LEVEL_LABELS[r.level], r.townName, r.plannedArea, r.developedArea, r.infrastructureInvestment, r.enterpriseCount, r.salesRevenue, r.profitTax, roundHalfUp(r.outputSharePercent, 1)?.toFixed(1) ?? null]),
  };
}

export async function attractionTable(townIds: number[], period: Period | null, f: AttractionFilters, scopeName: string): Promise<ExportTable> {
  const { rows } = await listAttraction(townIds, period, f, { all: true });
  return {
    name: "招商引资",
    title: `${scopeName}招商引资项目`,
    unitNote: "金额单位：万元（美元按签约当期汇率折算；原币为万美元）",
    periodLabel: label(period),
    columns: [
      { header: "项目", kind: "text", width: 34 },
      { header: "乡镇", kind: "text" },
      { header: "签约期", kind: "text", width: 10 },
      { header: "计划总投资（万元）", kind: "money", width: 16 },
      { header: "实际到账（万元）", kind: "money", width: 16 },
      { header: "币种", kind: "text", width: 8 },
      { header: "原币计划总投资", kind: "money", width: 14 },
      { header: "原币实际到账", kind: "money", width: 14 },
      { header: "汇率", kind: "decimal", digits: 4, width: 10 },
    ],
    rows: rows.map((r) => [r.name, r.townName, `${r.year}-${String(r.month).padStart(2, "0")}`, r.plannedCny, r.arrivedCny, r.currency === "USD" ? "美元" : "人民币", r.plannedAmount, r.arrivedAmount, r.currency === "USD" ? r.usdRate : null]),
  };
}
