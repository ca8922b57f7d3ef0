import "server-only";
import { listReportedPeriods } from "@/lib/reports/periods";
import { parsePeriod, type Period } from "@/lib/stats";

export type PeriodChoice = { period: Period | null; invalid: boolean; latest: Period | null };

/** The period asked for in the URL, else the latest with counted reports under the region. */
export async function choosePeriod(regionId: number, key: string | undefined): Promise<PeriodChoice> {
  const [latest = null] = await listReportedPeriods(regionId);
  if (!key) return { period: latest, invalid: false, latest };
  const period = parsePeriod(key);
  return { period, invalid: period === null, latest };
}
