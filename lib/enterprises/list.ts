import "server-only";
// The enterprise list: scope (readable towns) and every filter in the SQL, sorted by the period's
// 工业总产值 (YTD) or by name, paginated. Amounts are decimal strings in 万元.
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/stats";
import { PAGE_SIZE, TIER_BOUNDS, type EnterpriseFilters } from "./filters";

export type EnterpriseListRow = {
  id: number;
  name: string;
  creditCode: string;
  industryCode: string;
  aboveScale: boolean;
  ownership: "PRIVATE" | "STATE" | "FOREIGN" | "HMT";
  townCode: string;
  townName: string;
  parkId: number | null;
  parkName: string | null;
  output: string | null;
  sales: string | null;
  tax: string | null;
};

async function indicatorIds() {
  const rows = await getPrisma().indicator.findMany({ where: { code: { in: ["gross_output", "sales_revenue", "tax"] } }, select: { id: true, code: true } });
  const id = (c: string) => rows.find((r) => r.code === c)?.id ?? -1;
  return { output: id("gross_output"), sales: id("sales_revenue"), tax: id("tax") };
}

function whereClause(townIds: number[], f: EnterpriseFilters) {
  const parts = [Prisma.sql`e."townId" IN (${townIds.length ? Prisma.join(townIds) : Prisma.sql`NULL`})`];
  if (f.q) parts.push(Prisma.sql`(e.name ILIKE ${`%${f.q}%`} OR e."creditCode" = ${f.q.toUpperCase()})`);
  if (f.town) parts.push(Prisma.sql`t.code = ${f.town}`);
  if (f.park) parts.push(Prisma.sql`e."parkId" = ${f.park}`);
  if (f.industry) parts.push(Prisma.sql`e."industryCode" LIKE ${`${f.industry}%`}`);
  if (f.scale) parts.push(Prisma.sql`e."aboveScale" = ${f.scale === "above"}`);
  if (f.tier) {
    const [lo, hi] = TIER_BOUNDS[f.tier];
    parts.push(Prisma.sql`o.value >= ${lo}`);
    if (hi !== null) parts.push(Prisma.sql`o.value < ${hi}`);
  }
  return Prisma.join(parts, " AND ");
}

const ORDER = {
  output_desc: Prisma.sql`o.value DESC NULLS LAST, e.id`,
  output_asc: Prisma.sql`o.value ASC NULLS LAST, e.id`,
  name: Prisma.sql`e.name, e.id`,
} as const;

/** One page (or, for exports, every row up to `limit`) of the enterprises matching the filters. */
export async function listEnterprises(townIds: number[], period: Period | null, f: EnterpriseFilters, opts: { all?: boolean } = {}) {
  const ids = await indicatorIds();
  const y = period?.year ?? 0;
  const m = period?.month ?? 0;
  const joins = Prisma.sql`
    FROM "Enterprise" e
    JOIN "Region" t ON t.id = e."townId"
    LEFT JOIN "Park" p ON p.id = e."parkId"
    LEFT JOIN "EnterpriseValue" o ON o."enterpriseId" = e.id AND o."indicatorId" = ${ids.output} AND o.year = ${y} AND o.month = ${m}`;
  const where = whereClause(townIds, f);
  const limit = opts.all ? 20000 : PAGE_SIZE;
  const offset = opts.all ? 0 : (f.page - 1) * PAGE_SIZE;
  const db = getPrisma();
  const [rows, count] = await Promise.all([
    db.$queryRaw<EnterpriseListRow[]>`
      SELECT e.id, e.name, e."creditCode", e."industryCode", e."aboveScale", e.ownership::text AS ownership,
             t.code AS "townCode", t.name AS "townName", p.id AS "parkId", p.name AS "parkName",
             o.value::text AS output, s.value::text AS sales, x.value::text AS tax
      ${joins}
      LEFT JOIN "EnterpriseValue" s ON s."enterpriseId" = e.id AND s."indicatorId" = ${ids.sales} AND s.year = ${y} AND s.month = ${m}
      LEFT JOIN "EnterpriseValue" x ON x."enterpriseId" = e.id AND x."indicatorId" = ${ids.tax} AND x.year = ${y} AND x.month = ${m}
      WHERE ${where}
      ORDER BY ${ORDER[f.sort]}
      LIMIT ${limit} OFFSET ${offset}`,
    db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n ${joins} WHERE ${where}`,
  ]);
  const total = Number(count[0]?.n ?? 0);
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id), parkId: r.parkId === null ? null : Number(r.parkId) })), total, page: f.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Facets for the filter form: parks and industry divisions present in the scope. */
export async function enterpriseFacets(townIds: number[]) {
  const db = getPrisma();
  const [parks, industries] = await Promise.all([
    db.park.findMany({ where: { townId: { in: townIds } }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    db.$queryRaw<{ division: string }[]>`
      SELECT DISTINCT substring("industryCode", 1, 3) AS division FROM "Enterprise"
      WHERE "townId" IN (${townIds.length ? Prisma.join(townIds) : Prisma.sql`NULL`}) ORDER BY 1`,
  ]);
  return { parks, industries: industries.map((i) => i.division) };
}
