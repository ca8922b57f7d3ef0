import { AUDIT_ACTION_LABELS } from "@/lib/audit";
import { formatAuditTime, type AuditRow } from "@/lib/audit/queries";
import { presentLoggedValue } from "@/lib/present/figure";
import { MISSING } from "@/lib/stats";

/** Audit entries as a table: who, when, what, field old → new, reason. */
type Props = {
  rows: (AuditRow & { regionId?: number | null })[];
  showPeriod?: boolean;
  caption?: string;
  /** Region names by id: adds a 地区 column (the audit page across a county's towns). */
  regionNames?: Record<number, string>;
};

export function AuditTable({ rows, showPeriod = false, caption, regionNames }: Props) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">暂无审计记录。</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="audit-table">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">时间</th>
            <th scope="col" className="px-3 py-2 font-medium">操作人</th>
            <th scope="col" className="px-3 py-2 font-medium">操作</th>
            {regionNames && <th scope="col" className="px-3 py-2 font-medium">地区</th>}
            {showPeriod && <th scope="col" className="px-3 py-2 font-medium">统计期</th>}
            <th scope="col" className="px-3 py-2 font-medium">字段</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">原值</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">新值</th>
            <th scope="col" className="px-3 py-2 font-medium">原因/意见</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-1.5 num text-slate-600">{formatAuditTime(r.at)}</td>
              <td className="px-3 py-1.5">{r.actor}</td>
              <td className="whitespace-nowrap px-3 py-1.5 font-medium">{AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
              {regionNames && <td className="whitespace-nowrap px-3 py-1.5">{r.regionId != null ? (regionNames[r.regionId] ?? MISSING) : MISSING}</td>}
              {showPeriod && <td className="whitespace-nowrap px-3 py-1.5 num">{r.year && r.month ? `${r.year}-${String(r.month).padStart(2, "0")}` : MISSING}</td>}
              <td className="px-3 py-1.5">{r.field ?? MISSING}</td>
              <td className="px-3 py-1.5 text-right num text-slate-500">{presentLoggedValue(r.oldValue)}</td>
              <td className="px-3 py-1.5 text-right num">{presentLoggedValue(r.newValue)}</td>
              <td className="px-3 py-1.5 text-slate-700">{r.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
