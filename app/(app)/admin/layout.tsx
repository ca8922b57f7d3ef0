import { AdminNav } from "@/components/admin/admin-nav";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";

/** The admin section: its tabs for admins. Every page and action below checks canAdminister again. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="系统管理只对管理员开放。" />;
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
