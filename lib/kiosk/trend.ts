import "server-only";
// The wall's monthly trend: the same like-for-like series as the overview's trend
// (lib/dashboard/like-for-like.ts), over all twelve months, in 亿元 for the chart. While some
// towns have not reported the latest month, the chart follows the towns that have; a stock
// (counts, employees) has no 当月.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { likeForLikePoints, ytdKey, type Ytd } from "@/lib/dashboard/like-for-like";
import { statusList } from "@/lib/overview/query";
import { countedStatuses } from "@/lib/reports/periods";
import { roundHalfUp, type Period } from "@/lib/stats";
import type { WallTrendRow } from "./types";

export type WallTrend = { rows: WallTrendRow[]; partial: { month: number; towns: number } | null };

/** 万元 → 亿元, 2 decimals, as a number for chart geometry. */
function yi(text: string | null): number | null {
  return text === null ? null : (roundHalfUp(new Decimal(text).div(10000), 2)?.toNumber() ?? null);
}

/** Months 1–12 of `period.year` against the year before, both over the towns that reported the period. */
export function likeForLikeTrend(ytd: Ytd, towns: number[], period: Period, isFlow: boolean): WallTrend {
  const { points, partial } = likeForLikePoints(ytd, towns, period, isFlow, 12);
  const rows = points.map((p, i): WallTrendRow => ({
    month: `${i + 1}月`,
    current: yi(p.monthly),
    currentYtd: yi(p.value),
    lastYear: yi(p.lastYearMonthly),
    lastYearYtd: yi(p.lastYear),
  }));
  return { rows, partial: partial && { month: partial.month, towns: partial.reported } };
}

/** Per-town counted YTD of one indicator for the period's year and the year before. */
export async function getWallTrend(countyId: number, indicator: { id: number; kind: "FLOW" | "STOCK" }, period: Period): Promise<WallTrend> {
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
    WHERE v."indicatorId" = ${indicator.id} AND v.year IN (${period.year - 1}, ${period.year})
      AND r.status IN (${statusList(statuses)})
    GROUP BY t.town, v.year, v.month`;
  const ytd: Ytd = new Map(rows.map((r) => [ytdKey(Number(r.town), Number(r.year), Number(r.month)), new Decimal(r.value)]));
  const towns = [...new Set(rows.map((r) => Number(r.town)))];
  return likeForLikeTrend(ytd, towns, period, indicator.kind === "FLOW");
}
