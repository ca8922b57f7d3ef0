import "server-only";
// The city grid (/city/figures): a city reviewer types the month's figures of the city's counties.
// A county without town detail gets its county-level report through the report service itself
// (saveReport: its parsing, checks, optimistic version and audit — rule 1 of decision 016); a county
// WITH town detail shows its towns' total, read-only, and takes only the city table's figure
// (CityTableFigure, rule 2), compare-and-set on the value the reviewer saw, audited.
import { ApiError, forbidden } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { parseFigure } from "@/lib/input";
import { canEnterCityTable, type Caller } from "@/lib/permissions";
import { getRegionById, type RegionRef } from "@/lib/regions";
import { saveReport } from "@/lib/reports/service";
import { formatPeriodRange, toDecimal, type Period } from "@/lib/stats";
import { PEER_INDICATORS } from "./standing";

export type GridIndicator = { code: string; name: string; unit: string; precision: number; integerOnly: boolean; allowNegative: boolean };

export type GridRow = {
  code: string;
  name: string;
  /** peer: county-level figures typed here; detailed: a county with towns (its total is theirs). */
  kind: "peer" | "detailed";
  status: ReportStatus | null;
  /** The report's version (peer; 0 before its first save). */
  version: number;
  /** peer: the stored figures; detailed: the city table's figures as stored. */
  values: Record<string, string | null>;
  /** detailed: the towns' counted (submitted or approved) total per indicator. */
  towns?: Record<string, string | null>;
};

export type CityGrid = { city: { code: string; name: string }; period: Period; indicators: GridIndicator[]; rows: GridRow[] };

/** The city a city reviewer enters figures for: their own region, a city; forbidden for anyone else. */
export async function gridCity(user: Caller): Promise<RegionRef> {
  const city = user.regionId ? await getRegionById(user.regionId) : null;
  if (!city || city.level !== "CITY" || !(await canEnterCityTable(user, city.id))) throw forbidden();
  return city;
}

