import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserForm } from "@/components/admin/user-form";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { getUserForAdmin } from "@/lib/users/queries";
import { administeredRegions } from "@/lib/users/scope";

export const metadata: Metadata = { title: "编辑用户" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="用户只能由管理员管理。" />;
  const { id } = await params;
  const target = /^\d{1,9}$/.test(id) ? await getUserForAdmin(user, Number(id)) : null;
  if (!target) notFound();
  const regions = await administeredRegions(user);
  return (
    <section className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">编辑用户 <span className="font-mono text-xl text-slate-600">{target.username}</span></h1>
      <UserForm regions={regions} user={target} isSelf={target.id === user.id} />
    </section>
  );
}
