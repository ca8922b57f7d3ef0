import "server-only";
// The submission board: for one county and period, each town's report state, whether it came in
// by the county's deadline, counts and the on-time rate. Three queries (county, towns, reports),
// never one per town.
import { getPrisma } from "@/lib/db/client";
import type { Prisma, ReportStatus } from "@/lib/generated/prisma/client";
import { formatPeriodKey, roundHalfUp, type Period } from "@/lib/stats";

export type BoardState = "NOT_STARTED" | ReportStatus;
/** ON_TIME / LATE: submitted by / after the deadline; OVERDUE: not submitted and the deadline has passed. */
export type Timeliness = "ON_TIME" | "LATE" | "OVERDUE" | null;

export type BoardRow = {
  town: { code: string; name: string };
  state: BoardState;
  timeliness: Timeliness;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewerComment: string | null;
};

export type SubmissionBoard = {
  /** The region whose reports are listed: a county (its towns), or a city (its counties without town detail). */
  county: { code: string; name: string };
  /** What the rows are: 乡镇, or 县（市、区） on a city's board. */
  unitLabel: string;
  period: string;
  deadline: Date;
  deadlineDay: number;
  rows: BoardRow[];
  counts: Record<BoardState, number> & { total: number; submitted: number; onTime: number; late: number; overdue: number };
  /** 按时报送率 %: towns whose current submission came in on time / all towns; one decimal. */
  onTimeRate: number | null;
};

export const BOARD_STATE_LABELS: Record<BoardState, string> = { NOT_STARTED: "未开始", DRAFT: "草稿", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核" };
export const TIMELINESS_LABELS: Record<Exclude<Timeliness, null>, string> = { ON_TIME: "按时", LATE: "逾期报送", OVERDUE: "逾期未报" };

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A report of `period` is on time when submitted before the end of `deadlineDay` of the following
 * month, China time (a day past the month's end is clamped to its last day).
 */
export function submissionDeadline(period: Period, deadlineDay: number): Date {
  const nextYear = period.month === 12 ? period.year + 1 : period.year;
  const nextMonth = period.month === 12 ? 1 : period.month + 1; // 1-based
  const daysInNext = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const day = Math.min(Math.max(1, deadlineDay), daysInNext);
  return new Date(Date.UTC(nextYear, nextMonth - 1, day + 1) - CHINA_OFFSET_MS);
}

function timelinessOf(state: BoardState, submittedAt: Date | null, deadline: Date, now: Date): Timeliness {
  if (state === "SUBMITTED" || state === "APPROVED") {
    if (!submittedAt) return null;
    return submittedAt.getTime() < deadline.getTime() ? "ON_TIME" : "LATE";
  }
  return now.getTime() >= deadline.getTime() ? "OVERDUE" : null;
}

export async function getSubmissionBoard(countyId: number, period: Period, now = new Date()): Promise<SubmissionBoard | null> {
  const db = getPrisma();
  const county = await db.region.findUnique({ where: { id: countyId }, select: { code: true, name: true, level: true, reportDeadlineDay: true } });
  if (!county) return null;
  // A county's towns report to it; a city's counties without town detail report to the city (decision 016).
  const units: Prisma.RegionWhereInput = county.level === "CITY"
    ? { parentId: countyId, level: "COUNTY", children: { none: { level: "TOWN" } } }
    : { parentId: countyId, level: "TOWN" };
  const [towns, reports] = await Promise.all([
    db.region.findMany({ where: units, select: { id: true, code: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.townReport.findMany({
      where: { year: period.year, month: period.month, region: units },
      select: { regionId: true, status: true, submittedAt: true, reviewedAt: true, reviewerComment: true },
    }),
  ]);
  const deadline = submissionDeadline(period, county.reportDeadlineDay);
  const byTown = new Map(reports.map((r) => [r.regionId, r]));
  const rows: BoardRow[] = towns.map((t) => {
    const r = byTown.get(t.id);
    const state: BoardState = r?.status ?? "NOT_STARTED";
    const submittedAt = r?.submittedAt ?? null;
    return {
      town: { code: t.code, name: t.name },
      state,
      timeliness: timelinessOf(state, submittedAt, deadline, now),
      submittedAt,
      reviewedAt: r?.reviewedAt ?? null,
      reviewerComment: state === "RETURNED" ? (r?.reviewerComment ?? null) : null,
    };
  });
  const count = (f: (r: BoardRow) => boolean) => rows.filter(f).length;
  const counts = {
    total: rows.length,
    NOT_STARTED: count((r) => r.state === "NOT_STARTED"),
    DRAFT: count((r) => r.state === "DRAFT"),
    SUBMITTED: count((r) => r.state === "SUBMITTED"),
    RETURNED: count((r) => r.state === "RETURNED"),
    APPROVED: count((r) => r.state === "APPROVED"),
    submitted: count((r) => r.state === "SUBMITTED" || r.state === "APPROVED"),
    onTime: count((r) => r.timeliness === "ON_TIME"),
    late: count((r) => r.timeliness === "LATE"),
    overdue: count((r) => r.timeliness === "OVERDUE"),
  };
  const rate = counts.total === 0 ? null : roundHalfUp((counts.onTime * 100) / counts.total, 1);
  return {
    county: { code: county.code, name: county.name },
    unitLabel: county.level === "CITY" ? "县（市、区）" : "乡镇",
    period: formatPeriodKey(period),
    deadline,
    deadlineDay: county.reportDeadlineDay,
    rows,
    counts,
    onTimeRate: rate === null ? null : rate.toNumber(),
  };
}

export type BoardFilter = "all" | "late" | "missing";

/** 逾期: submitted late or still missing after the deadline; 未报: not (currently) submitted. */
export function filterBoard(rows: BoardRow[], filter: BoardFilter): BoardRow[] {
  if (filter === "late") return rows.filter((r) => r.timeliness === "LATE" || r.timeliness === "OVERDUE");
  if (filter === "missing") return rows.filter((r) => r.state !== "SUBMITTED" && r.state !== "APPROVED");
  return rows;
}
