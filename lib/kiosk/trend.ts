import "server-only";
// The wall's monthly trend, like for like: while some towns have not reported the latest month,
// the chart follows the towns that have (the same rule as the overview's totals and 同比). A
// straight county sum would show the latest 当月 as a collapse while reports are still coming in.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countedStatuses } from "@/lib/reports/periods";
import { roundHalfUp, type Period } from "@/lib/stats";
import type { WallTrendRow } from "./types";

type Ytd = Map<string, Decimal>; // `${town}|${year}|${month}` → YTD in 万元

export type WallTrend = { rows: WallTrendRow[]; partial: { month: number; towns: number } | null };

const key = (town: number, y: number, m: number) => `${town}|${y}|${m}`;

function sum(values: (Decimal | null)[]): Decimal | null {
  const present = values.filter((v): v is Decimal => v !== null);
  return present.length ? present.reduce((a, b) => a.plus(b), new Decimal(0)) : null;
}

/** 万元 → 亿元, 2 decimals, as a number for chart geometry. */
function yi(d: Decimal | null): number | null {
  return d === null ? null : (roundHalfUp(d.div(10000), 2)?.toNumber() ?? null);
}

/**
 * Months 1–12 of `period.year` against the year before, both over the same towns: those that
 * reported the period. While reports are still coming in that is a subset, and the whole chart
 * compares it like for like (as 同比 does); once every town has reported it is the county.
 */
export function likeForLikeTrend(ytd: Ytd, towns: number[], period: Period): WallTrend {
  const { year: Y, month: M } = period;
  const at = (t: number, y: number, m: number) => (m < 1 ? null : (ytd.get(key(t, y, m)) ?? null));
  // 当月 = this month's YTD − last month's; January is its own YTD.
  const diff = (t: number, y: number, m: number) => {
    const now = at(t, y, m);
    if (m === 1) return now;
    const before = at(t, y, m - 1);
    return now === null || before === null ? null : now.minus(before);
  };
  const same = towns.filter((t) => at(t, Y, M) !== null);
  const over = (f: (t: number) => Decimal | null) => yi(sum(same.map(f)));
  const rows = Array.from({ length: 12 }, (_, i): WallTrendRow => {
    const m = i + 1;
    return {
      month: `${m}月`,
      current: m <= M ? over((t) => diff(t, Y, m)) : null,
      currentYtd: m <= M ? over((t) => at(t, Y, m)) : null,
      lastYear: over((t) => diff(t, Y - 1, m)),
      lastYearYtd: over((t) => at(t, Y - 1, m)),
    };
  });
  return { rows, partial: same.length < towns.length ? { month: M, towns: same.length } : null };
}

/** Per-town counted YTD of one indicator for the period's year and the year before. */
export async function getWallTrend(countyId: number, indicatorId: number, period: Period): Promise<WallTrend> {
  const statuses = await countedStatuses(countyId);
  const rows = await getPrisma().$queryRaw<{ town: number; year: number; month: number; value: string }[]>`
    WITH RECURSIVE tree(id, town) AS (
      SELECT id, id FROM "Region" WHERE "parentId" = ${countyId}
      UNION ALL SELECT r.id, t.town FROM "Region" r JOIN tree t ON r."parentId" = t.id
    )
    SELECT t.town, v.year, v.month, SUM(v.value)::text AS value
    FROM tree t
    JOIN "ReportValue" v ON v."regionId" = t.id
    JOIN "TownReport" r ON r.id = v."reportId"
    WHERE v."indicatorId" = ${indicatorId} AND v.year IN (${period.year - 1}, ${period.year})
      AND r.status::text IN (${Prisma.join(statuses)})
    GROUP BY t.town, v.year, v.month`;
  const ytd: Ytd = new Map(rows.map((r) => [key(Number(r.town), Number(r.year), Number(r.month)), new Decimal(r.value)]));
  const towns = [...new Set(rows.map((r) => Number(r.town)))];
  return likeForLikeTrend(ytd, towns, period);
}
