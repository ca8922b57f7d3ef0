import { notFound } from "next/navigation";
import { EnterpriseForm } from "@/components/registry/enterprise-form";
import { requireUser } from "@/lib/auth/session";
import { registryOptions } from "@/lib/dashboard/registry-options";
import { canEditRegistry } from "@/lib/permissions";
import { saveEnterpriseAction } from "../actions";

export default async function NewEnterprisePage() {
  const user = await requireUser();
  const opts = await registryOptions(user);
  if (!opts || !(await canEditRegistry(user, opts.rootId))) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">新增企业</h1>
      <EnterpriseForm action={saveEnterpriseAction} initial={{}} towns={opts.towns} parks={opts.parks} />
    </div>
  );
}
