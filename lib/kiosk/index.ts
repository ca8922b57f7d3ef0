import "server-only";
// Kiosk links (大屏链接): a revocable, read-only credential for one county's wall screen. Only the
// SHA-256 of the token is stored; every check reads the database, so a revocation made on any app
// instance holds at the wall's next refresh.
import { hashToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { readScopeRoot } from "@/lib/permissions";
import { listChildRegions, type RegionRef } from "@/lib/regions";

export const KIOSK_TOKEN_PREFIX = "wall";
/** lastSeenAt is written at most once a minute per link (decided by the database, not by memory). */
const SEEN_THROTTLE_MS = 60_000;

const regionSelect = { id: true, code: true, name: true, level: true, parentId: true, kind: true } as const;

export type KioskRefusal = "missing" | "unknown" | "revoked" | "expired";
export type KioskAccess = { ok: true; linkId: number; region: RegionRef } | { ok: false; reason: KioskRefusal };

export type KioskStatus = "active" | "revoked" | "expired";
export const KIOSK_STATUS_LABELS: Record<KioskStatus, string> = { active: "有效", revoked: "已撤销", expired: "已过期" };

export function kioskStatus(link: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): KioskStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  return "active";
}

/** The county a wall token opens, or why it opens nothing. Records when the link was last used. */
export async function verifyKioskToken(token: string | null | undefined, now = new Date()): Promise<KioskAccess> {
  if (!token || token.length > 200) return { ok: false, reason: "missing" };
  const db = getPrisma();
  const link = await db.kioskLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, region: { select: regionSelect } },
  });
  if (!link) return { ok: false, reason: "unknown" };
  const status = kioskStatus(link, now);
  if (status !== "active") return { ok: false, reason: status };
  await db.kioskLink.updateMany({
    where: { id: link.id, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - SEEN_THROTTLE_MS) } }] },
    data: { lastSeenAt: now },
  });
  return { ok: true, linkId: link.id, region: link.region };
}

/** Counties an admin may make wall links for: their own county, or the counties of their city. */
export async function administeredCounties(user: CurrentUser): Promise<RegionRef[]> {
  const root = await readScopeRoot(user);
  if (!root) return [];
  if (root.level === "COUNTY") return [root];
  if (root.level === "CITY") return (await listChildRegions(root.id)).filter((r) => r.level === "COUNTY");
  return [];
}

export type KioskLinkRow = {
  id: number;
  label: string;
  county: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  status: KioskStatus;
};

/** Links of the given counties, newest first; active ones before revoked and expired ones. */
export async function listKioskLinks(countyIds: number[], now = new Date()): Promise<KioskLinkRow[]> {
  if (countyIds.length === 0) return [];
  const db = getPrisma();
  const links = await db.kioskLink.findMany({
    where: { regionId: { in: countyIds } },
    select: { id: true, label: true, createdById: true, createdAt: true, expiresAt: true, lastSeenAt: true, revokedAt: true, region: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  const creatorIds = [...new Set(links.map((l) => l.createdById).filter((id): id is number => id !== null))];
  const creators = creatorIds.length
    ? await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(creators.map((u) => [u.id, u.displayName]));
  const order: Record<KioskStatus, number> = { active: 0, expired: 1, revoked: 2 };
  return links
    .map(({ region, createdById, ...l }) => ({
      ...l,
      county: region.name,
      createdBy: createdById === null ? null : (nameOf.get(createdById) ?? null),
      status: kioskStatus(l, now),
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
}
