import { notFound } from "next/navigation";
import { ProjectForm } from "@/components/registry/project-form";
import { requireUser } from "@/lib/auth/session";
import { registryOptions } from "@/lib/dashboard/registry-options";
import { canEditRegistry } from "@/lib/permissions";
import { getProject } from "@/lib/projects/detail";
import { saveProjectAction } from "../../actions";

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opts = await registryOptions(user);
  const p = opts && /^\d{1,9}$/.test(id) ? await getProject(Number(id), opts.townIds) : null;
  if (!opts || !p || !(await canEditRegistry(user, p.townId))) notFound();
  const initial = { id: p.id, version: p.version, name: p.name, townCode: p.town.code, parkId: p.parkId, sector: p.sector, totalInvestment: p.totalInvestment.toString(), stage: p.stage, plannedEndOn: p.plannedEndOn?.toISOString().slice(0, 10) ?? null };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">编辑项目：{p.name}</h1>
      <ProjectForm action={saveProjectAction} initial={initial} towns={opts.towns} parks={opts.parks} />
    </div>
  );
}
