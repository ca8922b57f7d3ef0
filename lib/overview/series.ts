import "server-only";
// A region × indicator over months, with last year beside it. One query (after looking up the
// region's subtree): the region's towns' counted YTD values summed per month, for the range and the year before it.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import type { RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, countedStatuses, type Counting } from "@/lib/reports/periods";
import { listSubtree, statusList } from "./query";
import { formatPeriodKey, increase, yoyPercent, type Period } from "@/lib/stats";

export type SeriesPoint = { period: string; value: string | null; lastYear: string | null; yoyPercent: number | null; monthly: string | null; lastYearMonthly: string | null };

export function monthsInRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let y = from.year, m = from.month; y < to.year || (y === to.year && m <= to.month); m === 12 ? (y++, (m = 1)) : m++) out.push({ year: y, month: m });
  return out;
}

export async function getSeries(region: RegionRef, indicator: { id: number; kind: "FLOW" | "STOCK" }, from: Period, to: Period, counting: Counting = APPROVED_ONLY): Promise<SeriesPoint[]> {
  const [statuses, below] = await Promise.all([countedStatuses(region.level === "TOWN" && region.parentId ? region.parentId : region.id, counting), listSubtree(region.id)]);
  const ids = [region.id, ...below.ids];
  const lo = (from.year - 1) * 100 + 1; // from January of the year before: for last year and for 当月
  const hi = to.year * 100 + to.month;
  // The year bounds repeat lo/hi as plain column filters, so the (indicatorId, year, month, …) index
  // answers the query on its own; the region ids come as an array for the same reason as in query.ts.
  const rows = await getPrisma().$queryRaw<{ year: number; month: number; value: string }[]>`
    SELECT v.year, v.month, SUM(v.value)::text AS value
    FROM "ReportValue" v
    JOIN "TownReport" r ON r.id = v."reportId"
    WHERE v."regionId" = ANY(${ids}::int[]) AND v."indicatorId" = ${indicator.id}
      AND v.year BETWEEN ${from.year - 1}::int AND ${to.year}::int AND v.year * 100 + v.month BETWEEN ${lo} AND ${hi}
      AND r.status IN (${statusList(statuses)})
    GROUP BY v.year, v.month`;
  const ytd = new Map(rows.map((r) => [Number(r.year) * 100 + Number(r.month), new Decimal(r.value)]));
  const at = (y: number, m: number) => ytd.get(y * 100 + m) ?? null;
  // 当月 = this month's YTD − last month's YTD of the same year; January is its own YTD.
  const monthly = (y: number, m: number) => (indicator.kind === "STOCK" ? null : m === 1 ? at(y, 1) : increase(at(y, m), at(y, m - 1)));
  const str = (d: Decimal | null) => (d === null ? null : d.toFixed());
  return monthsInRange(from, to).map(({ year, month }) => {
    const value = at(year, month);
    const lastYear = at(year - 1, month);
    const g = yoyPercent(value, lastYear);
    return {
      period: formatPeriodKey({ year, month }),
      value: str(value),
      lastYear: str(lastYear),
      yoyPercent: g === null ? null : g.toNumber(),
      monthly: str(monthly(year, month)),
      lastYearMonthly: str(monthly(year - 1, month)),
    };
  });
}
