import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnterpriseList } from "@/components/lists/enterprise-list";
import { requireUser } from "@/lib/auth/session";
import { choosePeriod } from "@/lib/dashboard/period";
import { firmScope, townIdsOf } from "@/lib/dashboard/scope";
import { enterpriseFilterSchema } from "@/lib/enterprises/filters";
import { enterpriseFacets, listEnterprises } from "@/lib/enterprises/list";
import { canEditRegistry } from "@/lib/permissions";

export const metadata: Metadata = { title: "企业名录" };

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser();
  const filters = enterpriseFilterSchema.parse(await searchParams);
  // A reporter lists their own town's enterprises; staff the county's (lib/permissions: firms.read).
  const scope = await firmScope(user);
  if (!scope) notFound();
  const ids = townIdsOf(scope);
  const { period } = await choosePeriod(scope.root.id, filters.period);
  const [list, facets, canEdit] = await Promise.all([listEnterprises(ids, period, filters), enterpriseFacets(ids), canEditRegistry(user, scope.root.id)]);
  return <EnterpriseList filters={filters} period={period} list={list} facets={facets} towns={scope.towns} canEdit={canEdit} />;
}
