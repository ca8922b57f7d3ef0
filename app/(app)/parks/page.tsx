import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/lists/export-links";
import { ParkTable } from "@/components/lists/park-table";
import { requireUser } from "@/lib/auth/session";
import { choosePeriod } from "@/lib/dashboard/period";
import { readScope, townIdsOf } from "@/lib/dashboard/scope";
import { listParks } from "@/lib/parks/list";
import { canEditRegistry } from "@/lib/permissions";
import { formatPeriodKey, formatPeriodRange } from "@/lib/stats";

export const metadata: Metadata = { title: "园区" };

export default async function ParksPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  const scope = await readScope(user);
  if (!scope) notFound();
  const { period } = await choosePeriod(scope.root.id, (await searchParams).period);
  const [rows, canEdit] = await Promise.all([listParks(townIdsOf(scope), period), canEditRegistry(user, scope.root.id)]);
  const periodKey = period ? formatPeriodKey(period) : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">园区 <span className="text-lg font-normal text-slate-600">{period ? formatPeriodRange(period.year, period.month) : ""}</span></h1>
        <div className="flex gap-2">
          {canEdit && <Link href="/parks/new" className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-600">新增园区</Link>}
          <ExportLinks table="parks" query={{ period: periodKey }} />
        </div>
      </div>
      {rows.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">暂无登记的园区。</p> : <ParkTable rows={rows} periodKey={periodKey} />}
    </div>
  );
}
