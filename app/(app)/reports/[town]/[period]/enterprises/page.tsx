import type { Metadata } from "next";
import { EnterpriseGrid } from "@/components/entries/enterprise-grid";
import { EntriesHeader } from "@/components/entries/entries-header";
import { requireUser } from "@/lib/auth/session";
import { getEnterpriseGrid } from "@/lib/entries/enterprises";
import { gridRoute, orNotFound } from "@/lib/entries/page";
import { isPeriodOpen } from "@/lib/permissions";

export const metadata: Metadata = { title: "规上企业数据" };
export const dynamic = "force-dynamic";

export default async function EnterpriseGridPage({ params }: { params: Promise<{ town: string; period: string }> }) {
  const user = await requireUser();
  const { town, period, canEditRole, notOpen } = await gridRoute(user, await params);
  const view = await orNotFound(getEnterpriseGrid(user, town.code, period));
  const editable = canEditRole && isPeriodOpen(view.reportStatus);
  return (
    <div className="space-y-4">
      <EntriesHeader view={view} active="enterprises" title="规上企业主要指标" hint={`各企业1–${period.month}月累计数，金额单位万元；可输入 1234.5、1,234.5、3500万、1.2亿；回车跳到下一项。只保存修改过的企业。`} editable={editable} canEditRole={canEditRole} notOpen={notOpen} />
      <EnterpriseGrid view={view} editable={editable} />
    </div>
  );
}
