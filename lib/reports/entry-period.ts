import "server-only";
// The current entry period of a town and the refusal of early entries, with the county's 快报
// setting (Region.flashReportDay) read from the database. The rule itself: ./entry-window.ts.
import { getPrisma } from "@/lib/db/client";
import type { Period } from "@/lib/stats";
import { entryPeriodAfter, entryRefusal } from "./entry-window";

/** The county's 快报 day for a town, or a county's own for its county-level report (null: a month opens only after it ends). */
async function flashReportDayOf(townId: number): Promise<number | null> {
  const town = await getPrisma().region.findUnique({ where: { id: townId }, select: { level: true, flashReportDay: true, parent: { select: { flashReportDay: true } } } });
  return (town?.level === "COUNTY" ? town.flashReportDay : town?.parent?.flashReportDay) ?? null;
}

/** The period a town's reporter works on now (the report page, 本镇填报 and the header agree on it). */
export async function currentEntryPeriod(townId: number, now = new Date()): Promise<Period> {
  const [flash, latest] = await Promise.all([
    flashReportDayOf(townId),
    getPrisma().townReport.findFirst({
      where: { regionId: townId, status: { in: ["SUBMITTED", "APPROVED"] } },
      select: { year: true, month: true },
      orderBy: [{ year: "desc" }, { month: "desc" }],
    }),
  ]);
  return entryPeriodAfter(latest, now, flash);
}

/** Why the town cannot enter figures for the period yet (Chinese), or null when it is open. */
export async function entryRefusalFor(townId: number, period: Period, now = new Date()): Promise<string | null> {
  return entryRefusal(period, now, await flashReportDayOf(townId));
}
