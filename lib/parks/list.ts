import "server-only";
// Parks in scope with the period's figures, and the share of enterprises' output each holds.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { sharePercent, type Period } from "@/lib/stats";

export const PARK_LEVEL_LABELS = { PROVINCIAL: "省级开发区", MUNICIPAL: "地级示范园区", TOWNSHIP: "乡镇集中区" } as const;

export type ParkRow = {
  id: number;
  name: string;
  level: keyof typeof PARK_LEVEL_LABELS;
  townCode: string;
  townName: string;
  plannedArea: string;
  developedArea: string | null;
  infrastructureInvestment: string | null;
  enterpriseCount: number | null;
  salesRevenue: string | null;
  profitTax: string | null;
  output: string | null;
  outputSharePercent: number | null;
};

export async function listParks(townIds: number[], period: Period | null, opts: { townCode?: string } = {}): Promise<ParkRow[]> {
  const y = period?.year ?? 0;
  const m = period?.month ?? 0;
  const inScope = Prisma.sql`(${townIds.length ? Prisma.join(townIds) : Prisma.sql`NULL`})`;
  const db = getPrisma();
  const [rows, total] = await Promise.all([
    db.$queryRaw<Omit<ParkRow, "outputSharePercent">[]>`
      SELECT p.id, p.name, p.level::text AS level, t.code AS "townCode", t.name AS "townName", p."plannedArea"::text AS "plannedArea",
             v."developedArea"::text AS "developedArea", v."infrastructureInvestment"::text AS "infrastructureInvestment",
             v."enterpriseCount" AS "enterpriseCount", v."salesRevenue"::text AS "salesRevenue", v."profitTax"::text AS "profitTax",
             (SELECT SUM(ev.value) FROM "EnterpriseValue" ev JOIN "Enterprise" e ON e.id = ev."enterpriseId"
               JOIN "Indicator" i ON i.id = ev."indicatorId" AND i.code = 'gross_output'
               WHERE e."parkId" = p.id AND ev.year = ${y} AND ev.month = ${m})::text AS output
      FROM "Park" p JOIN "Region" t ON t.id = p."townId"
      LEFT JOIN "ParkValue" v ON v."parkId" = p.id AND v.year = ${y} AND v.month = ${m}
      WHERE p."townId" IN ${inScope} ${opts.townCode ? Prisma.sql`AND t.code = ${opts.townCode}` : Prisma.empty}
      ORDER BY p.id`,
    db.$queryRaw<{ total: string | null }[]>`
      SELECT SUM(ev.value)::text AS total FROM "EnterpriseValue" ev JOIN "Enterprise" e ON e.id = ev."enterpriseId"
      JOIN "Indicator" i ON i.id = ev."indicatorId" AND i.code = 'gross_output'
      WHERE e."townId" IN ${inScope} AND ev.year = ${y} AND ev.month = ${m}`,
  ]);
  const sum = total[0]?.total ? new Decimal(total[0].total) : null;
  return rows.map((r) => {
    const share = r.output && sum ? sharePercent(new Decimal(r.output), sum) : null;
    return { ...r, id: Number(r.id), enterpriseCount: r.enterpriseCount === null ? null : Number(r.enterpriseCount), outputSharePercent: share === null ? null : share.toNumber() };
  });
}

export async function getPark(id: number, townIds: number[]) {
  return getPrisma().park.findFirst({
    where: { id, townId: { in: townIds } },
    select: {
      id: true, name: true, level: true, plannedArea: true, leadingIndustries: true, version: true, townId: true,
      town: { select: { code: true, name: true } },
      values: { select: { year: true, month: true, developedArea: true, infrastructureInvestment: true, enterpriseCount: true, salesRevenue: true, profitTax: true }, orderBy: [{ year: "asc" }, { month: "asc" }] },
    },
  });
}
