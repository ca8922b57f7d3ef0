"use server";
// Server actions of the report page. Each is a public endpoint: parse with zod, check the named
// permission first, call the workflow service (which checks again inside its transaction and
// writes the audit entries), and answer { message, fieldErrors, conflict } in Chinese.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, ReportSnapshot } from "@/components/report/types";
import { ApiError, zodMessage } from "@/lib/api/errors";
import { periodKeySchema } from "@/lib/api/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { safeText } from "@/lib/input/text";
import { canEditReport, canReopenReport, canReviewReport, canViewReport, hasTownDetail } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { parsePeriod, type Period } from "@/lib/stats";
import { saveBody } from "./api";
import type { ReportContext } from "./context";
import { approveReport, reopenReport, returnReport, saveReport, STATUS_LABELS, submitReport } from "./service";

const target = z.object({
  town: z.string().regex(/^\d{12}$/, "乡镇代码无效"),
  period: periodKeySchema,
});
const saveInput = target.extend({ values: saveBody.shape.values, explanations: saveBody.shape.explanations, version: saveBody.shape.version });
const transitionInput = target.extend({ version: z.number().int().min(0) });
const returnInput = transitionInput.extend({ comment: safeText().trim().min(1, "请填写退回意见").max(500, "退回意见最多500字") });
const reopenInput = transitionInput.extend({ reason: safeText().trim().min(1, "请填写重新打开的原因").max(500, "原因最多500字") });

type Kind = "edit" | "review" | "reopen";
type Guarded = { user: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>; period: Period; reviewBy: "县局" | "市级" } | { denied: ActionResult };

const deny = (message: string): { denied: ActionResult } => ({ denied: { ok: false, message } });

/** The permission check every action runs before touching the service. */
async function guard(kind: Kind, townCode: string, periodKey: string): Promise<Guarded> {
  const user = await getCurrentUser();
  if (!user) return deny("未登录或登录已过期，请重新登录");
  const period = parsePeriod(periodKey)!;
  const town = await getRegionByCode(townCode);
  // A town's report, or a county's own (a county without town detail, decision 016); the can* functions choose by level.
  if (!town || (town.level !== "TOWN" && !(town.level === "COUNTY" && !(await hasTownDetail(town.id))))) return deny("乡镇不存在");
  if (!(await canViewReport(user, town.id))) return deny("没有权限访问该乡镇的月报");
  const report = await getPrisma().townReport.findUnique({
    where: { regionId_year_month: { regionId: town.id, year: period.year, month: period.month } },
    select: { status: true },
  });
  const status = report?.status ?? null;
  const allowed =
    kind === "edit" ? await canEditReport(user, town.id, status) : kind === "review" ? await canReviewReport(user, town.id, status) : await canReopenReport(user, town.id, status);
  if (allowed) return { user, period, reviewBy: town.level === "COUNTY" ? "市级" : "县局" };
  if (kind === "edit" && status === "APPROVED") return deny("该月报已审核通过并锁定，不能修改");
  if (kind === "edit" && status === "SUBMITTED") return deny("该月报已报送，等待审核期间不能修改");
  if (kind !== "edit" && (user.role === "REVIEWER" || user.role === "CITY_REVIEWER") && status) return deny(`当前状态为“${STATUS_LABELS[status]}”，不能执行该操作`);
  return deny("没有权限执行该操作");
}

function snapshotOf(ctx: ReportContext): ReportSnapshot {
  return {
    version: ctx.report.version,
    status: ctx.report.status,
    values: ctx.values,
    explanations: ctx.explanations,
    updatedBy: ctx.report.updatedBy,
    updatedAt: ctx.report.updatedAt?.toISOString() ?? null,
  };
}

type ConflictDetails = { version: number; status: ReportSnapshot["status"]; updatedBy: string | null; updatedAt: Date | string | null; values: Record<string, string>; explanations: Record<string, string> };

