// Request and response shapes of /api/v1, in zod: validation, TypeScript types and the
// OpenAPI document all come from here.
import { z } from "zod";
import { CAUSE_RULES, LOGICAL_RULES, VERIFICATION_RULES } from "@/lib/checks/types";
import { IMPORT_KINDS } from "@/lib/import/types";
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
  peers: z
    .object({
      city: z.object({ code: z.string(), name: z.string() }),
      countyCount: z.number().int().meta({ description: "该市县（市、区）个数" }),
      partial: z
        .object({ reported: z.number().int(), of: z.number().int() })
        .nullable()
        .meta({ description: "本县尚有乡镇未计入（未报送或未审核）时：已计入数/乡镇数；此时本县合计不完整，位次仅供参考（页面和通报不显示位次）" }),
      indicators: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          ranked: z.number().int().meta({ description: "本期有数据、参与总量排名的县（市、区）个数" }),
          rankedByGrowth: z.number().int().meta({ description: "参与增幅排名（有同比）的县（市、区）个数" }),
          cell: cellSchema.meta({ description: "本县在全市中的数据：rank/growthRank 为全市位次，sharePercent 为占全市比重" }),
        }),
      ),
    })
    .nullable()
    .optional()
    .meta({ description: "全市位次（仅县级地区且属于某市时）：本县主要指标在所属市各县（市、区）中的总量、增幅位次，较上月变化，占全市比重；无数据时 rank 为 null" }),
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

// —— Errors (lib/api/errors.ts answers with these codes) ——

/** Every `error.code` an /api/v1 answer can carry; lib/api/errors.ts maps each (but `unavailable`) to its status. */
export const errorCodeSchema = z
  .enum(["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large", "unsupported_media_type", "unprocessable", "internal", "unavailable"])
  .meta({ description: "错误代码：bad_request 400 · unauthorized 401 · forbidden 403 · not_found 404 · conflict 409 · payload_too_large 413 · unsupported_media_type 415 · unprocessable 422 · internal 500 · unavailable 503" });

export const errorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string().meta({ description: "中文错误说明，可直接展示给用户" }),
    details: z.unknown().optional().meta({ description: "附加信息（部分错误才有，见各接口的说明）" }),
  }),
});

/** An error whose `details` has a known shape. */
export const errorWith = (code: z.infer<typeof errorCodeSchema>, details?: z.ZodType) =>
  z.object({ error: z.object({ code: z.literal(code), message: z.string(), ...(details ? { details } : {}) }) });

// —— Town reports (/api/v1/reports/{town}/{period}) ——

const dateTime = z.string().meta({ format: "date-time" });
const figures = (description: string) => z.record(z.string(), z.string()).meta({ description });
const codeName = z.object({ code: z.string(), name: z.string() });

export const REPORT_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES).meta({ description: "DRAFT 草稿 · SUBMITTED 已报送 · RETURNED 已退回 · APPROVED 已审核（锁定）" });

export const checkIssueSchema = z.object({
  indicator: z.string().meta({ description: "出错（需填说明）的指标代码" }),
  rule: z.enum([...LOGICAL_RULES, ...VERIFICATION_RULES, ...CAUSE_RULES]).meta({ description: "审核规则代码（unit_slip 疑似单位错误：取代由它引起的其他提示）" }),
  message: z.string(),
  related: z.string().optional().meta({ description: "跨指标规则读到的另一指标代码" }),
  fix: z.object({ value: z.string(), label: z.string() }).optional().meta({ description: "一键更正建议：value 为更正后的数值（指标单位），label 为按钮文字" }),
});
export const checkResultSchema = z.object({
  errors: z.array(checkIssueSchema).meta({ description: "逻辑性审核错误：修正后才能报送" }),
  warnings: z.array(checkIssueSchema).meta({ description: "核实性审核提示：填写说明后才能报送" }),
});

