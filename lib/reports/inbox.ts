import "server-only";
// The reviewer's 待审核 inbox: every submitted report in their reach, whatever the period, oldest
// submission first; and the count the navigation shows. Read per request from the database (no
// cache in the process: another instance may have just taken a submission).
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canViewReport, reviewScopeRoot } from "@/lib/permissions";
import { formatPeriodKey } from "@/lib/stats";

export type PendingReview = {
  town: { code: string; name: string };
  period: string;
  submittedAt: Date | null;
  submittedBy: string | null;
};

/**
 * Reports waiting for review in the reviewer's reach: a county reviewer's towns' reports, a city
 * reviewer's counties' own (county-level) reports — never a town's.
 */
function pendingWhere(root: { id: number; reviews: "TOWN" | "COUNTY" }): Prisma.TownReportWhereInput {
  if (root.reviews === "COUNTY") return { status: "SUBMITTED", region: { level: "COUNTY", parentId: root.id } };
  return { status: "SUBMITTED", region: { level: "TOWN", parentId: root.id } };
}

/** How many reports wait for this user's review; null for roles that do not review. */
export async function countPendingReviews(user: CurrentUser): Promise<number | null> {
  const root = await reviewScopeRoot(user);
  if (!root) return null;
  return getPrisma().townReport.count({ where: pendingWhere(root) });
}

export const INBOX_LIMIT = 200;

/** The inbox rows, oldest submission first (the one waiting longest is reviewed first). */
export async function listPendingReviews(user: CurrentUser, limit = INBOX_LIMIT): Promise<PendingReview[] | null> {
  const root = await reviewScopeRoot(user);
  if (!root) return null;
  const db = getPrisma();
  const rows = await db.townReport.findMany({
    where: pendingWhere(root),
    select: { year: true, month: true, submittedAt: true, submittedById: true, region: { select: { code: true, name: true } } },
    orderBy: [{ submittedAt: "asc" }, { year: "asc" }, { month: "asc" }, { id: "asc" }],
    take: limit,
  });
  const ids = [...new Set(rows.map((r) => r.submittedById).filter((id): id is number => id !== null))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    town: r.region,
    period: formatPeriodKey({ year: r.year, month: r.month }),
    submittedAt: r.submittedAt,
    submittedBy: r.submittedById === null ? null : (names.get(r.submittedById) ?? null),
  }));
}

export type ReturnedNotice = { town: { code: string; name: string }; period: string; comment: string | null; reviewedAt: Date | null };

/** A reporter's town reports the county returned, newest first: the notice they see on arrival. */
export async function listReturnedReports(user: CurrentUser): Promise<ReturnedNotice[]> {
  if (user.role !== "REPORTER" || !user.region || user.region.level !== "TOWN") return [];
  if (!(await canViewReport(user, user.region.id))) return [];
  const rows = await getPrisma().townReport.findMany({
    where: { regionId: user.region.id, status: "RETURNED" },
    select: { year: true, month: true, reviewerComment: true, reviewedAt: true, region: { select: { code: true, name: true } } },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    take: 12,
  });
  return rows.map((r) => ({ town: r.region, period: formatPeriodKey({ year: r.year, month: r.month }), comment: r.reviewerComment, reviewedAt: r.reviewedAt }));
}
