import { notFound } from "next/navigation";
import { ParkForm } from "@/components/registry/park-form";
import { requireUser } from "@/lib/auth/session";
import { registryOptions } from "@/lib/dashboard/registry-options";
import { getPark } from "@/lib/parks/list";
import { canEditRegistry } from "@/lib/permissions";
import { saveParkAction } from "../../actions";

export default async function EditParkPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opts = await registryOptions(user);
  const p = opts && /^\d{1,9}$/.test(id) ? await getPark(Number(id), opts.townIds) : null;
  if (!opts || !p || !(await canEditRegistry(user, p.townId))) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">编辑园区：{p.name}</h1>
      <ParkForm action={saveParkAction} initial={{ id: p.id, version: p.version, name: p.name, level: p.level, townCode: p.town.code, plannedArea: p.plannedArea.toString(), leadingIndustries: p.leadingIndustries }} towns={opts.towns} />
    </div>
  );
}
