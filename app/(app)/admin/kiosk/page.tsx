import type { Metadata } from "next";
import { KioskCreateForm } from "@/components/admin/kiosk-create-form";
import { KioskLinkTable } from "@/components/admin/kiosk-link-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { administeredCounties, listKioskLinks } from "@/lib/kiosk";
import { canAdminister } from "@/lib/permissions";

export const metadata: Metadata = { title: "大屏链接" };
export const dynamic = "force-dynamic";

export default async function KioskAdminPage() {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="大屏链接只能由管理员创建和撤销。" />;
  const counties = await administeredCounties(user);
  const links = await listKioskLinks(counties.map((c) => c.id));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">大屏链接</h1>
        <p className="mt-1 text-sm text-slate-600">
          大屏电脑无需登录：用只读链接打开 /wall，显示一个县（市、区）的最新数据，每分钟自动刷新。链接可设到期日期，撤销后大屏在下次刷新时停止显示。
        </p>
      </div>
      <KioskCreateForm counties={counties.map((c) => ({ code: c.code, name: c.name }))} />
      <section aria-labelledby="kiosk-list-title" className="space-y-3">
        <h2 id="kiosk-list-title" className="text-lg font-semibold">已创建的链接</h2>
        <KioskLinkTable links={links} />
      </section>
    </div>
  );
}
