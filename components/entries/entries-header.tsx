import { formatPeriodRange } from "@/lib/stats";
import type { EntryGridBase } from "@/lib/entries/types";
import { EntriesNav, type EntryTab } from "./entries-nav";

type Props = { view: EntryGridBase; active: Exclude<EntryTab, "report">; title: string; hint: string; editable: boolean; canEditRole: boolean; notOpen: string | null };

/** Title, the tabs, and why the grid is read-only when it is (submitted or approved, or not the user's to edit). */
export function EntriesHeader({ view, active, title, hint, editable, canEditRole, notOpen }: Props) {
  const submitted = view.reportStatus === "SUBMITTED";
  const locked = view.reportStatus === "APPROVED" || submitted;
  const future = notOpen !== null;
  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">
          {view.town.name} {formatPeriodRange(view.period.year, view.period.month)} {title}
        </h1>
        <p className="mt-1 text-sm text-slate-500">{hint}</p>
      </div>
      <EntriesNav town={view.town.code} period={view.period.key} active={active} />
      {submitted && (
        <p role="note" data-testid="entries-locked" className="rounded-lg border border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-900">
          <strong>已报送待审核</strong>：本期月报已报送，本页数据暂不能修改。如需修改，请联系县局退回月报。
        </p>
      )}
      {locked && !submitted && (
        <p role="note" data-testid="entries-locked" className="rounded-lg border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
          <strong>已审核锁定</strong>：本期月报已审核通过，本页数据不能再修改。如需更正，请联系县局重新打开月报。
        </p>
      )}
      {!locked && future && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {notOpen}；本页只能查看。
        </p>
      )}
      {!locked && !future && !editable && !canEditRole && (
        <p role="note" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-700">只读：您可以查看本页数据，但没有修改权限。</p>
      )}
    </div>
  );
}
