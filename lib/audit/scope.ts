import "server-only";
// Which regions an audit view covers: a reporter's town; a county and its towns; a city, its
// counties and their towns. Entries are kept per region (AuditLog.regionId).
import { getPrisma } from "@/lib/db/client";
import type { RegionRef } from "@/lib/regions";

export type AuditRegions = {
  towns: { id: number; code: string; name: string }[];
  regionIds: number[];
  names: Record<number, string>;
};

export async function listAuditRegions(root: RegionRef): Promise<AuditRegions> {
  if (root.level === "TOWN") {
    return { towns: [{ id: root.id, code: root.code, name: root.name }], regionIds: [root.id], names: { [root.id]: root.name } };
  }
  const below = await getPrisma().region.findMany({
    where: { OR: [{ parentId: root.id }, { parent: { parentId: root.id } }] },
    select: { id: true, code: true, name: true, level: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const towns = below.filter((r) => r.level === "TOWN").map(({ id, code, name }) => ({ id, code, name }));
  const all = [{ id: root.id, name: root.name }, ...below];
  return { towns, regionIds: all.map((r) => r.id), names: Object.fromEntries(all.map((r) => [r.id, r.name])) };
}
