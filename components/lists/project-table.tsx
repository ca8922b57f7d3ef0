import Link from "next/link";
import { STAGE_LABELS } from "@/lib/projects/filters";
import type { ProjectListRow } from "@/lib/projects/list";
import { formatPercent, formatWan, MISSING, planCompletionPercent, PROJECT_BUCKET_LABELS, projectBucket } from "@/lib/stats";

export function ProjectTable({ rows, periodKey, showTown = true }: { rows: ProjectListRow[]; periodKey?: string; showTown?: boolean }) {
  const th = "px-2 py-2 font-medium";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="project-table">
        <caption className="sr-only">项目（金额单位：万元）</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${th} text-left`}>项目名称</th>
            {showTown && <th scope="col" className={`${th} text-left`}>乡镇</th>}
            <th scope="col" className={`${th} text-left`}>阶段</th>
            <th scope="col" className={`${th} text-right`}>计划总投资（万元）</th>
            <th scope="col" className={`${th} text-left`}>投资规模</th>
            <th scope="col" className={`${th} text-right`}>当年计划投资（万元）</th>
            <th scope="col" className={`${th} text-right`}>当年累计完成（万元）</th>
            <th scope="col" className={`${th} text-right`}>完成年度计划</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const bucket = projectBucket(r.totalInvestment);
            const done = planCompletionPercent(r.completedYtd, r.yearPlan);
            return (
              <tr key={r.id} className="border-t border-slate-100 hover:bg-slate-50">
                <td className="px-2 py-1.5">
                  <Link href={`/projects/${r.id}${periodKey ? `?period=${periodKey}` : ""}`} className="text-brand-700 hover:underline">{r.name}</Link>
                  {r.parkName && <div className="text-xs text-slate-600">{r.parkName}</div>}
                </td>
                {showTown && <td className="px-2 py-1.5 whitespace-nowrap">{r.townName}</td>}
                <td className="px-2 py-1.5 whitespace-nowrap">{STAGE_LABELS[r.stage]}</td>
                <td className="px-2 py-1.5 text-right num">{formatWan(r.totalInvestment)}</td>
                <td className="px-2 py-1.5 text-xs whitespace-nowrap">{bucket ? PROJECT_BUCKET_LABELS[bucket] : MISSING}</td>
                <td className="px-2 py-1.5 text-right num">{formatWan(r.yearPlan)}</td>
                <td className="px-2 py-1.5 text-right num">{formatWan(r.completedYtd)}</td>
                <td className="px-2 py-1.5 text-right num">{formatPercent(done)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