export const reportSchema = z.object({
  town: codeName.meta({ description: "乡镇；写操作的回应中 name 为空字符串" }),
  period: z.string().meta({ description: "统计期 YYYY-MM" }),
  status: reportStatusSchema.nullable().meta({ description: "报表状态；尚未建立为 null" }),
  version: z.number().int().meta({ description: "版本号：写操作须带上读到的版本，不一致时 409" }),
  reviewerComment: z.string().nullable(),
  submittedAt: dateTime.nullable(),
  reviewedAt: dateTime.nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: dateTime.nullable(),
  values: figures("本期1–N月累计 { 指标代码: 精确十进制数 }"),
  explanations: figures("说明 { 指标代码: 文本 }"),
  previousYtd: figures("上月累计"),
  lastYear: figures("上年同期"),
  plans: figures("年度计划"),
});
export const reportViewSchema = reportSchema.extend({ checks: checkResultSchema });

/** 409 on a stale version: what the winner saved. A wrong status for the action carries `{ status }` only. */
export const reportConflictDetails = z.union([
  z.object({
    version: z.number().int().meta({ description: "当前版本号（重新提交时使用）" }),
    status: reportStatusSchema.nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: dateTime.nullable(),
    values: figures("对方已保存的数值"),
    explanations: figures("对方已保存的说明"),
  }),
  z.object({ status: reportStatusSchema }),
]);
export const checksFailedDetails = checkResultSchema.extend({
  missingExplanations: z.array(checkIssueSchema).meta({ description: "缺少说明的核实性提示" }),
  missingRequired: z
    .array(z.object({ code: z.string(), name: z.string() }))
    .meta({ description: "县局要求的必填指标中尚未填写的（按表内顺序）；全部未填时报送同样被拒绝" }),
});
export const fieldErrorsDetails = z.object({
  fieldErrors: z.record(z.string(), z.string()).meta({ description: "{ 指标代码: 错误说明 }，最多列出50项" }),
  fieldErrorCount: z.number().int(),
});

// —— Submissions board (/api/v1/submissions) ——

export const submissionsQuery = z.object({ region: regionParam.meta({ description: "县（市、区）的12位统计用区划代码；市的代码列出其无乡镇明细、向市报送的县（市、区）", example: "321281000000" }), period: periodParam });

const boardState = z.enum(["NOT_STARTED", ...REPORT_STATUSES]).meta({ description: "NOT_STARTED 未开始 · DRAFT 草稿 · SUBMITTED 已报送 · RETURNED 已退回 · APPROVED 已审核" });
const count = z.number().int();
export const submissionBoardSchema = z.object({
  county: codeName,
  period: z.string(),
  deadline: dateTime.meta({ description: "报送截止时间" }),
  deadlineDay: z.number().int().meta({ description: "截止日（次月第几日）" }),
  counts: z.object({ NOT_STARTED: count, DRAFT: count, SUBMITTED: count, RETURNED: count, APPROVED: count, total: count, submitted: count, onTime: count, late: count, overdue: count }),
  onTimeRate: z.number().nullable().meta({ description: "按时报送率 %（一位小数），无乡镇时为 null" }),
  towns: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      state: boardState,
      timeliness: z.enum(["ON_TIME", "LATE", "OVERDUE"]).nullable().meta({ description: "ON_TIME 按时 · LATE 逾期报送 · OVERDUE 逾期未报" }),
      submittedAt: dateTime.nullable(),
      reviewedAt: dateTime.nullable(),
      reviewerComment: z.string().nullable(),
    }),
  ),
});

// —— Audit (/api/v1/audit) ——

