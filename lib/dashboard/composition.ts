import "server-only";
// Composition of enterprises' 工业总产值 (YTD) for a period, by industry 大类 and by park, for
// the towns under a region. Sums are exact (SQL numeric); shares computed with lib/stats.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { industryLabel } from "@/lib/enterprises/industries";
import { sharePercent, type Period } from "@/lib/stats";

export type CompositionRow = { key: string; name: string; value: number; valueText: string; sharePercent: number | null };

type Raw = { key: string | null; name: string | null; value: string };

const subtree = (regionId: number) => getPrisma().$queryRaw<{ id: number }[]>`
  WITH RECURSIVE sub(id) AS (
    SELECT id FROM "Region" WHERE id = ${regionId}
    UNION ALL SELECT r.id FROM "Region" r JOIN sub ON r."parentId" = sub.id
  ) SELECT id FROM sub`;

function toRows(raw: Raw[], label: (r: Raw) => string): CompositionRow[] {
  const total = raw.reduce((acc, r) => acc.plus(r.value), new Decimal(0));
  return raw
    .map((r) => {
      const share = sharePercent(new Decimal(r.value), total);
      return { key: r.key ?? "none", name: label(r), value: new Decimal(r.value).toNumber(), valueText: new Decimal(r.value).toFixed(), sharePercent: share === null ? null : share.toNumber() };
    })
    .sort((a, b) => b.value - a.value);
}

export async function getComposition(regionId: number, period: Period) {
  const ids = (await subtree(regionId)).map((r) => r.id);
  if (ids.length === 0) return { bySector: [], byPark: [] };
  const db = getPrisma();
  const [sector, park] = await Promise.all([
    db.$queryRaw<Raw[]>`
      SELECT substring(e."industryCode", 1, 3) AS key, NULL AS name, SUM(v.value)::text AS value
      FROM "EnterpriseValue" v
      JOIN "Enterprise" e ON e.id = v."enterpriseId"
      JOIN "Indicator" i ON i.id = v."indicatorId" AND i.code = 'gross_output'
      WHERE v.year = ${period.year} AND v.month = ${period.month} AND e."townId" IN (${Prisma.join(ids)})
      GROUP BY 1`,
    db.$queryRaw<Raw[]>`
      SELECT p.id::text AS key, p.name AS name, SUM(v.value)::text AS value
      FROM "EnterpriseValue" v
      JOIN "Enterprise" e ON e.id = v."enterpriseId"
      JOIN "Indicator" i ON i.id = v."indicatorId" AND i.code = 'gross_output'
      LEFT JOIN "Park" p ON p.id = e."parkId"
      WHERE v.year = ${period.year} AND v.month = ${period.month} AND e."townId" IN (${Prisma.join(ids)})
      GROUP BY p.id, p.name`,
  ]);
  return {
    bySector: toRows(sector, (r) => industryLabel(r.key ?? "")),
    byPark: toRows(park, (r) => r.name ?? "园区外企业"),
  };
}
