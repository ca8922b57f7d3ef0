import "server-only";
// The monthly report workflow: save a draft, submit, approve, return, reopen. Each is one
// transaction with its audit entries; permission is checked against the report's fresh status
// inside it; a stale version is a conflict, never an overwrite.
import { ApiError, forbidden, listIssues, MAX_LISTED_ISSUES, notFound, shortName } from "@/lib/api/errors";
import { recordAudit, type AuditEntry, type Tx } from "@/lib/audit";
import { missingExplanations, requiredGap, runChecks, type CheckResult, type RequiredGap } from "@/lib/checks";
import { getPrisma } from "@/lib/db/client";
import { isWriteConflict } from "@/lib/db/errors";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { parseFigure } from "@/lib/input";
import { canEditReport, canReopenReport, canReviewReport, canViewReport, hasTownDetail, type Caller } from "@/lib/permissions";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { formatPeriodRange, toDecimal, type Period } from "@/lib/stats";
import { entryRefusalFor } from "./entry-period";
import { checkInputOf, loadIndicators, loadReportContext, type ReportContext } from "./context";

export type SaveInput = { values: Record<string, string | number | null>; explanations?: Record<string, string | null>; version: number };

export class ConflictError extends ApiError {
  constructor(current: ReportContext) {
    const who = current.report.updatedBy ? `${current.report.updatedBy}已先行保存` : "报表已被他人修改";
    super("conflict", `${who}（版本 ${current.report.version}），您的修改未保存。请核对最新数据后重新填写。`, {
      version: current.report.version,
      status: current.report.status,
      updatedBy: current.report.updatedBy,
      updatedAt: current.report.updatedAt,
      values: current.values,
      explanations: current.explanations,
    });
  }
}

export class ChecksFailedError extends ApiError {
  constructor(message: string, checks: CheckResult & { missingExplanations: CheckResult["warnings"]; missingRequired: RequiredGap["missing"] }) {
    super("unprocessable", message, checks);
  }
}

/**
 * The region a report belongs to: a town, or a county without town detail (its own county-level
 * report, docs/decisions/016; a county with towns has none — its figures are its towns').
 */
async function townFor(code: string): Promise<RegionRef> {
  const region = await getRegionByCode(code);
  if (region?.level === "TOWN") return region;
  if (region?.level === "COUNTY" && !(await hasTownDetail(region.id))) return region;
  throw notFound(`乡镇 ${code} `);
}

/** The report with everything the form needs; 404 outside the caller's reach is a 403. */
export async function getReport(user: Caller, townCode: string, period: Period) {
  const town = await townFor(townCode);
  if (!(await canViewReport(user, town.id))) throw forbidden();
  const ctx = await loadReportContext(getPrisma(), town.id, period.year, period.month);
  return { town, period, ...ctx, checks: runChecks(checkInputOf(ctx, period.month)) };
}

async function assertReportable(town: RegionRef, period: Period, tx: Tx) {
  const countyId = town.level === "COUNTY" ? town.id : town.parentId;
  if (period.month !== 1 || !countyId) return;
  const county = await tx.region.findUnique({ where: { id: countyId }, select: { reportsJanuary: true } });
  if (county && !county.reportsJanuary) throw new ApiError("bad_request", "本县1月不单独报送，请在2月填报1–2月累计数");
}

