import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PendingInbox } from "@/components/review/pending-inbox";
import { SubmissionBoardView } from "@/components/review/submission-board";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { countParkFindings } from "@/lib/parks/cross-check";
import Link from "next/link";
import { canViewAudit, canViewSubmissions, readScopeRoot, reviewScopeRoot } from "@/lib/permissions";
import { getRegionByCode, isWithin, listChildRegions } from "@/lib/regions";
import { filterBoard, getSubmissionBoard, type BoardFilter } from "@/lib/reports/board";
import { defaultPeriod } from "@/lib/reports/default-period";
import { INBOX_LIMIT, listPendingReviews } from "@/lib/reports/inbox";
import { formatPeriodKey, invalidPeriodText, parsePeriod, previousPeriod, type Period } from "@/lib/stats";

export const metadata: Metadata = { title: "报送审核" };
export const dynamic = "force-dynamic";

type Search = { period?: string; filter?: string; region?: string };

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
  // A county's board (its towns), or a city's (its counties without town detail, which report to the
  // city); a city user opens a county's board with ?region=, as a county user sees it.
  const root = await readScopeRoot(user);
  const county = params.region ? await getRegionByCode(params.region) : root;
  if (!county || county.level === "TOWN") notFound();
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
  // A leader reads the board but does not review: their link to a submitted report says 查看. A
  // county's reviewer reviews its towns' reports, the city's its counties' own ones.
  const reviewRoot = await reviewScopeRoot(user);
  const canReview = !!reviewRoot && reviewRoot.reviews === (county.level === "CITY" ? "COUNTY" : "TOWN") && (await isWithin(county.id, reviewRoot.id));
  const [pending, parkNotes, counties] = await Promise.all([
    listPendingReviews(user),
    countParkFindings(county.id, period),
    county.level === "CITY" ? listChildRegions(county.id) : [],
  ]);
  const withTowns = counties.length > 0 ? await countiesWithTowns(counties.map((c) => c.id)) : new Set<number>();
  const key = formatPeriodKey(period);
  return (
    <>
      {county.level === "CITY" && (
        <nav aria-label="各县（市、区）报送情况" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">乡镇报送情况：</span>
          {counties.filter((c) => withTowns.has(c.id)).map((c) => (
            <Link key={c.code} href={`/review?${new URLSearchParams({ region: c.code, period: key })}`} className="rounded border border-slate-300 bg-white px-3 py-1 text-brand-700 hover:border-brand-600">{c.name}</Link>
          ))}
        </nav>
      )}
      {county.id !== root?.id && county.level === "COUNTY" && root && (
        <p className="mb-2 text-sm"><Link href={`/review?period=${key}`} className="text-brand-700 underline">返回{root.name}报送情况</Link></p>
      )}
    <SubmissionBoardView
      region={county.id === root?.id ? undefined : county.code}
      board={board}
      rows={filterBoard(board.rows, filter)}
      filter={filter}
      canAudit={canAudit}
      canReview={canReview}
      periods={periodChoices(period)}
      inbox={pending && <PendingInbox rows={pending} limit={INBOX_LIMIT} />}
      parkNotes={parkNotes}
    />
    </>
  );
}

/** Of these counties, the ones with town detail (their towns report to them, not to the city). */
async function countiesWithTowns(ids: number[]): Promise<Set<number>> {
  const rows = await getPrisma().region.findMany({ where: { level: "TOWN", parentId: { in: ids } }, select: { parentId: true }, distinct: ["parentId"] });
  return new Set(rows.map((r) => r.parentId!));
}
