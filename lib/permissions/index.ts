import "server-only";
// Every permission decision lives here: named, deny-by-default functions, called first by
// pages, server actions and route handlers. Hiding a button is not a permission.
import type { CurrentUser, Role } from "@/lib/auth/session";
import { getRegionById, isWithin, type RegionRef } from "@/lib/regions";

/** The region whose subtree a user may read: a reporter reads the county of their town. */
export async function readScopeRoot(user: CurrentUser): Promise<RegionRef | null> {
  if (!user.regionId) return null;
  const own = await getRegionById(user.regionId);
  if (!own) return null;
  if (user.role === "REPORTER") return own.parentId ? getRegionById(own.parentId) : null;
  return own;
}

const READERS: readonly Role[] = ["ADMIN", "REVIEWER", "LEADER", "REPORTER"];

/** An API token may narrow its owner's scope to one region; it never widens it. */
type Caller = CurrentUser & { token?: { regionId: number | null; readOnly: boolean } };

export async function canReadRegion(user: Caller | null, regionId: number): Promise<boolean> {
  if (!user || !READERS.includes(user.role)) return false;
  const root = await readScopeRoot(user);
  if (!root || !(await isWithin(regionId, root.id))) return false;
  if (user.token?.regionId && !(await isWithin(regionId, user.token.regionId))) return false;
  return true;
}

/** Navigation entries a role may use (the pages check again on the server). */
export function navigationFor(role: Role): { href: string; label: string }[] {
  // Only pages that exist are listed; later pages add their entries here.
  const items = [
    { href: "/overview", label: "全县概览" },
    { href: "/api-docs", label: "数据接口" },
  ];
  if (role === "ADMIN" || role === "REVIEWER" || role === "LEADER" || role === "REPORTER") return items;
  return [];
}
