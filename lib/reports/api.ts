import "server-only";
// JSON shapes and input schemas of the report API (/api/v1/reports/…).
import { z } from "zod";
import { readJsonBody } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { parsePeriod, type Period } from "@/lib/stats";
import type { ReportContext } from "./context";

export const saveBody = z.object({
  values: z.record(z.string(), z.union([z.string().max(40), z.number(), z.null()]), { error: "values 应为 { 指标代码: 数值 } 对象" }),
  explanations: z.record(z.string(), z.union([z.string().max(500, "说明最多500字"), z.null()])).optional(),
  version: z.number({ error: "缺少 version（当前版本号；新报表为 0）" }).int().min(0),
});

export const transitionBody = z.object({ version: z.number().int().min(0).optional() });
export const commentBody = transitionBody.extend({ comment: z.string({ error: "请填写退回意见" }).trim().min(1, "请填写退回意见").max(500, "退回意见最多500字") });
export const reasonBody = transitionBody.extend({ reason: z.string({ error: "请填写重新打开的原因" }).trim().min(1, "请填写重新打开的原因").max(500, "原因最多500字") });

export function periodFromPath(raw: string): Period {
  const p = parsePeriod(raw);
  if (!p) throw new ApiError("bad_request", "统计期应为 YYYY-MM 格式，例如 2024-07");
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
