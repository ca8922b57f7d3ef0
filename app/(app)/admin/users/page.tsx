import type { Metadata } from "next";
import Link from "next/link";
import { UsersTable } from "@/components/admin/users-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="用户只能由管理员管理。" />;
  const users = await listUsers(user);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">用户管理</h1>
          <p className="mt-1 text-sm text-slate-600">
            创建账号、分配角色和地区，停用账号或重置密码。停用和重置密码会让该用户立即退出登录；连续输错密码5次的账号锁定15分钟，可在此提前解锁。
          </p>
        </div>
        <Link href="/admin/users/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600">新建用户</Link>
      </div>
      {/* eslint-disable-next-line react-hooks/purity -- a server component, rendered once per request: "now" is the request time */}
      <UsersTable users={users} selfId={user.id} now={Date.now()} />
    </div>
  );
}
