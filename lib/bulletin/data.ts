import "server-only";
// Everything the bulletin says, fetched as plain data. The town and county figures are the
// dashboard's own computation (getRegionOverview); parks, projects, attraction and enterprise
// tiers are read from their tables for the same period.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import { getRegionOverview } from "@/lib/overview/query";
import type { RegionRef } from "@/lib/regions";
import { enterpriseOutputTier, isTaxOverMillion } from "@/lib/stats";
import type { AttractionFigures, BulletinData, EnterpriseTierFigures, ParkFigures, ProjectFigures } from "./types";

const str = (d: { toString(): string } | null | undefined) => (d == null ? null : d.toString());

export async function getBulletinData(county: RegionRef, year: number, month: number): Promise<BulletinData> {
  const db = getPrisma();
  const overview = await getRegionOverview(county, year, month);
  const towns = await db.region.findMany({ where: { parentId: county.id }, select: { id: true, name: true } });
  const townIds = towns.map((t) => t.id);
  const townName = new Map(towns.map((t) => [t.id, t.name]));
  const [parks, projects, attraction, enterprises] = await Promise.all([
    parkFigures(townIds, year, month),
    projectFigures(townIds, townName, year, month),
    attractionFigures(townIds, year, month),
    enterpriseTiers(townIds, year, month),
  ]);
  return {
    county: { code: county.code, name: county.name },
    year,
    month,
    timeProgressPercent: overview.timeProgressPercent,
    indicators: Object.fromEntries(overview.indicators.map((i) => [i.code, i])),
    totals: overview.totals,
    towns: overview.children.map((c) => ({ code: c.region.code, name: c.region.name, cells: c.values })),
    parks,
    projects,
    attraction,
    enterprises,
  };
}

async function parkFigures(townIds: number[], year: number, month: number): Promise<ParkFigures[]> {
  const parks = await getPrisma().park.findMany({
    where: { townId: { in: townIds } },
    select: { name: true, level: true, values: { where: { month, year: { in: [year, year - 1] } }, select: { year: true, developedArea: true, enterpriseCount: true, salesRevenue: true, profitTax: true, infrastructureInvestment: true } } },
    orderBy: { id: "asc" },
  });
  return parks.map((p) => {
    const now = p.values.find((v) => v.year === year);
    const last = p.values.find((v) => v.year === year - 1);
    return {
      name: p.name, level: p.level,
      developedArea: str(now?.developedArea), enterpriseCount: now?.enterpriseCount ?? null,
      salesRevenue: str(now?.salesRevenue), salesRevenueLastYear: str(last?.salesRevenue),
      profitTax: str(now?.profitTax), profitTaxLastYear: str(last?.profitTax),
      infrastructureInvestment: str(now?.infrastructureInvestment),
    };
  });
}

async function projectFigures(townIds: number[], townName: Map<number, string>, year: number, month: number): Promise<ProjectFigures[]> {
  const rows = await getPrisma().project.findMany({
    where: { townId: { in: townIds } },
    select: { name: true, townId: true, totalInvestment: true, stage: true, yearPlans: { where: { year }, select: { planned: true } }, progress: { where: { year, month }, select: { completedYtd: true } } },
    orderBy: [{ totalInvestment: "desc" }, { id: "asc" }],
  });
  return rows.map((p) => ({ name: p.name, town: townName.get(p.townId) ?? "", totalInvestment: p.totalInvestment.toString(), stage: p.stage, yearPlanned: str(p.yearPlans[0]?.planned), completedYtd: str(p.progress[0]?.completedYtd) }));
}

async function attractionFigures(townIds: number[], year: number, month: number): Promise<AttractionFigures | null> {
  const db = getPrisma();
  const [records, rates] = await Promise.all([
    db.attractionRecord.findMany({ where: { townId: { in: townIds }, year, month: { lte: month } }, select: { month: true, currency: true, plannedAmount: true, arrivedAmount: true } }),
    db.period.findMany({ where: { year, month: { lte: month } }, select: { month: true, usdRate: true } }),
  ]);
  if (records.length === 0) return null;
  const rate = new Map(rates.filter((r) => r.usdRate !== null).map((r) => [r.month, new Decimal(r.usdRate!.toString())]));
  let planned = new Decimal(0), arrived = new Decimal(0), usdPlanned = new Decimal(0), usdArrived = new Decimal(0);
  let usdCount = 0, unconverted = 0;
  for (const r of records) {
    const p = new Decimal(r.plannedAmount.toString());
    const a = new Decimal(r.arrivedAmount.toString());
    if (r.currency === "USD") {
      usdCount++;
      usdPlanned = usdPlanned.plus(p);
      usdArrived = usdArrived.plus(a);
      const fx = rate.get(r.month);
      if (!fx) {
        unconverted++;
        continue;
      }
      planned = planned.plus(p.times(fx));
      arrived = arrived.plus(a.times(fx));
    } else {
      planned = planned.plus(p);
      arrived = arrived.plus(a);
    }
  }
  return {
    signed: records.length, plannedWan: planned.toFixed(), arrivedWan: arrived.toFixed(), unconverted,
    usd: usdCount > 0 ? { count: usdCount, plannedWanUsd: usdPlanned.toFixed(), arrivedWanUsd: usdArrived.toFixed() } : null,
  };
}

async function enterpriseTiers(townIds: number[], year: number, month: number): Promise<EnterpriseTierFigures | null> {
  const rows = await getPrisma().$queryRawUnsafe<{ id: number; code: string; value: string }[]>(
    `SELECT ev."enterpriseId" AS id, i.code, ev.value::text AS value FROM "EnterpriseValue" ev
       JOIN "Enterprise" e ON e.id = ev."enterpriseId" JOIN "Indicator" i ON i.id = ev."indicatorId"
      WHERE e."townId" = ANY($1::int[]) AND ev.year = $2 AND ev.month = $3 AND i.code IN ('gross_output', 'tax')`,
    townIds, year, month,
  );
  if (rows.length === 0) return null;
  const out: EnterpriseTierFigures = { reporting: 0, over100m: 0, over50m: 0, over20m: 0, taxOverMillion: 0 };
  const seen = new Set<number>();
  for (const r of rows) {
    seen.add(r.id);
    if (r.code === "tax" && isTaxOverMillion(r.value)) out.taxOverMillion++;
    if (r.code !== "gross_output") continue;
    const tier = enterpriseOutputTier(r.value);
    if (tier) out[tier]++;
  }
  out.reporting = seen.size;
  return out;
}
