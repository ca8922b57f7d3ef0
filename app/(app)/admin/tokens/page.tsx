import type { Metadata } from "next";
import { TokenForm } from "@/components/admin/token-form";
import { TokensTable } from "@/components/admin/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { listApiTokens } from "@/lib/tokens/queries";
import { listTokenOwners } from "@/lib/users/queries";
import { administeredRegions } from "@/lib/users/scope";

export const metadata: Metadata = { title: "API 令牌" };

export default async function TokensPage() {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="API 令牌只能由管理员创建和撤销。" />;
  const [owners, regions, tokens] = await Promise.all([listTokenOwners(user), administeredRegions(user), listApiTokens(user)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API 令牌</h1>
        <p className="mt-1 text-sm text-slate-600">
          供其他系统调用 /api/v1 接口。令牌以所属用户的身份和权限访问，可限定到某个地区并设为只读；创建时只显示一次，系统只保存其摘要。撤销后立即失效；所属用户被停用时令牌也随之失效。
        </p>
      </div>
      <TokenForm owners={owners} regions={regions} />
      <section aria-labelledby="token-list-title" className="space-y-3">
        <h2 id="token-list-title" className="text-lg font-semibold">已创建的令牌</h2>
        <TokensTable tokens={tokens} />
      </section>
    </div>
  );
}
