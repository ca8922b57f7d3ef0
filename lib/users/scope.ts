import "server-only";
// The regions an admin administers: their own region's subtree (a county and its towns, or a city
// and everything below). Users and tokens are listed and changed only within it.
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canAdminister } from "@/lib/permissions";

export type RegionOption = { id: number; name: string; level: "CITY" | "COUNTY" | "TOWN"; parentId: number | null };

export async function administeredRegions(admin: CurrentUser): Promise<RegionOption[]> {
  if (!admin.regionId) return [];
  return getPrisma().$queryRaw<RegionOption[]>`
    WITH RECURSIVE sub(id, depth) AS (
      SELECT id, 0 FROM "Region" WHERE id = ${admin.regionId}
      UNION ALL SELECT r.id, sub.depth + 1 FROM "Region" r JOIN sub ON r."parentId" = sub.id
    )
    SELECT r.id, r.name, r.level::text AS level, r."parentId"
    FROM sub JOIN "Region" r ON r.id = sub.id
    ORDER BY sub.depth, r."sortOrder", r.code`;
}

/** A `where` for users the admin administers (plus users without a region, so they can be fixed). */
export async function usersInScope(admin: CurrentUser): Promise<Prisma.UserWhereInput> {
  const ids = (await administeredRegions(admin)).map((r) => r.id);
  return { OR: [{ regionId: { in: ids } }, { regionId: null }] };
}

/** canAdminister as a type guard (lib/permissions decides; this only narrows the type). */
export function isAdministrator(caller: CurrentUser | null): caller is CurrentUser {
  return canAdminister(caller);
}
