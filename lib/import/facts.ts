import "server-only";
// Loads what a parse and a plan need from the database: reference lists (refs) before parsing,
// the stored rows the records touch (facts) after. Runs on the client or inside the commit's
// transaction, so the commit plans against fresh data.
import type { Tx } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import type { Ownership } from "@/lib/generated/prisma/enums";
import { numberArray, textArray } from "./bulk";
import type { Period } from "@/lib/stats";
import type { IndicatorRef } from "./columns";
import type { StoredEnterprise } from "./plan-enterprises";
import type { StoredReport, TownFacts } from "./plan-figures";
import { projectKey, type StoredProject } from "./plan-projects";
import type { EnterpriseValuesRecord, Figures, PlanRecord, ProjectRecord, TownValuesRecord } from "./records";
import type { Refs, TownRef } from "./refs";
import type { ImportKind } from "./types";

type Q = Db | Tx;

export async function loadIndicatorRefs(db: Q): Promise<IndicatorRef[]> {
  const rows = await db.indicator.findMany({
    where: { active: true },
    select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, allowNegative: true, integerOnly: true, onTownForm: true, onEnterpriseForm: true, yoyWarnPercent: true, planWarnPercent: true, magnitudeWarnRatio: true },
    orderBy: { sortOrder: "asc" },
  });
  return rows.map((r) => ({ ...r, yoyWarnPercent: r.yoyWarnPercent.toString(), planWarnPercent: r.planWarnPercent.toString(), magnitudeWarnRatio: r.magnitudeWarnRatio.toString() }));
}

/**
 * `enterprises: false` skips the county's enterprises (the commit: its records already carry
 * enterprise ids; loading 50k enterprises again would only cost time).
 */
