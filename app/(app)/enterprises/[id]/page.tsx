import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnterpriseDetail } from "@/components/lists/enterprise-detail";
import { requireUser } from "@/lib/auth/session";
import { overviewCrumbs } from "@/lib/dashboard/crumbs";
import { choosePeriod } from "@/lib/dashboard/period";
import { firmScope, townIdsOf } from "@/lib/dashboard/scope";
import { getEnterprise, getEnterpriseMonthly } from "@/lib/enterprises/detail";
import { canEditRegistry } from "@/lib/permissions";
import { formatPeriodKey } from "@/lib/stats";

export const metadata: Metadata = { title: "企业详情" };

export default async function EnterprisePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  const [{ id }, { period: key }] = await Promise.all([params, searchParams]);
  // Another town's enterprise is not found for a reporter (lib/permissions: firms.read).
  const scope = await firmScope(user);
  const e = /^\d{1,9}$/.test(id) && scope ? await getEnterprise(Number(id), townIdsOf(scope)) : null;
  if (!e || !scope) notFound();
  const { period, latest } = await choosePeriod(scope.root.id, key);
  const p = period ?? latest ?? { year: new Date().getFullYear(), month: 12 };
  const [monthly, canEdit] = await Promise.all([getEnterpriseMonthly(e.id, p.year, p.month), canEditRegistry(user, e.townId)]);
  const above = await overviewCrumbs(user, { id: e.townId }, { period: formatPeriodKey(p) });
  return <EnterpriseDetail e={e} year={p.year} months={monthly.months} trend={monthly.trend} periodKey={formatPeriodKey(p)} canEdit={canEdit} above={above} />;
}
