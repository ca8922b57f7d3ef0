import "server-only";
import type { ApiUser } from "@/lib/api/auth";
import { getPrisma } from "@/lib/db/client";
import { readScopeRoot } from "@/lib/permissions";

/** The regions a caller may read (their scope root and everything below it), root first. */
export async function listRegionsInScope(user: ApiUser) {
  const root = await readScopeRoot(user);
  if (!root) return null;
  const rootId = user.token?.regionId ?? root.id;
  return getPrisma().$queryRaw<{ code: string; name: string; level: "CITY" | "COUNTY" | "TOWN"; parentCode: string | null }[]>`
    WITH RECURSIVE sub(id, depth) AS (
      SELECT id, 0 FROM "Region" WHERE id = ${rootId}
      UNION ALL SELECT r.id, sub.depth + 1 FROM "Region" r JOIN sub ON r."parentId" = sub.id
    )
    SELECT r.code, r.name, r.level::text AS level, p.code AS "parentCode"
    FROM sub JOIN "Region" r ON r.id = sub.id LEFT JOIN "Region" p ON p.id = r."parentId"
    ORDER BY sub.depth, r."sortOrder", r.code`;
}
