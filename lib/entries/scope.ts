import "server-only";
// Who may enter a town's enterprise, park and project figures for a period, and when they are
// locked. Permission is asked before any transaction (PGlite has one connection: a permission query
// inside a transaction would wait for it); inside the transaction the town report's row is read
// FOR SHARE, so a submit or an approval cannot slip in between the check and the writes. The
// figures are locked while the report is submitted or approved (lib/permissions: isPeriodOpen).
import { ApiError, forbidden, notFound } from "@/lib/api/errors";
import type { Tx } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { canEditTownEntries, canViewReport, isPeriodOpen, type Caller } from "@/lib/permissions";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { entryRefusalFor } from "@/lib/reports/entry-period";
import type { Period } from "@/lib/stats";

export const LOCKED_MESSAGE = "本期月报已审核通过并锁定，企业、园区和项目数据不能再修改";
export const SUBMITTED_MESSAGE = "本期月报已报送、等待审核，企业、园区和项目数据不能再修改；如需修改，请联系县局退回月报";

const lockedMessage = (status: ReportStatus | null) => (status === "APPROVED" ? LOCKED_MESSAGE : SUBMITTED_MESSAGE);

export async function entryTown(code: string): Promise<RegionRef> {
  const town = /^\d{12}$/.test(code) ? await getRegionByCode(code) : null;
  if (!town || town.level !== "TOWN") throw notFound(`乡镇 ${code} `);
  return town;
}

export async function reportStatusOf(townId: number, period: Period): Promise<ReportStatus | null> {
  const r = await getPrisma().townReport.findUnique({
    where: { regionId_year_month: { regionId: townId, year: period.year, month: period.month } },
    select: { status: true },
  });
  return r?.status ?? null;
}

/** Read access to the grids: the same people who may read the town's report. */
export async function assertCanView(user: Caller, town: RegionRef): Promise<void> {
  if (!(await canViewReport(user, town.id))) throw forbidden();
}

/** Before a save: the named permission (role, town, the period's state), then the calendar. */
export async function assertCanEdit(user: Caller, town: RegionRef, period: Period): Promise<void> {
  if (!(await canEditTownEntries(user, town.id, null))) throw new ApiError("forbidden", "没有权限填报该乡镇的企业、园区和项目数据");
  const status = await reportStatusOf(town.id, period);
  if (!(await canEditTownEntries(user, town.id, status))) throw new ApiError("forbidden", lockedMessage(status));
  const notOpen = await entryRefusalFor(town.id, period);
  if (notOpen) throw new ApiError("bad_request", notOpen);
}

/** Inside the save's transaction: holds the report row until commit and refuses if it is submitted or approved. */
export async function holdUnlocked(tx: Tx, townId: number, period: Period): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "TownReport"
    WHERE "regionId" = ${townId} AND year = ${period.year} AND month = ${period.month}
    FOR SHARE`;
  const status = (rows[0]?.status ?? null) as ReportStatus | null;
  if (!isPeriodOpen(status)) throw new ApiError("forbidden", lockedMessage(status));
}

/** Who last saved any of these rows for the period, for the conflict message. */
export async function lastWriter(tx: Tx, entity: string, ids: number[], townId: number, period: Period): Promise<{ updatedBy: string | null; updatedAt: string | null }> {
  const a = await tx.auditLog.findFirst({
    where: { entity, entityId: { in: ids.map(String) }, regionId: townId, year: period.year, month: period.month },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actor: true, at: true },
  });
  return { updatedBy: a?.actor ?? null, updatedAt: a?.at.toISOString() ?? null };
}

export class EntryConflictError extends ApiError {
  constructor(details: { rows: { id: number; token: string; values: Record<string, string> }[]; updatedBy: string | null; updatedAt: string | null }, what: string) {
    const who = details.updatedBy ? `${details.updatedBy}已先行保存了其中 ${details.rows.length} ${what}` : `其中 ${details.rows.length} ${what}已被他人修改`;
    super("conflict", `${who}，您的修改均未保存。请核对最新数据后重新保存。`, details);
  }
}

/** All field errors at once, nothing written. */
export function fieldErrorsFailure(fieldErrors: Record<string, string>): ApiError {
  const n = Object.keys(fieldErrors).length;
  const sample = Object.values(fieldErrors).slice(0, 3).join("；");
  return new ApiError("bad_request", `有 ${n} 项填写有误，均未保存：${sample}${n > 3 ? "……" : ""}`, { fieldErrors });
}

export function rowErrorsFailure(rowErrors: Record<string, string[]>, what: string): ApiError {
  const n = Object.keys(rowErrors).length;
  const sample = Object.values(rowErrors).flat().slice(0, 2).join("；");
  return new ApiError("unprocessable", `有 ${n} ${what}存在逻辑性审核错误，均未保存：${sample}${Object.values(rowErrors).flat().length > 2 ? "……" : ""}`, { rowErrors });
}

export function assertDistinct(ids: number[]): void {
  if (new Set(ids).size !== ids.length) throw new ApiError("bad_request", "同一行提交了多次，请刷新页面后重试");
}