/** ApiError → what the form shows; anything else is logged and shown as a generic message. */
function failure(error: unknown, snapshot?: ReportSnapshot): ActionResult {
  if (error instanceof ApiError) {
    const details = (error.details ?? {}) as Record<string, unknown>;
    if (error.code === "conflict" && "values" in details) {
      const d = details as ConflictDetails;
      const updatedAt = d.updatedAt instanceof Date ? d.updatedAt.toISOString() : (d.updatedAt ?? null);
      return { ok: false, message: error.message, conflict: { version: d.version, status: d.status, updatedBy: d.updatedBy, updatedAt, values: d.values, explanations: d.explanations }, snapshot };
    }
    if (error.code === "unprocessable") return { ok: false, message: error.message, checks: details as never, snapshot };
    const fieldErrors = details.fieldErrors as Record<string, string> | undefined;
    return { ok: false, message: error.message, fieldErrors, snapshot };
  }
  console.error("report action failed", error);
  return { ok: false, message: "服务器处理失败，请稍后重试", snapshot };
}

function invalid(error: z.ZodError): ActionResult {
  return { ok: false, message: zodMessage(error) };
}

function refresh(town: string, period: string) {
  revalidatePath(`/reports/${town}/${period}`);
  revalidatePath("/review");
}

export async function saveReportAction(input: unknown): Promise<ActionResult> {
  const parsed = saveInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { town, period, ...body } = parsed.data;
  const g = await guard("edit", town, period);
  if ("denied" in g) return g.denied;
  try {
    const saved = await saveReport(g.user, town, g.period, body);
    refresh(town, period);
    return { ok: true, message: "草稿已保存", snapshot: snapshotOf(saved) };
  } catch (error) {
    return failure(error);
  }
}

/** 报送: saves what is on the form, then submits that version (the server re-runs every check). */
export async function submitReportAction(input: unknown): Promise<ActionResult> {
  const parsed = saveInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { town, period, ...body } = parsed.data;
  const g = await guard("edit", town, period);
  if ("denied" in g) return g.denied;
  let snapshot: ReportSnapshot | undefined;
  try {
    const saved = await saveReport(g.user, town, g.period, body);
    snapshot = snapshotOf(saved);
    const submitted = await submitReport(g.user, town, g.period, saved.report.version);
    refresh(town, period);
    return { ok: true, message: `已报送，等待${g.reviewBy}审核`, snapshot: snapshotOf(submitted) };
  } catch (error) {
    if (snapshot) refresh(town, period);
    return failure(error, snapshot);
  }
}

export async function approveReportAction(input: unknown): Promise<ActionResult> {
  const parsed = transitionInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { town, period, version } = parsed.data;
  const g = await guard("review", town, period);
  if ("denied" in g) return g.denied;
  try {
    const done = await approveReport(g.user, town, g.period, version);
    refresh(town, period);
    return { ok: true, message: "已审核通过，月报已锁定", snapshot: snapshotOf(done) };
  } catch (error) {
    return failure(error);
  }
}

export async function returnReportAction(input: unknown): Promise<ActionResult> {
  const parsed = returnInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { town, period, version, comment } = parsed.data;
  const g = await guard("review", town, period);
  if ("denied" in g) return g.denied;
  try {
    const done = await returnReport(g.user, town, g.period, comment, version);
    refresh(town, period);
    return { ok: true, message: "已退回乡镇修改", snapshot: snapshotOf(done) };
  } catch (error) {
    return failure(error);
  }
}

export async function reopenReportAction(input: unknown): Promise<ActionResult> {
  const parsed = reopenInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { town, period, version, reason } = parsed.data;
  const g = await guard("reopen", town, period);
  if ("denied" in g) return g.denied;
  try {
    const done = await reopenReport(g.user, town, g.period, reason, version);
    refresh(town, period);
    return { ok: true, message: "已重新打开，乡镇可修改后重新报送", snapshot: snapshotOf(done) };
  } catch (error) {
    return failure(error);
  }
}
