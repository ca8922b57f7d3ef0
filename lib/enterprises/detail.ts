import "server-only";
// One enterprise (scope in the where) with its monthly figures for a year beside last year's.
import Decimal from "decimal.js";
import type { TrendRow } from "@/lib/dashboard/chart-rows";
import { getPrisma } from "@/lib/db/client";
import { increase, yoyPercent } from "@/lib/stats";

export const ENTERPRISE_CODES = ["gross_output", "sales_revenue", "profit", "tax"] as const;
export type EnterpriseCode = (typeof ENTERPRISE_CODES)[number];

export async function getEnterprise(id: number, townIds: number[]) {
  return getPrisma().enterprise.findFirst({
    where: { id, townId: { in: townIds } },
    select: {
      id: true, name: true, creditCode: true, industryCode: true, ownership: true, aboveScale: true, version: true, townId: true, parkId: true,
      town: { select: { code: true, name: true } },
      park: { select: { id: true, name: true } },
      scaleHistory: { select: { year: true, month: true, aboveScale: true, note: true }, orderBy: [{ year: "asc" }, { month: "asc" }] },
    },
  });
}

export type MonthRow = { month: number; values: Record<EnterpriseCode, { ytd: string | null; lastYear: string | null; monthly: string | null; yoyPercent: number | null }> };

/** Months 1..`through` of `year`: YTD, last year's YTD, 当月 and 同比 per indicator (exact decimals as strings). */
export async function getEnterpriseMonthly(id: number, year: number, through: number): Promise<{ months: MonthRow[]; trend: TrendRow[] }> {
  const rows = await getPrisma().enterpriseValue.findMany({
    where: { enterpriseId: id, year: { in: [year, year - 1] }, indicator: { code: { in: [...ENTERPRISE_CODES] } } },
    select: { year: true, month: true, value: true, indicator: { select: { code: true } } },
  });
  const map = new Map(rows.map((r) => [`${r.indicator.code}|${r.year}|${r.month}`, new Decimal(r.value.toString())]));
  const at = (c: string, y: number, m: number) => map.get(`${c}|${y}|${m}`) ?? null;
  const single = (c: string, y: number, m: number) => (m === 1 ? at(c, y, 1) : increase(at(c, y, m), at(c, y, m - 1)));
  const s = (d: Decimal | null) => (d === null ? null : d.toFixed());
  const months = Array.from({ length: through }, (_, i) => i + 1).map((m) => ({
    month: m,
    values: Object.fromEntries(
      ENTERPRISE_CODES.map((c) => {
        const g = yoyPercent(at(c, year, m), at(c, year - 1, m));
        return [c, { ytd: s(at(c, year, m)), lastYear: s(at(c, year - 1, m)), monthly: s(single(c, year, m)), yoyPercent: g === null ? null : g.toNumber() }];
      }),
    ) as MonthRow["values"],
  }));
  const n = (d: Decimal | null) => (d === null ? null : d.toNumber());
  const trend = months.map((r) => ({
    label: `${r.month}月`,
    period: `${year}-${String(r.month).padStart(2, "0")}`,
    value: n(at("gross_output", year, r.month)),
    lastYear: n(at("gross_output", year - 1, r.month)),
    monthly: n(single("gross_output", year, r.month)),
    lastYearMonthly: n(single("gross_output", year - 1, r.month)),
  }));
  return { months, trend };
}
