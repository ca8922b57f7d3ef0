import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { zodMessage } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/session";
import { AUDIT_PAGE_LIMIT, auditPickerOptions, listScopedAudit, scopedAuditFilterSchema, type ScopedAuditFilter } from "@/lib/audit/queries";
import { auditScopeRoot, canViewAudit } from "@/lib/permissions";
import { listAuditRegions } from "@/lib/audit/scope";

export const metadata: Metadata = { title: "审计日志" };
export const dynamic = "force-dynamic";

type Search = { town?: string; period?: string; user?: string; action?: string; from?: string; to?: string; field?: string };

/** 审计日志: the latest entries in the user's reach, narrowed by town, period, person and action from pickers. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const root = await auditScopeRoot(user);
  if (!root) return <EmptyState title="没有可查看的审计日志" detail="您的账号没有对应的地区，请联系管理员。" />;
  const scope = await listAuditRegions(root);
  const town = params.town ? scope.towns.find((t) => t.code === params.town) : undefined;
  if (params.town && (!town || !(await canViewAudit(user, town.id)))) notFound();

  const parsed = scopedAuditFilterSchema.safeParse(params);
  const filter: ScopedAuditFilter = parsed.success ? parsed.data : { action: undefined, field: undefined, period: undefined, user: undefined };
  const regionIds = town ? [town.id] : scope.regionIds;
  const [rows, options] = await Promise.all([listScopedAudit(regionIds, filter), auditPickerOptions(scope.regionIds)]);
  const csvQuery = town && new URLSearchParams(Object.entries({ town: town.code, action: filter.action, from: filter.from, to: filter.to, field: filter.field }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const title = town ? town.name : root.name;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">{title} 审计日志</h1>
      <AuditFilters
        town={town?.code ?? null}
        towns={scope.towns}
        allTowns={root.level !== "TOWN"}
        periods={options.periods}
        users={options.users}
        filter={filter}
        csvHref={csvQuery ? `/api/v1/audit?${csvQuery.toString()}&format=csv` : null}
      />
      {!parsed.success && <p role="alert" className="text-sm text-red-700">筛选条件有误：{zodMessage(parsed.error)}</p>}
      <p className="text-sm text-slate-500">
        共 {rows.length} 条{rows.length === AUDIT_PAGE_LIMIT ? `（仅显示最近 ${AUDIT_PAGE_LIMIT} 条，请缩小筛选范围或导出 CSV）` : ""}，按时间倒序。
      </p>
      <AuditTable rows={rows} showPeriod regionNames={scope.names} caption={`${title}审计日志`} />
    </div>
  );
}
