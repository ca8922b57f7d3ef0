import "server-only";
// 招商引资 records signed in the period's year up to its month (1–N月), scope and filters in the SQL.
// USD amounts convert to 万元 at the usdRate of the record's own period, exactly (decimal.js).
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/stats";
import { ATTRACTION_PAGE_SIZE, type AttractionFilters } from "./filters";

type Raw = { id: number; name: string; investor: string; townCode: string; townName: string; year: number; month: number; currency: "CNY" | "USD"; plannedAmount: string; arrivedAmount: string; usdRate: string | null };

export type AttractionRow = Omit<Raw, "usdRate"> & { usdRate: string | null; plannedCny: string | null; arrivedCny: string | null };

/** 万 of the original currency → 万元; null when a USD amount has no rate for its period. */
export function toCny(amount: string, currency: "CNY" | "USD", usdRate: string | null): string | null {
  if (currency === "CNY") return new Decimal(amount).toFixed();
  return usdRate === null ? null : new Decimal(amount).times(usdRate).toFixed();
}

function whereClause(townIds: number[], period: Period | null, f: AttractionFilters) {
  const parts = [Prisma.sql`a."townId" IN (${townIds.length ? Prisma.join(townIds) : Prisma.sql`NULL`})`];
  parts.push(period ? Prisma.sql`a.year = ${period.year} AND a.month <= ${period.month}` : Prisma.sql`FALSE`);
  if (f.q) parts.push(Prisma.sql`a.name ILIKE ${`%${f.q}%`}`);
  if (f.town) parts.push(Prisma.sql`t.code = ${f.town}`);
  if (f.currency) parts.push(Prisma.sql`a.currency::text = ${f.currency}`);
  if (f.arrived === "yes") parts.push(Prisma.sql`a."arrivedAmount" > 0`);
  if (f.arrived === "no") parts.push(Prisma.sql`a."arrivedAmount" = 0`);
  return Prisma.join(parts, " AND ");
}

export async function listAttraction(townIds: number[], period: Period | null, f: AttractionFilters, opts: { all?: boolean } = {}) {
  const from = Prisma.sql`FROM "AttractionRecord" a JOIN "Region" t ON t.id = a."townId" LEFT JOIN "Period" p ON p.year = a.year AND p.month = a.month`;
  const where = whereClause(townIds, period, f);
  const limit = opts.all ? 20000 : ATTRACTION_PAGE_SIZE;
  const offset = opts.all ? 0 : (f.page - 1) * ATTRACTION_PAGE_SIZE;
  const db = getPrisma();
  const [raw, all] = await Promise.all([
    db.$queryRaw<Raw[]>`
      SELECT a.id, a.name, a.investor, t.code AS "townCode", t.name AS "townName", a.year, a.month, a.currency::text AS currency,
             a."plannedAmount"::text AS "plannedAmount", a."arrivedAmount"::text AS "arrivedAmount", p."usdRate"::text AS "usdRate"
      ${from} WHERE ${where} ORDER BY a.year DESC, a.month DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
    // Totals over every matching record (not just this page), converted row by row.
    db.$queryRaw<Pick<Raw, "currency" | "plannedAmount" | "arrivedAmount" | "usdRate">[]>`
      SELECT a.currency::text AS currency, a."plannedAmount"::text AS "plannedAmount", a."arrivedAmount"::text AS "arrivedAmount", p."usdRate"::text AS "usdRate"
      ${from} WHERE ${where}`,
  ]);
  const rows: AttractionRow[] = raw.map((r) => ({ ...r, id: Number(r.id), year: Number(r.year), month: Number(r.month), plannedCny: toCny(r.plannedAmount, r.currency, r.usdRate), arrivedCny: toCny(r.arrivedAmount, r.currency, r.usdRate) }));
  const sum = (pick: "plannedAmount" | "arrivedAmount") => all.reduce((acc, r) => acc.plus(toCny(r[pick], r.currency, r.usdRate) ?? 0), new Decimal(0)).toFixed();
  const total = all.length;
  return { rows, total, page: f.page, pageCount: Math.max(1, Math.ceil(total / ATTRACTION_PAGE_SIZE)), totals: { planned: sum("plannedAmount"), arrived: sum("arrivedAmount"), arrivedCount: all.filter((r) => new Decimal(r.arrivedAmount).gt(0)).length } };
}
