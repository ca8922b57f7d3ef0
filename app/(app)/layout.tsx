import { AppHeader } from "@/components/shell/app-header";
import { SkipLinks } from "@/components/shell/skip-links";
import { ReturnedNotices } from "@/components/shell/returned-notice";
import { requireUser } from "@/lib/auth/session";
import { readScopeRoot } from "@/lib/permissions";
import { defaultPeriod } from "@/lib/reports/default-period";
import { countPendingReviews, listReturnedReports } from "@/lib/reports/inbox";
import { listReportedPeriods } from "@/lib/reports/periods";
import { formatPeriodKey, formatPeriodRange } from "@/lib/stats";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const scope = await readScopeRoot(user);
  const periods = scope ? await listReportedPeriods(scope.id) : [];
  // The picker shows what the pages show when no period is asked for (their default, not the newest).
  const shown = scope ? await defaultPeriod(scope.id) : null;
  // Per request, from the database: a reviewer's 待审核 count in the nav, a reporter's returned reports.
  const [pending, returned] = await Promise.all([countPendingReviews(user), listReturnedReports(user)]);
  return (
    <>
      <SkipLinks />
      <AppHeader
        user={user}
        scopeName={scope?.name ?? "未分配地区"}
        periods={periods.map((p) => ({ key: formatPeriodKey(p), label: formatPeriodRange(p.year, p.month) }))}
        defaultPeriod={shown && formatPeriodKey(shown)}
        pendingReviews={pending}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {returned.length > 0 && (
          <div className="mb-4">
            <ReturnedNotices notices={returned} />
          </div>
        )}
        {children}
      </main>
    </>
  );
}
