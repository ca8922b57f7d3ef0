import { notFound } from "next/navigation";
import { ProjectForm } from "@/components/registry/project-form";
import { requireUser } from "@/lib/auth/session";
import { registryOptions } from "@/lib/dashboard/registry-options";
import { canEditRegistry } from "@/lib/permissions";
import { saveProjectAction } from "../actions";

export default async function NewProjectPage() {
  const user = await requireUser();
  const opts = await registryOptions(user);
  if (!opts || !(await canEditRegistry(user, opts.rootId))) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">新增项目</h1>
      <ProjectForm action={saveProjectAction} initial={{}} towns={opts.towns} parks={opts.parks} />
    </div>
  );
}
