import "server-only";
// Choices for the registry forms: the towns and parks in the caller's scope.
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { readScope, townIdsOf } from "./scope";

export async function registryOptions(user: CurrentUser) {
  const scope = await readScope(user);
  if (!scope) return null;
  const townIds = townIdsOf(scope);
  const parks = await getPrisma().park.findMany({ where: { townId: { in: townIds } }, select: { id: true, name: true, town: { select: { name: true } } }, orderBy: { id: "asc" } });
  return { rootId: scope.root.id, townIds, towns: scope.towns, parks: parks.map((p) => ({ id: p.id, name: p.name, townName: p.town.name })) };
}