export async function getCityGrid(user: Caller, period: Period): Promise<CityGrid> {
  const city = await gridCity(user);
  const db = getPrisma();
  const indicators = await db.indicator.findMany({
    where: { code: { in: [...PEER_INDICATORS] }, active: true },
    select: { id: true, code: true, name: true, unit: true, precision: true, integerOnly: true, allowNegative: true, sortOrder: true },
    orderBy: { sortOrder: "asc" },
  });
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const counties = await db.region.findMany({
    where: { parentId: city.id, level: "COUNTY" },
    select: { id: true, code: true, name: true, _count: { select: { children: { where: { level: "TOWN" } } } } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const ids = counties.map((c) => c.id);
  const [reports, table, sums] = await Promise.all([
    db.townReport.findMany({ where: { regionId: { in: ids }, year: period.year, month: period.month }, select: { regionId: true, status: true, version: true, values: { select: { indicatorId: true, value: true } } } }),
    db.cityTableFigure.findMany({ where: { regionId: { in: ids }, year: period.year, month: period.month }, select: { regionId: true, indicatorId: true, value: true } }),
    db.$queryRaw<{ county: number; ind: number; total: string }[]>`
      SELECT t."parentId" AS county, v."indicatorId" AS ind, SUM(v.value)::text AS total
        FROM "ReportValue" v JOIN "Region" t ON t.id = v."regionId" JOIN "TownReport" r ON r.id = v."reportId"
       WHERE t."parentId" = ANY(${ids}::int[]) AND t.level = 'TOWN' AND v.year = ${period.year} AND v.month = ${period.month} AND r.status IN ('SUBMITTED', 'APPROVED')
       GROUP BY 1, 2`,
  ]);
  const empty = () => Object.fromEntries(indicators.map((i) => [i.code, null])) as Record<string, string | null>;
  const rows = counties.map((c): GridRow => {
    if (c._count.children > 0) {
      const values = empty();
      for (const f of table.filter((f) => f.regionId === c.id)) if (codeOf.has(f.indicatorId)) values[codeOf.get(f.indicatorId)!] = f.value.toString();
      const towns = empty();
      for (const s of sums.filter((s) => s.county === c.id)) if (codeOf.has(s.ind)) towns[codeOf.get(s.ind)!] = s.total;
      return { code: c.code, name: c.name, kind: "detailed", status: null, version: 0, values, towns };
    }
    const r = reports.find((x) => x.regionId === c.id);
    const values = empty();
    for (const v of r?.values ?? []) if (codeOf.has(v.indicatorId)) values[codeOf.get(v.indicatorId)!] = v.value.toString();
    return { code: c.code, name: c.name, kind: "peer", status: r?.status ?? null, version: r?.version ?? 0, values };
  });
  return { city: { code: city.code, name: city.name }, period, indicators: indicators.map(({ id: _id, sortOrder: _s, ...i }) => i), rows };
}

/** One row as the browser sends it: the typed texts, and what it showed (version, or the table's values). */
export type GridSave = { code: string; version: number; values: Record<string, string>; seen?: Record<string, string | null> };

export type GridSaveResult = { saved: string[]; errors: Record<string, string> };

/** Saves each changed row on its own (one county's conflict does not lose the others'); errors by county code. */
export async function saveCityGrid(user: Caller, period: Period, rows: GridSave[]): Promise<GridSaveResult> {
  const city = await gridCity(user);
  const db = getPrisma();
  const counties = await db.region.findMany({
    where: { parentId: city.id, level: "COUNTY", code: { in: rows.map((r) => r.code) } },
    select: { id: true, code: true, name: true, _count: { select: { children: { where: { level: "TOWN" } } } } },
  });
  const out: GridSaveResult = { saved: [], errors: {} };
  for (const row of rows) {
    const county = counties.find((c) => c.code === row.code);
    if (!county) {
      out.errors[row.code] = "该县（市、区）不属于本市";
      continue;
    }
    try {
      if (county._count.children > 0) await saveTableRow(user, county, period, row);
      else await saveReport(user, county.code, period, { values: row.values, version: row.version });
      out.saved.push(row.code);
    } catch (error) {
      // A stale version (ConflictError) names who saved first and the version now; any other refusal says why.
      if (error instanceof ApiError) out.errors[row.code] = `${county.name}：${error.message}`;
      else throw error;
    }
  }
  return out;
}

/** Rule 2: the city table's figures of a county with towns, each set only if it still holds what the reviewer saw. */
async function saveTableRow(user: Caller, county: { id: number; code: string; name: string }, period: Period, row: GridSave) {
  const db = getPrisma();
  const indicators = await db.indicator.findMany({ where: { code: { in: Object.keys(row.values) }, active: true }, select: { id: true, code: true, name: true, unit: true, integerOnly: true, allowNegative: true } });
  const parsed = new Map<string, string | null>();
  const wrong: string[] = [];
  for (const ind of indicators) {
    const r = parseFigure(row.values[ind.code] ?? "", { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
    if (r.ok) parsed.set(ind.code, r.value);
    else wrong.push(`${ind.name}：${r.message}`);
  }
  if (wrong.length > 0) throw new ApiError("bad_request", wrong.join("；"));
  await db.$transaction(async (tx) => {
    const audit = [];
    for (const ind of indicators) {
      const value = parsed.get(ind.code) ?? null;
      const where = { regionId_indicatorId_year_month: { regionId: county.id, indicatorId: ind.id, year: period.year, month: period.month } };
      const stored = (await tx.cityTableFigure.findUnique({ where, select: { value: true } }))?.value.toString() ?? null;
      const seen = row.seen?.[ind.code] ?? null;
      if (!same(stored, seen)) throw new ApiError("conflict", `${ind.name}的市表数已被他人改为${stored ?? "空"}，请刷新后再改`);
      if (same(stored, value)) continue;
      if (value === null) await tx.cityTableFigure.delete({ where });
      else await tx.cityTableFigure.upsert({ where, create: { regionId: county.id, indicatorId: ind.id, year: period.year, month: period.month, value, source: "市级录入", createdById: user.id }, update: { value, source: "市级录入", createdById: user.id, createdAt: new Date(), importId: null } });
      audit.push({ action: "update", entity: "CityTableFigure", entityId: `${county.id}:${period.year}-${period.month}`, regionId: county.id, year: period.year, month: period.month, field: `${ind.name}（市表核对数）`, oldValue: stored, newValue: value, reason: `${formatPeriodRange(period.year, period.month)}全市分县表录入` });
    }
    await recordAudit(tx, user, audit);
  });
}

function same(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return toDecimal(a)!.eq(toDecimal(b)!);
}
