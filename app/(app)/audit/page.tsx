import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { zodMessage } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/session";
import { AUDIT_PAGE_LIMIT, auditFilterSchema, listTownAudit, type AuditFilter } from "@/lib/audit/queries";
import { canViewAudit } from "@/lib/permissions";
import { getRegionByCode, listChildRegions } from "@/lib/regions";

export const metadata: Metadata = { title: "审计日志" };
export const dynamic = "force-dynamic";

type Search = { town?: string; action?: string; from?: string; to?: string; field?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const code = params.town ?? (user.role === "REPORTER" ? user.region?.code : undefined);
  if (!code) return <EmptyState title="请选择乡镇" detail="审计日志按乡镇查看：请从报送情况页面进入，或在地址中加上 ?town=乡镇代码。" />;
  const town = /^\d{12}$/.test(code) ? await getRegionByCode(code) : null;
  if (!town || town.level !== "TOWN") notFound();
  if (!(await canViewAudit(user, town.id))) notFound();

  const parsed = auditFilterSchema.safeParse(params);
  const filter: AuditFilter = parsed.success ? parsed.data : { action: undefined, field: undefined };
  const siblings = user.role === "REPORTER" || !town.parentId ? [town] : await listChildRegions(town.parentId);
  const query = new URLSearchParams(Object.entries({ town: town.code, ...filter }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const rows = await listTownAudit(town.id, filter);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">{town.name} 审计日志</h1>
      <AuditFilters town={town.code} towns={siblings.filter((t) => t.level === "TOWN")} filter={filter} csvHref={`/api/v1/audit?${query.toString()}&format=csv`} />
      {!parsed.success && <p role="alert" className="text-sm text-red-700">筛选条件有误：{zodMessage(parsed.error)}</p>}
      <p className="text-sm text-slate-500">
        共 {rows.length} 条{rows.length === AUDIT_PAGE_LIMIT ? `（仅显示最近 ${AUDIT_PAGE_LIMIT} 条，请缩小筛选范围或导出 CSV）` : ""}，按时间倒序。
      </p>
      <AuditTable rows={rows} showPeriod caption={`${town.name}审计日志`} />
    </div>
  );
}
