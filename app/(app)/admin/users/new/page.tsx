import type { Metadata } from "next";
import { UserForm } from "@/components/admin/user-form";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { administeredRegions } from "@/lib/users/scope";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="用户只能由管理员管理。" />;
  const regions = await administeredRegions(user);
  return (
    <section className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">新建用户</h1>
      <UserForm regions={regions} />
    </section>
  );
}
