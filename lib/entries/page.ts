import "server-only";
// What every grid page does first: parse the route, check the user may read the town's figures
// (another town's reporter gets the not-found page, no hint the town exists), and whether their role
// may edit the town's figures in an open period (the page adds the period's state: isPeriodOpen).
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { canEditTownEntries, canViewReport } from "@/lib/permissions";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { entryRefusalFor } from "@/lib/reports/entry-period";
import { parsePeriod, type Period } from "@/lib/stats";

export async function gridRoute(user: CurrentUser, params: { town: string; period: string }): Promise<{ town: RegionRef; period: Period; canEditRole: boolean; notOpen: string | null }> {
  const period = parsePeriod(params.period);
  const town = /^\d{12}$/.test(params.town) ? await getRegionByCode(params.town) : null;
  if (!period || !town || town.level !== "TOWN") notFound();
  if (!(await canViewReport(user, town.id))) notFound();
  // A period not yet open for entry (its month has not ended) is shown read-only (the save refuses it too).
  const notOpen = await entryRefusalFor(town.id, period);
  return { town, period, notOpen, canEditRole: notOpen === null && (await canEditTownEntries(user, town.id, null)) };
}

/** A service's not-found / forbidden becomes the segment's not-found page. */
export function orNotFound<T>(p: Promise<T>): Promise<T> {
  return p.catch((error: unknown) => {
    if (error instanceof ApiError && (error.code === "forbidden" || error.code === "not_found")) notFound();
    throw error;
  });
}
