import "server-only";
// The towns a caller may read, as ids for `where` clauses: lists and exports put them in the
// query itself, so a caller outside the county gets an empty result, not a filtered one.
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { firmReadRoot, readScopeRoot, type Caller } from "@/lib/permissions";
import { getRegionById, isWithin, type RegionRef } from "@/lib/regions";

export type ReadScope = { root: RegionRef; towns: { id: number; code: string; name: string }[] };

export const townIdsOf = (scope: ReadScope | null) => scope?.towns.map((t) => t.id) ?? [];

export async function readScope(user: CurrentUser | Caller): Promise<ReadScope | null> {
  let root = await readScopeRoot(user);
  if (!root) return null;
  const tokenRegion = "token" in user && user.token?.regionId ? user.token.regionId : null;
  if (tokenRegion) {
    if (!(await isWithin(tokenRegion, root.id))) return null;
    root = await getRegionById(tokenRegion);
    if (!root) return null;
  }
  return { root, towns: await townsUnder(root.id) };
}

/** The scope narrowed to one region inside it (an export's `region`): only towns in both. */
export async function narrowScope(scope: ReadScope, region: RegionRef): Promise<ReadScope> {
  if (region.id === scope.root.id) return scope;
  const inScope = new Set(townIdsOf(scope));
  return { root: region, towns: (await townsUnder(region.id)).filter((t) => inScope.has(t.id)) };
}

function townsUnder(rootId: number) {
  return getPrisma().$queryRaw<{ id: number; code: string; name: string }[]>`
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM "Region" WHERE id = ${rootId}
      UNION ALL SELECT r.id FROM "Region" r JOIN sub ON r."parentId" = sub.id
    )
    SELECT r.id, r.code, r.name FROM sub JOIN "Region" r ON r.id = sub.id
    WHERE r.level = 'TOWN' ORDER BY r."sortOrder", r.code`;
}

/**
 * The towns whose enterprise-level figures the caller may read (lib/permissions: firms.read): the
 * readable scope for the county's staff, a reporter's own town only. Lists, details and per-firm
 * exports put these ids in their queries. The root stays the readable one (the default period is
 * the county's); `firmRoot` names what the towns cover.
 */
export async function firmScope(user: CurrentUser | Caller): Promise<(ReadScope & { firmRoot: RegionRef }) | null> {
  const [scope, firmRoot] = await Promise.all([readScope(user), firmReadRoot(user)]);
  if (!scope || !firmRoot) return null;
  if (firmRoot.level !== "TOWN") return { ...scope, firmRoot: scope.root };
  return { ...scope, firmRoot, towns: scope.towns.filter((t) => t.id === firmRoot.id) };
}