export async function loadRefs(db: Q, kind: ImportKind, county: TownRef, onlyTownId: number | null, defaultPeriod: Period | null, opts: { enterprises?: boolean } = {}): Promise<Refs> {
  const towns = await db.region.findMany({ where: { parentId: county.id }, select: { id: true, code: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const townIds = towns.map((t) => t.id);
  const [indicators, parks, enterprises] = await Promise.all([
    loadIndicatorRefs(db),
    db.park.findMany({ where: { townId: { in: townIds } }, select: { id: true, name: true, townId: true } }),
    (kind === "enterprise_values" || kind === "projects") && opts.enterprises !== false ? loadCountyEnterprises(db, townIds) : Promise.resolve([]),
  ]);
  return { county, towns, indicators, parks, enterprises: new Map(enterprises.map((e) => [e.creditCode, e])), defaultPeriod, onlyTownId };
}

type EnterpriseRef = { id: number; creditCode: string; townId: number; name: string };

/**
 * A county's enterprises (50k in a large one) as one JSON text: PostgreSQL builds it and
 * JSON.parse reads it several times faster than Prisma turns 50k rows into objects.
 */
async function loadCountyEnterprises(db: Q, townIds: number[]): Promise<EnterpriseRef[]> {
  const [{ list }] = await db.$queryRawUnsafe<{ list: string | null }[]>(
    `SELECT json_agg(json_build_array(id, "creditCode", "townId", name))::text AS list FROM "Enterprise" WHERE "townId" = ANY($1::int[])`,
    numberArray(townIds),
  );
  return list ? (JSON.parse(list) as [number, string, number, string][]).map(([id, creditCode, townId, name]) => ({ id, creditCode, townId, name })) : [];
}

const figuresOf = (rows: { code: string; value: string }[]): Figures => Object.fromEntries(rows.map((r) => [r.code, r.value]));

export async function loadTownFacts(db: Q, records: TownValuesRecord[]): Promise<TownFacts> {
  const townIds = [...new Set(records.map((r) => r.townId))];
  const years = [...new Set(records.flatMap((r) => [r.year, r.year - 1]))];
  const reports = await db.townReport.findMany({
    where: { regionId: { in: townIds }, year: { in: years } },
    select: { id: true, regionId: true, year: true, month: true, status: true, version: true, values: { select: { value: true, indicator: { select: { code: true } } } } },
  });
  const plans = await db.annualPlan.findMany({ where: { regionId: { in: townIds }, year: { in: years } }, select: { regionId: true, year: true, value: true, indicator: { select: { code: true } } } });
  const planMap = new Map<string, Figures>();
  for (const p of plans) {
    const key = `${p.regionId}|${p.year}`;
    planMap.set(key, { ...(planMap.get(key) ?? {}), [p.indicator.code]: p.value.toString() });
  }
  const reportMap = new Map<string, StoredReport>(
    reports.map((r) => [`${r.regionId}|${r.year}|${r.month}`, { id: r.id, status: r.status, version: r.version, values: figuresOf(r.values.map((v) => ({ code: v.indicator.code, value: v.value.toString() }))) }]),
  );
  return { reports: reportMap, plans: planMap };
}

export async function loadPlanFacts(db: Q, records: PlanRecord[]): Promise<Map<string, Figures>> {
  const rows = await db.annualPlan.findMany({
    where: { regionId: { in: [...new Set(records.map((r) => r.regionId))] }, year: { in: [...new Set(records.map((r) => r.year))] } },
    select: { regionId: true, year: true, value: true, indicator: { select: { code: true } } },
  });
  const out = new Map<string, Figures>();
  for (const p of rows) {
    const key = `${p.regionId}|${p.year}`;
    out.set(key, { ...(out.get(key) ?? {}), [p.indicator.code]: p.value.toString() });
  }
  return out;
}

const CHUNK = 20_000;

/** The stored enterprises with these credit codes, by code (read as JSON text, like loadCountyEnterprises). */
export async function loadEnterpriseFacts(db: Q, codes: string[]): Promise<Map<string, StoredEnterprise>> {
  const out = new Map<string, StoredEnterprise>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const [{ list }] = await db.$queryRawUnsafe<{ list: string | null }[]>(
      `SELECT json_agg(json_build_array(id, "creditCode", name, "townId", "parkId", "industryCode", ownership::text, "aboveScale"))::text AS list
         FROM "Enterprise" WHERE "creditCode" = ANY($1::bpchar[])`,
      textArray(codes.slice(i, i + CHUNK)),
    );
    if (!list) continue;
    for (const [id, creditCode, name, townId, parkId, industryCode, ownership, aboveScale] of JSON.parse(list) as [number, string, string, number, number | null, string, Ownership, boolean][]) {
      out.set(creditCode, { id, creditCode, name, townId, parkId, industryCode, ownership, aboveScale });
    }
  }
  return out;
}

/**
 * Stored enterprise figures of the file's periods and the months before, by
 * `${enterpriseId}|${year}|${month}`, of the active indicators. The filter on indicator, year and
 * month lets the (indicatorId, year, month) index find the rows instead of reading every figure
 * of the county's enterprises. Years and months are filtered separately (the exact periods in JS):
 * a `year * 100 + month = ANY(…)` condition made the planner expect a handful of rows and probe
 * the enterprises 200k times instead of hashing them (1.2 s instead of 0.2 s). The rows come back as
 * one string (`enterpriseId,year,month,indicatorId,value;…`): 200k rows as objects cost Prisma
 * ≈2× the time.
 */
export async function loadEnterpriseValueFacts(db: Q, records: EnterpriseValuesRecord[], townIds: number[], indicators: IndicatorRef[]): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  const periods = new Set<number>();
  for (const r of records) {
    periods.add(r.year * 100 + r.month);
    if (r.month > 1) periods.add(r.year * 100 + r.month - 1); // last month's YTD, for the checks
  }
  if (records.length === 0 || indicators.length === 0) return out;
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const years = [...new Set([...periods].map((p) => Math.floor(p / 100)))];
  const months = [...new Set([...periods].map((p) => p % 100))];
  const [{ rows }] = await db.$queryRawUnsafe<{ rows: string | null }[]>(
    `SELECT string_agg(ev."enterpriseId" || ',' || ev.year || ',' || ev.month || ',' || ev."indicatorId" || ',' || ev.value::text, ';') AS rows
       FROM "EnterpriseValue" ev JOIN "Enterprise" en ON en.id = ev."enterpriseId"
      WHERE ev."indicatorId" = ANY($1::int[]) AND ev.year = ANY($2::int[]) AND ev.month = ANY($3::int[]) AND en."townId" = ANY($4::int[])`,
    numberArray([...codeOf.keys()]), numberArray(years), numberArray(months), numberArray(townIds),
  );
  if (!rows) return out;
  for (const row of rows.split(";")) {
    const [e, y, m, i, value] = row.split(",");
    if (!periods.has(Number(y) * 100 + Number(m))) continue;
    const key = `${e}|${y}|${m}`;
    let f = out.get(key);
    if (!f) out.set(key, (f = {}));
    f[codeOf.get(Number(i))!] = value;
  }
  return out;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function loadProjectFacts(db: Q, records: ProjectRecord[]): Promise<Map<string, StoredProject>> {
  const years = [...new Set(records.map((r) => r.year))];
  const rows = await db.project.findMany({
    where: { townId: { in: [...new Set(records.map((r) => r.townId))] } },
    select: {
      id: true, name: true, townId: true, parkId: true, enterpriseId: true, sector: true, totalInvestment: true, stage: true, signedOn: true, startedOn: true, completedOn: true,
      yearPlans: { where: { year: { in: years } }, select: { year: true, planned: true } },
      progress: { where: { year: { in: years } }, select: { year: true, month: true, completedYtd: true } },
    },
  });
  const period = new Map(records.map((r) => [projectKey(r.townId, r.name), r]));
  const out = new Map<string, StoredProject>();
  for (const p of rows) {
    const key = projectKey(p.townId, p.name);
    const rec = period.get(key);
    out.set(key, {
      id: p.id, name: p.name, townId: p.townId, parkId: p.parkId, enterpriseId: p.enterpriseId, sector: p.sector, totalInvestment: p.totalInvestment.toString(), stage: p.stage,
      signedOn: day(p.signedOn), startedOn: day(p.startedOn), completedOn: day(p.completedOn),
      yearPlanned: p.yearPlans.find((y) => y.year === rec?.year)?.planned.toString() ?? null,
      completedYtd: p.progress.find((x) => x.year === rec?.year && x.month === rec?.month)?.completedYtd.toString() ?? null,
    });
  }
  return out;
}