/** Parses typed figures ("1.2亿", "1,234.5") per indicator; all field errors at once. */
export function parseValues(indicators: Awaited<ReturnType<typeof loadIndicators>>, input: SaveInput["values"]) {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const parsed: Record<string, string | null> = {};
  const fieldErrors: Record<string, string> = {};
  for (const [code, raw] of Object.entries(input)) {
    const ind = byCode.get(code);
    if (!ind) {
      fieldErrors[shortName(code)] = `未知指标 ${shortName(code)}`;
      continue;
    }
    if (raw === null || raw === "") {
      parsed[code] = null;
      continue;
    }
    const r = parseFigure(String(raw), { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
    if (r.ok) parsed[code] = r.value;
    else fieldErrors[code] = `${ind.name}：${r.message}`;
  }
  const wrong = Object.keys(fieldErrors);
  if (wrong.length > 0) {
    // A hostile body can name thousands of fields: list a bounded number, count them all.
    const listed = Object.fromEntries(wrong.slice(0, MAX_LISTED_ISSUES).map((code) => [code, fieldErrors[code]]));
    throw new ApiError("bad_request", `有 ${wrong.length} 项填写有误：${listIssues(Object.values(fieldErrors))}`, { fieldErrors: listed, fieldErrorCount: wrong.length });
  }
  return parsed;
}

/** "12000" and "12000.0000" are the same figure: compare as decimals, not strings. */
function same(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x !== null && y !== null && x.eq(y);
}

/** The report's status now, read outside any transaction (permission checks query the database). */
async function currentStatus(townId: number, period: Period): Promise<ReportStatus | null> {
  const r = await getPrisma().townReport.findUnique({ where: { regionId_year_month: { regionId: townId, year: period.year, month: period.month } }, select: { status: true } });
  return r?.status ?? null;
}

export async function saveReport(user: Caller, townCode: string, period: Period, input: SaveInput) {
  const town = await townFor(townCode);
  const db = getPrisma();
  // Permission first, outside the transaction: PGlite has one connection, and a permission query
  // inside the transaction would wait for it. Inside, a changed status means someone acted meanwhile.
  const status = await currentStatus(town.id, period);
  if (!(await canEditReport(user, town.id, status))) {
    if (status === "APPROVED") throw new ApiError("forbidden", "该月报已审核通过并锁定，不能修改");
    if (status === "SUBMITTED") throw new ApiError("forbidden", "该月报已报送，等待审核期间不能修改");
    throw forbidden();
  }
  const notOpen = await entryRefusalFor(town.id, period);
  if (notOpen) throw new ApiError("bad_request", notOpen);
  // Parse every figure before the transaction opens: a bad (or hostile) body holds no connection.
  const values = parseValues(await loadIndicators(db), input.values);
  return conflictOnRace(town.id, period, () => db.$transaction(async (tx) => {
    await assertReportable(town, period, tx);
    const ctx = await loadReportContext(tx, town.id, period.year, period.month);
    if (ctx.report.status !== status || input.version !== ctx.report.version) throw new ConflictError(ctx);
    const byCode = new Map(ctx.indicators.map((i) => [i.code, i]));

    let reportId = ctx.report.id;
    const audit: AuditEntry[] = [];
    const where = { regionId: town.id, year: period.year, month: period.month };
    if (reportId === null) {
      const created = await tx.townReport.create({ data: { ...where, status: "DRAFT", version: 1, updatedById: user.id }, select: { id: true } });
      reportId = created.id;
      audit.push({ action: "create", entity: "TownReport", entityId: reportId, ...where, regionId: town.id });
    } else {
      const bumped = await tx.townReport.updateMany({
        where: { id: reportId, version: input.version },
        data: { version: { increment: 1 }, updatedById: user.id, status: ctx.report.status === "RETURNED" ? "RETURNED" : "DRAFT" },
      });
      if (bumped.count === 0) throw new ConflictError(await loadReportContext(tx, town.id, period.year, period.month));
    }

    for (const [code, value] of Object.entries(values)) {
      const ind = byCode.get(code)!;
      const old = ctx.values[code] ?? null;
      if (same(old, value)) continue;
      if (value === null) {
        await tx.reportValue.deleteMany({ where: { reportId, indicatorId: ind.id } });
      } else {
        await tx.reportValue.upsert({
          where: { reportId_indicatorId: { reportId, indicatorId: ind.id } },
          create: { reportId, indicatorId: ind.id, ...where, value },
          update: { value },
        });
      }
      audit.push({ action: "update", entity: "TownReport", entityId: reportId, ...where, field: ind.name, oldValue: old, newValue: value });
    }
    for (const [code, raw] of Object.entries(input.explanations ?? {})) {
      const ind = byCode.get(code);
      if (!ind) continue;
      const text = raw?.trim() ? raw.trim().slice(0, 500) : null;
      if ((ctx.explanations[code] ?? null) === text) continue;
      const n = await tx.reportValue.updateMany({ where: { reportId, indicatorId: ind.id }, data: { explanation: text } });
      if (n.count > 0) audit.push({ action: "update", entity: "TownReport", entityId: reportId, ...where, field: `${ind.name}（说明）`, oldValue: ctx.explanations[code] ?? null, newValue: text });
    }
    await recordAudit(tx, user, audit);
    return loadReportContext(tx, town.id, period.year, period.month);
  }, REPORT_TX));
}

/**
 * At the month-end rush many saves queue for the pool's connections and for the report's row: they
 * wait (Prisma's defaults, 2 s for a connection and 5 s in all, would turn the queue into errors).
 */
const REPORT_TX = { maxWait: 15_000, timeout: 30_000 };

/**
 * A concurrent writer won the race inside the database: two first saves both creating the report
 * (unique violation), or a serialization failure or deadlock. Nothing of this transaction was
 * written; answer like any stale version, with what the other side saved.
 */
async function conflictOnRace<T>(townId: number, period: Period, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isWriteConflict(error)) throw error;
    throw new ConflictError(await loadReportContext(getPrisma(), townId, period.year, period.month));
  }
}

