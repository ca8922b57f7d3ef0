import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PendingInbox } from "@/components/review/pending-inbox";
import { SubmissionBoardView } from "@/components/review/submission-board";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { countParkFindings } from "@/lib/parks/cross-check";
import { canReviewReport, canViewAudit, canViewSubmissions, readScopeRoot } from "@/lib/permissions";
import { filterBoard, getSubmissionBoard, type BoardFilter } from "@/lib/reports/board";
import { defaultPeriod } from "@/lib/reports/default-period";
import { INBOX_LIMIT, listPendingReviews } from "@/lib/reports/inbox";
import { formatPeriodKey, invalidPeriodText, parsePeriod, previousPeriod, type Period } from "@/lib/stats";

export const metadata: Metadata = { title: "报送审核" };
export const dynamic = "force-dynamic";

type Search = { period?: string; filter?: string };

function currentMonth(): Period {
  const china = new Date(Date.now() + 8 * 3600 * 1000);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1 };
}

/** The picker's choices: this month and the 23 before it, plus the one shown if older. */
function periodChoices(shown: Period): string[] {
  const keys: string[] = [];
  for (let p = currentMonth(), i = 0; i < 24; i++, p = previousPeriod(p)) keys.push(formatPeriodKey(p));
  const key = formatPeriodKey(shown);
  return keys.includes(key) ? keys : [...keys, key];
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const county = await readScopeRoot(user);
  if (!county || county.level !== "COUNTY") notFound();
  if (!(await canViewSubmissions(user, county.id))) notFound();
  // Without ?period: the period the overview and the header's picker show, so the pages agree; the
  // 待审核 list above the board shows new submissions of every period anyway.
  const period = params.period ? parsePeriod(params.period) : ((await defaultPeriod(county.id)) ?? previousPeriod(currentMonth()));
  if (!period) return <EmptyState title="统计期不正确" detail={invalidPeriodText(params.period ?? "")} />;
  const board = await getSubmissionBoard(county.id, period);
  if (!board) notFound();
  const filter: BoardFilter = params.filter === "late" || params.filter === "missing" ? params.filter : "all";
  // Audit is per town; staff who may read one town's log may read all of their county's.
  const canAudit = board.rows.length > 0 && (await canViewAudit(user, county.id));
  // A leader reads the board but does not review: their link to a submitted report says 查看.
  const canReview = await canReviewReport(user, county.id, "SUBMITTED");
  const [pending, parkNotes] = await Promise.all([listPendingReviews(user), countParkFindings(county.id, period)]);
  return (
    <SubmissionBoardView
      board={board}
      rows={filterBoard(board.rows, filter)}
      filter={filter}
      canAudit={canAudit}
      canReview={canReview}
      periods={periodChoices(period)}
      inbox={pending && <PendingInbox rows={pending} limit={INBOX_LIMIT} />}
      parkNotes={parkNotes}
    />
  );
}
