import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ParkDetail } from "@/components/lists/park-detail";
import { requireUser } from "@/lib/auth/session";
import { overviewCrumbs } from "@/lib/dashboard/crumbs";
import { SCOPE_WORD } from "@/lib/regions/words";
import { choosePeriod } from "@/lib/dashboard/period";
import { readScope, townIdsOf } from "@/lib/dashboard/scope";
import { enterpriseFilterSchema } from "@/lib/enterprises/filters";
import { listEnterprises } from "@/lib/enterprises/list";
import { getPark, listParks } from "@/lib/parks/list";
import { canEditRegistry, canReadFirms } from "@/lib/permissions";
import { formatPeriodKey } from "@/lib/stats";

export const metadata: Metadata = { title: "园区详情" };

export default async function ParkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  const [{ id }, { period: key }] = await Promise.all([params, searchParams]);
  const scope = await readScope(user);
  const ids = townIdsOf(scope);
  const p = /^\d{1,9}$/.test(id) && scope ? await getPark(Number(id), ids) : null;
  if (!p || !scope) notFound();
  const { period, latest } = await choosePeriod(scope.root.id, key);
  const at = period ?? latest;
  // The park's totals are county figures; its enterprises' figures only for those who may read the town's firms.
  const firms = await canReadFirms(user, p.townId);
  const [rows, list, canEdit] = await Promise.all([
    listParks(ids, at),
    firms ? listEnterprises(ids, at, { ...enterpriseFilterSchema.parse({}), park: p.id }) : null,
    canEditRegistry(user, p.townId),
  ]);
  const row = rows.find((r) => r.id === p.id) ?? null;
  const above = await overviewCrumbs(user, { id: p.townId }, at ? { period: formatPeriodKey(at) } : {});
  return <ParkDetail p={p} row={row} enterprises={list?.rows ?? null} total={list?.total ?? 0} periodKey={at ? formatPeriodKey(at) : ""} canEdit={canEdit} above={above} scopeWord={SCOPE_WORD[scope.root.level]} />;
}
