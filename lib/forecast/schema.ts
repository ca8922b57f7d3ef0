// GET /api/v1/forecast: the query it takes and the body it answers, in zod (validation, types and the
// OpenAPI document). The body is lib/forecast/assemble.ts's ForecastReport.
import { z } from "zod";
import { includeParam, indicatorParam, periodParam, regionParam } from "@/lib/api/schemas";
import { DEFAULT_RISK_THRESHOLD } from "@/lib/stats";

export const forecastQuery = z.object({
  region: regionParam,
  period: periodParam.optional(),
  indicator: indicatorParam.default("gross_output"),
  threshold: z.coerce
    .number({ error: "预警线 threshold 应为 0–100 之间的数（%）" })
    .min(0, "预警线 threshold 应为 0–100 之间的数（%）")
    .max(100, "预警线 threshold 应为 0–100 之间的数（%）")
    .default(DEFAULT_RISK_THRESHOLD)
    .meta({ description: `预警线（%）：预计完成年计划低于此值的下级地区列入预警名单，默认 ${DEFAULT_RISK_THRESHOLD}`, example: 95 }),
  include: includeParam,
});

const money = (description: string) => z.string().nullable().meta({ description: `${description}（十进制文本，最多6位小数；无值为 null）` });
const percent = (description: string) => z.number().nullable().meta({ description: `${description}（%，未舍入；无值为 null）` });

const paceSchema = z
  .object({
    source: z.enum(["own", "parent", "straight"]).meta({ description: "own：本地历年进度；parent：上级历年进度（本地完整年份不足2年）；straight：时序进度（上级也不足）" }),
    label: z.string().meta({ example: "本地历年进度" }),
    years: z.array(z.number().int()).meta({ description: "测算所用年份（最多最近5个可用年份）" }),
    percent: percent("历年同期进度：1–N月累计占全年的比重（各年中位数）"),
    lowPercent: percent("各年中最低的同期进度"),
    highPercent: percent("各年中最高的同期进度"),
    excluded: z.array(z.object({ year: z.number().int(), reason: z.string().meta({ example: "2023年：缺少月份数据" }) })).meta({ description: "未用于测算的往年及原因" }),
  })
  .nullable();

export const regionForecastSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
  ytd: money("1–N月累计"),
  plan: money("年计划"),
  pace: paceSchema,
  value: money("预计全年 = 1–N月累计 ÷ 历年同期进度"),
  low: money("预计全年区间下限（按各年中最高进度）"),
  high: money("预计全年区间上限（按各年中最低进度）"),
  completionPercent: percent("预计完成年计划"),
  completionLowPercent: percent("预计完成年计划区间下限"),
  completionHighPercent: percent("预计完成年计划区间上限"),
  shortfall: money("年计划 − 预计全年：正数为预计缺口，负数为预计超出"),
  monthlyNeed: money("完成年计划后N个月月均需完成（已完成为 0）"),
  remainingMonths: z.number().int().meta({ description: "本年剩余月数（12 − N）" }),
  status: z.enum(["at_risk", "watch", "ahead", "none"]).meta({ description: "at_risk：低于预警线；watch：低于100%但不低于预警线；ahead：预计完成100%及以上；none：无完成比例" }),
  reason: z.string().nullable().meta({ description: "为何没有预计值或完成比例（中文），例如“历史数据不足（无完整的往年数据，如新设乡镇）”" }),
});

export const forecastSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.enum(["CITY", "COUNTY", "TOWN"]) }),
  period: z.string().meta({ example: "2024-07" }),
  indicator: z.object({ code: z.string(), name: z.string(), unit: z.string(), kind: z.enum(["FLOW", "STOCK"]), precision: z.number().int(), percentPrecision: z.number().int() }),
  threshold: z.number(),
  timeProgressPercent: z.number().meta({ description: "时序进度（N ÷ 12 × 100），供对照" }),
  total: regionForecastSchema,
  children: z.array(regionForecastSchema),
  atRisk: z.array(regionForecastSchema).meta({ description: "低于预警线的下级地区，预计完成比例从低到高" }),
  ahead: z.array(regionForecastSchema).meta({ description: "预计完成年计划100%及以上的下级地区，从高到低" }),
});
