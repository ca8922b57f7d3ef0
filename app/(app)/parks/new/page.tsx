import { notFound } from "next/navigation";
import { ParkForm } from "@/components/registry/park-form";
import { requireUser } from "@/lib/auth/session";
import { registryOptions } from "@/lib/dashboard/registry-options";
import { canEditRegistry } from "@/lib/permissions";
import { saveParkAction } from "../actions";

export default async function NewParkPage() {
  const user = await requireUser();
  const opts = await registryOptions(user);
  if (!opts || !(await canEditRegistry(user, opts.rootId))) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">新增园区</h1>
      <ParkForm action={saveParkAction} initial={{}} towns={opts.towns} />
    </div>
  );
}
