import "server-only";
import { defaultPeriod } from "@/lib/reports/default-period";
import { APPROVED_ONLY, type Counting } from "@/lib/reports/periods";
import { parsePeriod, type Period } from "@/lib/stats";

export type PeriodChoice = { period: Period | null; invalid: boolean; latest: Period | null };

/**
 * The period asked for in the URL, else the region's default period (lib/reports/default-period:
 * the latest closed month most towns have counted reports for). `latest` is that default.
 */
export async function choosePeriod(regionId: number, key: string | undefined, counting: Counting = APPROVED_ONLY): Promise<PeriodChoice> {
  const latest = await defaultPeriod(regionId, counting);
  if (!key) return { period: latest, invalid: false, latest };
  const period = parsePeriod(key);
  return { period, invalid: period === null, latest };
}