type Transition = { from: ReportStatus[]; to: ReportStatus; action: string; needsText?: "comment" | "reason" };

async function transition(user: Caller, townCode: string, period: Period, version: number | undefined, t: Transition, text: string | undefined, allowed: (status: ReportStatus | null, townId: number) => Promise<boolean>, before?: (ctx: ReportContext) => void) {
  const town = await townFor(townCode);
  const status = await currentStatus(town.id, period);
  if (status === null) throw notFound(`${town.name}${formatPeriodRange(period.year, period.month)}月报 `);
  if (!(await allowed(status, town.id))) {
    // Right role, wrong moment (e.g. approving a draft): say so; otherwise plainly forbidden.
    if (!t.from.includes(status) && (await allowed(t.from[0], town.id))) {
      throw new ApiError("conflict", `当前状态为“${STATUS_LABELS[status]}”，不能${ACTION_LABELS[t.action]}`, { status });
    }
    throw forbidden();
  }
  return conflictOnRace(town.id, period, () => getPrisma().$transaction(async (tx) => {
    const ctx = await loadReportContext(tx, town.id, period.year, period.month);
    const reportId = ctx.report.id;
    if (reportId === null || ctx.report.status !== status || (version !== undefined && version !== ctx.report.version)) throw new ConflictError(ctx);
    before?.(ctx);
    const now = new Date();
    const data =
      t.action === "submit"
        ? { submittedAt: now, submittedById: user.id }
        : t.action === "reopen"
          ? { reviewerComment: text ?? null, reviewedAt: now, reviewerId: user.id }
          : { reviewedAt: now, reviewerId: user.id, reviewerComment: t.action === "return" ? text ?? null : null };
    const n = await tx.townReport.updateMany({ where: { id: reportId, version: ctx.report.version }, data: { ...data, status: t.to, version: { increment: 1 }, updatedById: user.id } });
    if (n.count === 0) throw new ConflictError(await loadReportContext(tx, town.id, period.year, period.month));
    await recordAudit(tx, user, [
      { action: t.action, entity: "TownReport", entityId: reportId, regionId: town.id, year: period.year, month: period.month, field: "状态", oldValue: STATUS_LABELS[ctx.report.status!], newValue: STATUS_LABELS[t.to], reason: text ?? null },
    ]);
    return loadReportContext(tx, town.id, period.year, period.month);
  }, REPORT_TX));
}

export function submitReport(user: Caller, townCode: string, period: Period, version?: number) {
  return transition(user, townCode, period, version, { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", action: "submit" }, undefined, (s, id) => canEditReport(user, id, s), (ctx) => {
    // The same checks as the browser ran, on the stored figures: never trust the client.
    const checks = runChecks(checkInputOf(ctx, period.month));
    const missing = missingExplanations(checks.warnings, ctx.explanations);
    // The county's 必填指标 first: an empty or half-empty report is not a report, whatever else it says.
    const gap = requiredGap(ctx.indicators, ctx.values, ctx.required);
    const details = { ...checks, missingExplanations: missing, missingRequired: gap.missing };
    if (gap.missing.length > 0) throw new ChecksFailedError(`尚未填写必填指标：${gap.missing.map((m) => m.name).join("、")}，填写后才能报送`, details);
    if (gap.empty) throw new ChecksFailedError("月报尚未填写任何指标，不能报送", details);
    if (checks.errors.length > 0) throw new ChecksFailedError(`有 ${checks.errors.length} 项逻辑性审核错误，修正后才能报送`, details);
    if (missing.length > 0) throw new ChecksFailedError(`有 ${missing.length} 项核实性审核提示需要填写说明后才能报送`, details);
  });
}

export function approveReport(user: Caller, townCode: string, period: Period, version?: number) {
  return transition(user, townCode, period, version, { from: ["SUBMITTED"], to: "APPROVED", action: "approve" }, undefined, (s, id) => canReviewReport(user, id, s));
}

export function returnReport(user: Caller, townCode: string, period: Period, comment: string, version?: number) {
  return transition(user, townCode, period, version, { from: ["SUBMITTED"], to: "RETURNED", action: "return" }, comment, (s, id) => canReviewReport(user, id, s));
}

export function reopenReport(user: Caller, townCode: string, period: Period, reason: string, version?: number) {
  return transition(user, townCode, period, version, { from: ["APPROVED"], to: "RETURNED", action: "reopen" }, reason, (s, id) => canReopenReport(user, id, s));
}

export const STATUS_LABELS: Record<ReportStatus, string> = { DRAFT: "草稿", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核" };
const ACTION_LABELS: Record<string, string> = { submit: "报送", approve: "审核通过", return: "退回", reopen: "重新打开" };
