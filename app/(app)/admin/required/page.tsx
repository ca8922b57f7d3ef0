import type { Metadata } from "next";
import { RequiredIndicatorsForm } from "@/components/admin/required-indicators-form";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { listRequiredSettings } from "@/lib/reports/required";

export const metadata: Metadata = { title: "必填指标" };
export const dynamic = "force-dynamic";

export default async function RequiredIndicatorsPage() {
  const user = await requireUser();
  if (!canAdminister(user)) return <EmptyState title="没有权限" detail="必填指标只能由管理员设置。" />;
  const { indicators, counties } = await listRequiredSettings(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">必填指标</h1>
        <p className="mt-1 text-sm text-slate-600">乡镇月报中勾选的指标须全部填写后才能报送；未勾选任何指标时，报表仍须至少填写一项。修改记入审计日志。</p>
      </div>
      {counties.length === 0 ? (
        <EmptyState title="没有可设置的县（市、区）" detail="您的账号不在某个县（市、区）或市的管理范围内。" />
      ) : (
        counties.map((c) => <RequiredIndicatorsForm key={c.code} county={c} indicators={indicators} />)
      )}
    </div>
  );
}