export const auditTrailSchema = z.object({
  town: codeName,
  entries: z.array(
    z.object({
      id: z.string(),
      at: dateTime,
      actor: z.string(),
      action: z.string().meta({ description: "操作类型，如 save、submit、approve、return、reopen、import" }),
      entity: z.string(),
      year: z.number().int().nullable(),
      month: z.number().int().nullable(),
      field: z.string().nullable(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

// —— Import (/api/v1/import/…) ——

const importProblem = z.object({
  sheet: z.string(),
  row: z.number().int().nullable().meta({ description: "Excel 中的行号（从1起）" }),
  column: z.string().nullable().meta({ description: "列标题" }),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});
const importAction = z.object({
  op: z.enum(["create", "update", "unchanged"]),
  label: z.string(),
  src: z.object({ sheet: z.string(), row: z.number().int() }),
  changes: z.array(z.object({ field: z.string(), old: z.string().nullable(), new: z.string().nullable() })),
});
const importResult = z.object({
  created: count,
  updated: count,
  unchanged: count,
  auditEntries: count,
  seconds: z.number(),
  timings: z.record(z.string(), z.number()).optional(),
});
const importSummary = {
  kind: z.enum(IMPORT_KINDS).meta({ description: "town_values 乡镇月报数据 · enterprises 企业名录 · enterprise_values 企业月度数据 · projects 项目 · plans 年度计划" }),
  period: z.object({ year: z.number().int(), month: z.number().int() }).nullable(),
  scopeRegionId: z.number().int(),
  counts: z.object({ create: count, update: count, unchanged: count, errors: count, warnings: count }),
  problems: z.array(importProblem).meta({ description: "文件中的问题（先错误后提示，最多1000条）" }),
  actions: z.array(importAction).meta({ description: "将执行的操作样例（最多200条，先新增与更新）" }),
  sheets: z
    .array(
      z.object({
        name: z.string(),
        status: z.enum(["data", "skipped", "refused"]).meta({ description: "data 已读取 · skipped 已跳过 · refused 无法读取" }),
        reason: z.string().optional(),
        period: z.string().nullable().optional().meta({ description: "统计期 YYYY-MM；各行自带统计期或未找到时为 null" }),
        periodFrom: z.string().nullable().optional().meta({ description: "统计期的来源（标题、工作表名、表中列等）" }),
        headerRows: z.string().optional().meta({ description: "标题行，如“第3–4行”" }),
        rows: count.optional(),
        totals: count.optional().meta({ description: "合计行数（只核对，不导入）" }),
        unit: z.string().nullable().optional(),
        columns: z.array(z.object({ header: z.string(), target: z.string(), role: z.string(), imported: z.boolean(), unit: z.string() })).optional(),
        question: z.object({ kind: z.enum(["period", "unit"]), message: z.string() }).optional().meta({ description: "需要上传者回答的问题（统计期或金额单位）" }),
      }),
    )
    .optional()
    .meta({ description: "各工作表读取情况（统计期、标题行、行数、各列单位）" }),
  previouslyCommitted: z.object({ jobId: z.number().int(), at: dateTime }).nullable().optional().meta({ description: "同一文件曾经导入过时给出" }),
  history: z
    .object({
      approved: z.array(z.object({ key: z.string(), label: z.string() })).meta({ description: "文件会修改的已审核月份（未选择重新打开时为错误）" }),
      reopen: z.object({ reason: z.string() }).nullable().meta({ description: "已选择“重新打开并覆盖”时的原因" }),
    })
    .optional()
    .meta({ description: "作为已审核历史数据导入（history=1）时给出" }),
  result: importResult.optional(),
  error: z.string().optional(),
  committable: z.boolean().meta({ description: "无错误、可以提交导入" }),
};
export const importStatusSchema = z.enum(["PREVIEWED", "RUNNING", "COMMITTED", "FAILED"]);
export const importPreviewSchema = z.object({
  timings: z.record(z.string(), z.number()),
  jobId: z.number().int(),
  status: z.literal("PREVIEWED"),
  fileName: z.string(),
  rowsTotal: count,
  rowsDone: count,
  ...importSummary,
});
export const importJobSchema = z.object({
  jobId: z.number().int(),
  fileName: z.string(),
  status: importStatusSchema,
  rowsTotal: count,
  rowsDone: count.meta({ description: "已写入行数（进度）" }),
  createdAt: dateTime,
  finishedAt: dateTime.nullable(),
  ...importSummary,
});
export const importCommitSchema = importResult.extend({ jobId: z.number().int(), status: z.literal("COMMITTED") });
