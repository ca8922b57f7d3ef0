import Link from "next/link";
import { AUDIT_ACTION_LABELS } from "@/lib/audit";
import type { ScopedAuditFilter } from "@/lib/audit/queries";
import { formatPeriodRange, parsePeriod } from "@/lib/stats";

type Props = {
  /** The chosen town's code, or null for every town in scope. */
  town: string | null;
  towns: { code: string; name: string }[];
  /** Offer 全部乡镇 (staff); a reporter has one town. */
  allTowns: boolean;
  periods: string[];
  users: { id: number; label: string }[];
  filter: ScopedAuditFilter;
  /** CSV export of one town's trail (the export API is per town); null when no town is chosen. */
  csvHref: string | null;
};

const field = "rounded border border-slate-300 bg-white px-2 py-1";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and exported. */
export function AuditFilters({ town, towns, allTowns, periods, users, filter, csvHref }: Props) {
  const periodList = filter.period && !periods.includes(filter.period) ? [filter.period, ...periods] : periods;
  return (
    <form method="get" action="/audit" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label="筛选审计日志">
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">乡镇</span>
        <select name="town" defaultValue={town ?? ""} className={field}>
          {allTowns && <option value="">全部乡镇</option>}
          {towns.map((t) => (
            <option key={t.code} value={t.code}>{t.name}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">统计期</span>
        <select name="period" defaultValue={filter.period ?? ""} className={field}>
          <option value="">全部</option>
          {periodList.map((key) => {
            const p = parsePeriod(key);
            return <option key={key} value={key}>{p ? formatPeriodRange(p.year, p.month) : key}</option>;
          })}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">操作人</span>
        <select name="user" defaultValue={filter.user === undefined ? "" : String(filter.user)} className={field}>
          <option value="">全部</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>{u.label}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">操作</span>
        <select name="action" defaultValue={filter.action ?? ""} className={field}>
          <option value="">全部</option>
          {Object.entries(AUDIT_ACTION_LABELS).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">起始日期</span>
        <input type="text" name="from" inputMode="numeric" placeholder="如 2026-01-01" pattern="\d{4}-\d{2}-\d{2}" title="日期格式 YYYY-MM-DD" defaultValue={filter.from ?? ""} className={`${field} w-32`} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">截止日期</span>
        <input type="text" name="to" inputMode="numeric" placeholder="如 2026-12-31" pattern="\d{4}-\d{2}-\d{2}" title="日期格式 YYYY-MM-DD" defaultValue={filter.to ?? ""} className={`${field} w-32`} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">字段</span>
        <input type="text" name="field" defaultValue={filter.field ?? ""} placeholder="如 工业总产值" className={`${field} w-32`} />
      </label>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-600">筛选</button>
      <Link href="/audit" className="px-1 py-1.5 text-slate-600 underline">清除</Link>
      {csvHref ? (
        <a href={csvHref} className="rounded border border-brand-600 px-4 py-1.5 text-brand-700 hover:bg-brand-50">导出 CSV</a>
      ) : (
        <span className="py-1.5 text-xs text-slate-500">选择乡镇后可导出 CSV</span>
      )}
    </form>
  );
}
