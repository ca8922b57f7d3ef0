import "server-only";
// JSON shapes and input schemas of the report API (/api/v1/reports/…).
import { z } from "zod";
import { readJsonBody } from "@/lib/api/body";
import { periodParam, regionParam } from "@/lib/api/schemas";
import { ApiError } from "@/lib/api/errors";
import { safeText } from "@/lib/input/text";
import { parsePeriod, PERIOD_FORMAT_MESSAGE, periodKeyProblem, type Period } from "@/lib/stats";
import type { ReportContext } from "./context";

/** { 指标代码: "1.2亿" | 1234.5 | null }: typed text or a JSON number, parsed per indicator by lib/input. */
export const figureValues = z.record(
  z.string(),
  z.union([z.string().max(40, "最多40个字"), z.number({ error: "应为有限的数字" }), z.null()], { error: "应为数字或文本，如 1234.5 或 \"1.2亿\"" }),
  { error: "values 应为 { 指标代码: 数值 } 对象" },
);

const VERSION_MESSAGE = "version 必须是非负整数（JSON 数字；新报表为 0）";
const version = z
  .number({ error: (issue) => (issue.input === undefined ? "缺少 version（当前版本号；新报表为 0）" : VERSION_MESSAGE) })
  .int(VERSION_MESSAGE)
  .min(0, VERSION_MESSAGE);

export const saveBody = z.object({
  values: figureValues,
  explanations: z.record(z.string(), z.union([safeText().max(500, "说明最多500字"), z.null()])).optional(),
  version,
});

/** POST /api/v1/checks: figures to check against the town's stored context, nothing saved. */
export const checksBody = z.object({ region: regionParam, period: periodParam, values: figureValues });

export const transitionBody = z.object({ version: version.optional() });
export const commentBody = transitionBody.extend({ comment: safeText({ error: "请填写退回意见" }).trim().min(1, "请填写退回意见").max(500, "退回意见最多500字") });
export const reasonBody = transitionBody.extend({ reason: safeText({ error: "请填写重新打开的原因" }).trim().min(1, "请填写重新打开的原因").max(500, "原因最多500字") });

export function periodFromPath(raw: string): Period {
  const p = parsePeriod(raw);
  if (!p) throw new ApiError("bad_request", periodKeyProblem(raw) ?? PERIOD_FORMAT_MESSAGE);
  return p;
}

/** The JSON body, capped (lib/api/body): 415 if not JSON, 413 if too large, before anything is parsed. */
export function readJson(request: Request, opts?: { optional?: boolean }): Promise<unknown> {
  return readJsonBody(request, opts);
}

export function reportJson(town: { code: string; name: string }, period: Period, ctx: ReportContext) {
  return {
    town: { code: town.code, name: town.name },
    period: `${period.year}-${String(period.month).padStart(2, "0")}`,
    status: ctx.report.status,
    version: ctx.report.version,
    reviewerComment: ctx.report.reviewerComment,
    submittedAt: ctx.report.submittedAt,
    reviewedAt: ctx.report.reviewedAt,
    updatedBy: ctx.report.updatedBy,
    updatedAt: ctx.report.updatedAt,
    values: ctx.values,
    explanations: ctx.explanations,
    previousYtd: ctx.previousYtd,
    lastYear: ctx.lastYear,
    plans: ctx.plans,
  };
}
