// Request and response shapes of /api/v1, in zod: validation, TypeScript types and the
// OpenAPI document all come from here.
import { z } from "zod";
import { PERIOD_FORMAT_MESSAGE, PERIOD_RANGE_MESSAGE, periodKeyProblem } from "@/lib/stats";

export const periodParam = z
  .string({ error: "缺少统计期参数（YYYY-MM）" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, PERIOD_FORMAT_MESSAGE)
  .refine((key) => periodKeyProblem(key) !== PERIOD_RANGE_MESSAGE, PERIOD_RANGE_MESSAGE)
  .meta({ description: "统计期（1–N月累计），YYYY-MM", example: "2024-07" });

/** A YYYY-MM key in a form or a body, refused with the reason (format, or before 2000). */
export const periodKeySchema = z.string().superRefine((key, ctx) => {
  const problem = periodKeyProblem(key);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const regionParam = z
  .string({ error: "缺少地区参数 region（12位统计用区划代码）" })
  .regex(/^\d{12}$/, "地区代码应为12位统计用区划代码，例如 321281000000")
  .meta({ description: "12位统计用区划代码", example: "321281000000" });

export const indicatorParam = z
  .string({ error: "缺少指标参数 indicator" })
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "指标代码无效，请用 /api/v1/indicators 查询可用指标")
  .meta({ description: "指标代码", example: "gross_output" });

/** Dashboards count approved reports only; `include=submitted` counts submitted (unreviewed) ones as well. */
export const includeParam = z
  .enum(["submitted"], { error: "include 只能是 submitted（含已报送未审核数据）" })
  .optional()
  .meta({ description: "省略时仅统计已审核数据；submitted：含已报送未审核数据", example: "submitted" });

export const overviewQuery = z.object({ region: regionParam, period: periodParam.optional(), include: includeParam });

export const seriesQuery = z
  .object({ region: regionParam, indicator: indicatorParam, from: periodParam, to: periodParam, include: includeParam })
  .refine((q) => q.from <= q.to, { message: "起始统计期不能晚于结束统计期", path: ["from"] })
  .refine((q) => monthsBetween(q.from, q.to) <= 120, { message: "一次最多查询120个月", path: ["to"] });

export const rankingsQuery = z.object({
  region: regionParam,
  period: periodParam.optional(),
  include: includeParam,
  indicator: indicatorParam,
  by: z.enum(["total", "growth"], { error: "by 只能是 total（总量）或 growth（增幅）" }).default("total"),
});

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

const decimalString = z.string().nullable().meta({ description: "精确十进制数（字符串），无值为 null" });
const percent = z.number().nullable().meta({ description: "未舍入的百分数，无值为 null" });

export const regionSchema = z.object({ code: z.string(), name: z.string(), level: z.enum(["CITY", "COUNTY", "TOWN"]), parentCode: z.string().nullable() });
export const indicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(["FLOW", "STOCK"]),
  precision: z.number().int(),
  percentPrecision: z.number().int(),
  priceBasis: z.enum(["CURRENT", "COMPARABLE"]),
});

export const cellSchema = z.object({
  value: decimalString,
  base: decimalString.meta({ description: "上年同期（同口径时为本年规上企业的上年同期合计）" }),
  baseKind: z.enum(["comparable", "reported"]).nullable(),
  yoyPercent: percent,
  lossChange: z.enum(["扭亏为盈", "减亏", "增亏", "持平"]).nullable(),
  increase: decimalString,
  plan: decimalString,
  planCompletionPercent: percent,
  scheduleGapPoints: percent.meta({ description: "超(+)/落后(−)时序进度，百分点" }),
  sharePercent: percent,
  rank: z.number().int().nullable(),
  growthRank: z.number().int().nullable(),
  rankChange: z.number().int().nullable().meta({ description: "较上月排名变化，正数为上升" }),
  growthRankChange: z.number().int().nullable(),
  contributionPercent: percent,
  pullPoints: percent,
});

export const overviewSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.enum(["CITY", "COUNTY", "TOWN"]) }),
  period: z.string(),
  timeProgressPercent: percent,
  indicators: z.array(indicatorSchema),
  totals: z.record(z.string(), cellSchema),
  growthExcluded: z.record(z.string(), z.array(z.string())).meta({ description: "各指标合计同比不含的下级地区（上年同期无数据，如新设园区）；合计本期数仍含其数" }),
  children: z.array(z.object({ region: z.object({ code: z.string(), name: z.string() }), values: z.record(z.string(), cellSchema) })),
});

export const seriesPointSchema = z.object({
  period: z.string(),
  value: decimalString,
  lastYear: decimalString,
  yoyPercent: percent,
  monthly: decimalString.meta({ description: "当月值（本月累计 − 上月累计），存量指标为 null" }),
  lastYearMonthly: decimalString,
});
export const seriesSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  indicator: indicatorSchema,
  points: z.array(seriesPointSchema),
});

export const rankingSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  indicator: indicatorSchema,
  by: z.enum(["total", "growth"]),
  items: z.array(
    z.object({
      rank: z.number().int().nullable(),
      rankChange: z.number().int().nullable(),
      region: z.object({ code: z.string(), name: z.string() }),
      value: decimalString,
      yoyPercent: percent,
      lossChange: z.enum(["扭亏为盈", "减亏", "增亏", "持平"]).nullable(),
    }),
  ),
});

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
