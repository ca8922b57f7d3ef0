import "server-only";
// Where a county stands among its city's counties, from the city's overview (one query for all).
import { getRegionOverview } from "@/lib/overview/query";
import { getRegionById, type RegionRef } from "@/lib/regions";
import { getPrisma } from "@/lib/db/client";
import { APPROVED_ONLY, countedStatuses, type Counting } from "@/lib/reports/periods";
import type { Period } from "@/lib/stats";
import { peerStanding, PEER_INDICATORS, type PeerStanding } from "./standing";

/** The city a county belongs to; null for a county without one (a deployment for one county) or any other region. */
export async function cityOf(county: RegionRef): Promise<RegionRef | null> {
  if (county.level !== "COUNTY" || county.parentId === null) return null;
  const parent = await getRegionById(county.parentId);
  return parent?.level === "CITY" ? parent : null;
}

/**
 * The county's 全市位次 for a period; null when it has no city or the city has no other county
 * (a rank "第1位（共1个）" says nothing). `counting` as the county's own overview counts.
 */
export async function getPeerStanding(county: RegionRef, period: Period, counting: Counting = APPROVED_ONLY): Promise<PeerStanding | null> {
  const city = await cityOf(county);
  if (!city) return null;
  const overview = await getRegionOverview(city, period.year, period.month, [...PEER_INDICATORS], counting);
  if (overview.children.length < 2) return null;
  const s = peerStanding(overview, county.code);
  return s && { ...s, partial: await uncountedTowns(county, period, counting) };
}

/** How many of the county's towns are counted for the period, when not all are (null: all are, or it has none). */
async function uncountedTowns(county: RegionRef, period: Period, counting: Counting): Promise<{ reported: number; of: number } | null> {
  const db = getPrisma();
  const of = await db.region.count({ where: { parentId: county.id, level: "TOWN" } });
  if (of === 0) return null;
  const statuses = await countedStatuses(county.id, counting);
  const reported = await db.townReport.count({ where: { region: { parentId: county.id, level: "TOWN" }, year: period.year, month: period.month, status: { in: statuses } } });
  return reported < of ? { reported, of } : null;
}
