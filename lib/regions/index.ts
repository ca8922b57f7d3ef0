import "server-only";
import { getPrisma } from "@/lib/db/client";

export type RegionRef = { id: number; code: string; name: string; level: "CITY" | "COUNTY" | "TOWN"; parentId: number | null; kind: string };

const regionSelect = { id: true, code: true, name: true, level: true, parentId: true, kind: true } as const;

/** Null for anything but a 12-digit code: no region has one, and a NUL in a URL must not reach SQL. */
export async function getRegionByCode(code: string): Promise<RegionRef | null> {
  if (!/^\d{12}$/.test(code)) return null;
  return getPrisma().region.findUnique({ where: { code }, select: regionSelect });
}

export async function getRegionById(id: number): Promise<RegionRef | null> {
  return getPrisma().region.findUnique({ where: { id }, select: regionSelect });
}

export async function listChildRegions(parentId: number): Promise<RegionRef[]> {
  return getPrisma().region.findMany({ where: { parentId }, select: regionSelect, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

/** The region's ancestors from the root down, excluding the region itself. */
export async function listAncestors(regionId: number): Promise<RegionRef[]> {
  const rows = await getPrisma().$queryRaw<{ id: number; depth: number }[]>`
    WITH RECURSIVE up(id, "parentId", depth) AS (
      SELECT id, "parentId", 0 FROM "Region" WHERE id = ${regionId}
      UNION ALL
      SELECT r.id, r."parentId", up.depth + 1 FROM "Region" r JOIN up ON r.id = up."parentId"
    )
    SELECT id, depth FROM up WHERE depth > 0 ORDER BY depth DESC`;
  if (rows.length === 0) return [];
  const regions = await getPrisma().region.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: regionSelect });
  const byId = new Map(regions.map((r) => [r.id, r]));
  return rows.map((r) => byId.get(r.id)!).filter(Boolean);
}

/** Whether `regionId` is `rootId` or lies below it. */
export async function isWithin(regionId: number, rootId: number): Promise<boolean> {
  if (regionId === rootId) return true;
  const ancestors = await listAncestors(regionId);
  return ancestors.some((a) => a.id === rootId);
}

export const LEVEL_LABELS: Record<RegionRef["level"], string> = { CITY: "市", COUNTY: "县（市、区）", TOWN: "乡镇（街道）" };
