import "server-only";
// A region's monthly series, like for like: while some of its children have not reported the
// period, every month of both years sums only the children that have (the rule the overview's
// totals and 同比 follow). A plain sum would show the latest month's YTD falling and its 当月
// negative while reports are still coming in.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { statusList } from "@/lib/overview/query";
import type { SeriesPoint } from "@/lib/overview/series";
import type { RegionRef } from "@/lib/regions";
import { APPROVED_ONLY, countedStatuses, type Counting } from "@/lib/reports/periods";
import { formatPeriodKey, increase, yoyPercent, type Period } from "@/lib/stats";

/** The period's month was reported by `reported` of the `of` children with figures. */
export type PartialMonth = { month: number; reported: number; of: number };
export type LikeForLikeSeries = { points: SeriesPoint[]; partial: PartialMonth | null };

export type Ytd = Map<string, Decimal>; // `${child}|${year}|${month}` → YTD

export const ytdKey = (child: number, y: number, m: number) => `${child}|${y}|${m}`;
const key = ytdKey;

function sum(values: (Decimal | null)[]): Decimal | null {
  const present = values.filter((v): v is Decimal => v !== null);
  return present.length ? present.reduce((a, b) => a.plus(b), new Decimal(0)) : null;
}

/**
 * Months 1…`through` (default M) of the period's year beside the same months of the year before,
 * over the children that reported M (pure); months after M have no value this year. `children`:
 * those with any figures. 同比 is over the children with both years' figures, as the overview's
 * totals are, so a zone new this year does not inflate it. The overview's trend and the wall's
 * both come from here.
 */
export function likeForLikePoints(ytd: Ytd, children: number[], period: Period, isFlow: boolean, through = period.month): LikeForLikeSeries {
  const { year: Y, month: M } = period;
  const at = (c: number, y: number, m: number) => ytd.get(key(c, y, m)) ?? null;
  const same = children.filter((c) => at(c, Y, M) !== null);
  const total = (y: number, m: number) => (m < 1 || (y === Y && m > M) ? null : sum(same.map((c) => at(c, y, m))));
  // 当月 = this month's YTD − last month's; January is its own YTD; stocks have no 当月.
  const monthly = (y: number, m: number) => (!isFlow ? null : m === 1 ? total(y, 1) : increase(total(y, m), total(y, m - 1)));
  const bothYears = (m: number) => same.filter((c) => at(c, Y, m) !== null && at(c, Y - 1, m) !== null);
  const comparableGrowth = (m: number) => {
    const both = bothYears(m);
    return yoyPercent(sum(both.map((c) => at(c, Y, m))), sum(both.map((c) => at(c, Y - 1, m))));
  };
  const str = (d: Decimal | null) => (d === null ? null : d.toFixed());
  const points = Array.from({ length: through }, (_, i): SeriesPoint => {
    const m = i + 1;
    const growth = m > M ? null : comparableGrowth(m);
    return {
      period: formatPeriodKey({ year: Y, month: m }),
      value: str(total(Y, m)),
      lastYear: str(total(Y - 1, m)),
      yoyPercent: growth === null ? null : growth.toNumber(),
      monthly: str(monthly(Y, m)),
      lastYearMonthly: str(monthly(Y - 1, m)),
    };
  });
  return { points, partial: same.length < children.length ? { month: M, reported: same.length, of: children.length } : null };
}

/** Counted YTD of one indicator per child of `region`, for the period's year and the one before. */
export async function getLikeForLikeSeries(region: RegionRef, indicator: { id: number; kind: "FLOW" | "STOCK" }, period: Period, counting: Counting = APPROVED_ONLY): Promise<LikeForLikeSeries> {
  const statuses = await countedStatuses(region.id, counting);
  const rows = await getPrisma().$queryRaw<{ child: number; year: number; month: number; value: string }[]>`
    WITH RECURSIVE tree(id, child) AS (
      SELECT id, id FROM "Region" WHERE "parentId" = ${region.id}
      UNION ALL SELECT r.id, t.child FROM "Region" r JOIN tree t ON r."parentId" = t.id
    )
    SELECT t.child, v.year, v.month, SUM(v.value)::text AS value
    FROM tree t
    JOIN "ReportValue" v ON v."regionId" = t.id
    JOIN "TownReport" r ON r.id = v."reportId"
    WHERE v."indicatorId" = ${indicator.id} AND v.year IN (${period.year - 1}, ${period.year})
      AND (v.year < ${period.year} OR v.month <= ${period.month})
      AND r.status IN (${statusList(statuses)})
    GROUP BY t.child, v.year, v.month`;
  const ytd: Ytd = new Map(rows.map((r) => [key(Number(r.child), Number(r.year), Number(r.month)), new Decimal(r.value)]));
  const children = [...new Set(rows.map((r) => Number(r.child)))];
  return likeForLikePoints(ytd, children, period, indicator.kind === "FLOW");
}
