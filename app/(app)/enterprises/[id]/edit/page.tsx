import { notFound } from "next/navigation";
import { EnterpriseForm } from "@/components/registry/enterprise-form";
import { requireUser } from "@/lib/auth/session";
import { registryOptions } from "@/lib/dashboard/registry-options";
import { getEnterprise } from "@/lib/enterprises/detail";
import { canEditRegistry } from "@/lib/permissions";
import { saveEnterpriseAction } from "../../actions";

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opts = await registryOptions(user);
  const e = opts && /^\d{1,9}$/.test(id) ? await getEnterprise(Number(id), opts.townIds) : null;
  if (!opts || !e || !(await canEditRegistry(user, e.townId))) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">编辑企业：{e.name}</h1>
      <EnterpriseForm action={saveEnterpriseAction} initial={{ ...e, townCode: e.town.code }} towns={opts.towns} parks={opts.parks} />
    </div>
  );
}
