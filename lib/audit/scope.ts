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
    select: { id: true, code: true, name: true, level: true, parentId: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  // The regions that report: towns, and a city's counties without towns (their own report, decision 016).
  const parents = new Set(below.map((r) => r.parentId));
  const towns = below.filter((r) => r.level === "TOWN" || (r.level === "COUNTY" && !parents.has(r.id))).map(({ id, code, name }) => ({ id, code, name }));
  if (root.level === "COUNTY" && towns.length === 0) towns.push({ id: root.id, code: root.code, name: root.name }); // a county without towns reports itself
  const all = [{ id: root.id, name: root.name }, ...below];
  return { towns, regionIds: all.map((r) => r.id), names: Object.fromEntries(all.map((r) => [r.id, r.name])) };
}
