import type { Metadata } from "next";
import { EntriesHeader } from "@/components/entries/entries-header";
import { ParkGrid } from "@/components/entries/park-grid";
import { requireUser } from "@/lib/auth/session";
import { gridRoute, orNotFound } from "@/lib/entries/page";
import { isPeriodOpen } from "@/lib/permissions";
import { getParkGrid } from "@/lib/entries/parks";

export const metadata: Metadata = { title: "园区数据" };
export const dynamic = "force-dynamic";

export default async function ParkGridPage({ params }: { params: Promise<{ town: string; period: string }> }) {
  const user = await requireUser();
  const { town, period, canEditRole, notOpen } = await gridRoute(user, await params);
  const view = await orNotFound(getParkGrid(user, town.code, period));
  const editable = canEditRole && isPeriodOpen(view.reportStatus);
  return (
    <div className="space-y-4">
      <EntriesHeader view={view} active="parks" title="园区主要指标" hint={`已开发面积、入园企业数为${period.month}月末数，投资、销售收入、利税为1–${period.month}月累计数（万元）；一个园区的各项须填写完整。`} editable={editable} canEditRole={canEditRole} notOpen={notOpen} />
      <ParkGrid view={view} editable={editable} />
    </div>
  );
}
