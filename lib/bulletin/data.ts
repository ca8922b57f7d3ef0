import "server-only";
// Everything the bulletin says, fetched as plain data, each part by the query its own page and
// export use: the town and county figures are the dashboard's (getRegionOverview), parks,
// projects, 招商引资 and enterprises come from the lists behind /parks, /projects, /attraction
// and /enterprises (and /api/v1/export/*), so the bulletin cannot disagree with them.
import Decimal from "decimal.js";
import { attractionFilterSchema } from "@/lib/attraction/filters";
import { listAttraction } from "@/lib/attraction/list";
import { getPrisma } from "@/lib/db/client";
import { getForecastFor } from "@/lib/forecast/query";
import { enterpriseFilterSchema } from "@/lib/enterprises/filters";
import { listEnterprises } from "@/lib/enterprises/list";
import { getRegionOverview } from "@/lib/overview/query";
import { getPeerStanding } from "@/lib/peers/query";
import { listParks, PARK_LEVEL_LABELS } from "@/lib/parks/list";
import { projectFilterSchema } from "@/lib/projects/filters";
import { listProjects } from "@/lib/projects/list";
import type { RegionRef } from "@/lib/regions";
import { enterpriseOutputTier, isTaxOverMillion, type Period } from "@/lib/stats";
import type { AttractionFigures, BulletinData, EnterpriseTierFigures, ParkFigures, ProjectFigures } from "./types";

export async function getBulletinData(county: RegionRef, year: number, month: number): Promise<BulletinData> {
  const period = { year, month };
  const overview = await getRegionOverview(county, year, month);
  const towns = await getPrisma().region.findMany({ where: { parentId: county.id }, select: { id: true } });
  const townIds = towns.map((t) => t.id);
  // One after another: the embedded database has a single connection.
  const parks = await parkFigures(townIds, period);
  const projects = await projectFigures(townIds, period);
  const attraction = await attractionFigures(townIds, period);
  const enterprises = await enterpriseTiers(townIds, period);
  const forecast = await getForecastFor(county, year, month, "gross_output");
  const peers = await getPeerStanding(county, period);
  return {
    county: { code: county.code, name: county.name },
    year,
    month,
    timeProgressPercent: overview.timeProgressPercent,
    indicators: Object.fromEntries(overview.indicators.map((i) => [i.code, i])),
    totals: overview.totals,
    growthExcluded: overview.growthExcluded,
    towns: overview.children.map((c) => ({ code: c.region.code, name: c.region.name, cells: c.values })),
    parks,
    projects,
    attraction,
    enterprises,
    forecast,
    peers,
  };
}

async function parkFigures(townIds: number[], period: Period): Promise<ParkFigures[]> {
  const now = await listParks(townIds, period);
  const last = new Map((await listParks(townIds, { year: period.year - 1, month: period.month })).map((p) => [p.id, p]));
  return now.map((p) => ({
    name: p.name,
    level: PARK_LEVEL_LABELS[p.level],
    developedArea: p.developedArea,
    enterpriseCount: p.enterpriseCount,
    salesRevenue: p.salesRevenue,
    salesRevenueLastYear: last.get(p.id)?.salesRevenue ?? null,
    profitTax: p.profitTax,
    profitTaxLastYear: last.get(p.id)?.profitTax ?? null,
    infrastructureInvestment: p.infrastructureInvestment,
  }));
}

async function projectFigures(townIds: number[], period: Period): Promise<ProjectFigures[]> {
  const { rows } = await listProjects(townIds, period, projectFilterSchema.parse({}), { all: true });
  return rows.map((p) => ({ name: p.name, town: p.townName, totalInvestment: p.totalInvestment, stage: p.stage, yearPlanned: p.yearPlan, completedYtd: p.completedYtd }));
}

/** 1–N月 signed records; USD converted at the rate of each record's own period, as the 招商引资 page does. */
async function attractionFigures(townIds: number[], period: Period): Promise<AttractionFigures | null> {
  const { rows, totals } = await listAttraction(townIds, period, attractionFilterSchema.parse({}), { all: true });
  if (rows.length === 0) return null;
  const usd = rows.filter((r) => r.currency === "USD");
  const sum = (xs: string[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed();
  return {
    signed: rows.length,
    plannedWan: totals.planned,
    arrivedWan: totals.arrived,
    arrivedCount: totals.arrivedCount,
    usd: usd.length > 0 ? { count: usd.length, plannedWanUsd: sum(usd.map((r) => r.plannedAmount)), arrivedWanUsd: sum(usd.map((r) => r.arrivedAmount)) } : null,
    unconverted: usd.filter((r) => r.plannedCny === null).length,
  };
}

/** Enterprises that reported output or tax for the period, by output tier and 税收过百万. */
async function enterpriseTiers(townIds: number[], period: Period): Promise<EnterpriseTierFigures | null> {
  const { rows } = await listEnterprises(townIds, period, enterpriseFilterSchema.parse({}), { all: true });
  const reporting = rows.filter((r) => r.output !== null || r.tax !== null);
  if (reporting.length === 0) return null;
  const out: EnterpriseTierFigures = { reporting: reporting.length, over100m: 0, over50m: 0, over20m: 0, taxOverMillion: 0 };
  for (const r of reporting) {
    const tier = enterpriseOutputTier(r.output);
    if (tier) out[tier]++;
    if (isTaxOverMillion(r.tax)) out.taxOverMillion++;
  }
  return out;
}
