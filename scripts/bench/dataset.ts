// The synthetic province of `npm run bench`: a root with counties, towns, enterprises and three years
// of monthly figures, generated on the database server with INSERT … SELECT (no rows cross the wire).
// Deterministic: every figure is a function of row ids through hashint8, so a rerun on an empty
// database produces the same numbers. Works through any SQL runner (pg client or Prisma), so the
// integration smoke test can run it on PGlite too.
import { INDICATORS } from "../../lib/indicators/catalog";

/** Something that runs one SQL statement: a pg client, or Prisma's $executeRawUnsafe/$queryRawUnsafe. */
export type SqlRunner = {
  exec(sql: string): Promise<unknown>;
  /** Positional parameters as $1, $2, … */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
};

export type BenchSpec = {
  counties: number;
  /** Average towns per county; counties vary by ±25 % so the tree is not perfectly regular. */
  townsPerCounty: number;
  enterprises: number;
  /** First year of data; `years` years of 12 months each follow. */
  firstYear: number;
  years: number;
};

export const PROVINCE: BenchSpec = { counties: 100, townsPerCounty: 20, enterprises: 100_000, firstYear: 2023, years: 3 };

export const ROOT_CODE = "990000000000";
const ENTERPRISE_CODES = ["gross_output", "sales_revenue", "profit", "tax"] as const;
const PLANNED_CODES = ["gross_output", "above_scale_output", "value_added", "sales_revenue", "profit_tax", "tax", "fixed_asset_investment", "industrial_investment", "new_private_enterprises", "attracted_investment", "funds_arrived"];
// Cumulative share of the year's output reached by the end of each month (the demo's seasonality).
const CUMULATIVE = [6.5, 12.5, 20.5, 28.5, 37, 46, 54, 62, 70.5, 79.5, 89, 100].map((x) => x / 100);

export type Period = { year: number; month: number };

export function periodsOf(spec: BenchSpec): Period[] {
  return Array.from({ length: spec.years * 12 }, (_, i) => ({ year: spec.firstYear + Math.floor(i / 12), month: (i % 12) + 1 }));
}

export function lastPeriod(spec: BenchSpec): Period {
  return { year: spec.firstYear + spec.years - 1, month: 12 };
}

export function townsInCounty(spec: BenchSpec, county: number): number {
  const spread = Math.floor(spec.townsPerCounty / 4);
  return spec.townsPerCounty - spread + (county % (2 * spread + 1));
}

/** Row counts the spec produces; also how an existing dataset is recognised. */
export function expectedCounts(spec: BenchSpec) {
  let towns = 0;
  for (let c = 1; c <= spec.counties; c++) towns += townsInCounty(spec, c);
  const periods = spec.years * 12;
  return {
    counties: spec.counties,
    towns,
    enterprises: spec.enterprises,
    townReports: towns * periods,
    reportValues: towns * periods * INDICATORS.length,
    enterpriseValues: spec.enterprises * periods * ENTERPRISE_CODES.length,
  };
}

// ---------- deterministic pseudo-random numbers in SQL ----------

/** Uniform in [0, 1) from an integer SQL expression and a salt. */
const u = (key: string, salt: number) => `((hashint8((${key})::bigint * 64 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
const between = (key: string, salt: number, lo: number, hi: number) => `(${lo} + ${hi - lo} * ${u(key, salt)})`;

/** An enterprise's annual sales (万元) in `year`: log-uniform 500–150,000 in the first year, then a steady trend of −12 %…+28 %. */
const revenue = (id: string, spec: BenchSpec, year: number | string) =>
  `(exp(${between(id, 1, Math.log(500), Math.log(150000))}) * power(${between(id, 2, 0.88, 1.28)}, (${year}) - ${spec.firstYear}))`;
/** 规上 in a year: last year's sales ≥ 2,000万元 (the trend runs back to the year before the data). */
const aboveScale = (id: string, spec: BenchSpec, year: number) => `(${revenue(id, spec, year - 1)} >= 2000)`;

const ids = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(", ");

// ---------- the steps ----------

export type GenerateOptions = {
  log?: (message: string) => void;
  /** Extra runners to load periods concurrently (each its own connection). */
  parallel?: SqlRunner[];
};

/** Generates the dataset into empty tables. Returns the seconds each step took. */
export async function generateDataset(sql: SqlRunner, spec: BenchSpec, opts: GenerateOptions = {}): Promise<Record<string, number>> {
  const log = opts.log ?? (() => {});
  const timings: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const started = performance.now();
    await fn();
    timings[name] = (performance.now() - started) / 1000;
    log(`  ${name}: ${timings[name].toFixed(1)} s`);
  };

  await step("indicators, regions, periods", async () => {
    await insertIndicators(sql);
    await insertRegions(sql, spec);
    await insertPeriods(sql, spec);
  });
  await step("enterprises, 规上 history", async () => {
    await sql.exec(enterprisesSql(spec));
    for (const s of scaleChangesSql(spec)) await sql.exec(s);
    await sql.exec(townReportsSql(spec));
  });
  await step("enterprise values, town report values", async () => {
    const runners = [sql, ...(opts.parallel ?? [])];
    const queue = periodsOf(spec);
    let done = 0;
    await Promise.all(
      runners.map(async (runner) => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          await runner.exec(enterpriseValuesSql(spec, p));
          await runner.exec(reportValuesSql(spec, p));
          if (++done % 6 === 0) log(`    ${done}/${spec.years * 12} 期 / periods`);
        }
      }),
    );
  });
  await step("annual plans", async () => {
    for (const s of plansSql(spec)) await sql.exec(s);
  });
  // VACUUM too: a freshly loaded table has no visibility map, so index-only scans would still read the heap.
  await step("vacuum analyze", () => sql.exec("VACUUM ANALYZE"));
  return timings;
}

async function insertIndicators(sql: SqlRunner) {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const rows = INDICATORS.map(
    (d, i) =>
      `(${q(d.code)}, ${q(d.name)}, ${q(d.unit)}, '${d.kind}', ${d.precision}, ${d.allowNegative ?? false}, ${d.integerOnly ?? false}, ${d.isMoney ?? false}, '${d.priceBasis ?? "CURRENT"}', ${d.onEnterpriseForm ?? false}, ${i})`,
  );
  await sql.exec(`INSERT INTO "Indicator" (code, name, unit, kind, precision, "allowNegative", "integerOnly", "isMoney", "priceBasis", "onEnterpriseForm", "sortOrder")
    VALUES ${rows.join(",\n")} ON CONFLICT (code) DO NOTHING`);
}

async function insertRegions(sql: SqlRunner, spec: BenchSpec) {
  await sql.exec(`INSERT INTO "Region" (code, name, kind, level) VALUES ('${ROOT_CODE}', '基准省（合成数据）', '省', 'CITY')`);
  const counties = Array.from({ length: spec.counties }, (_, i) => {
    const c = i + 1;
    return `('99${String(c).padStart(4, "0")}000000', '基准县${c}', '县', 'COUNTY', ${c})`;
  });
  await sql.exec(`INSERT INTO "Region" (code, name, kind, level, "parentId", "sortOrder")
    SELECT v.code, v.name, v.kind, v.level::"RegionLevel", root.id, v.sort
    FROM (VALUES ${counties.join(", ")}) v(code, name, kind, level, sort), "Region" root WHERE root.code = '${ROOT_CODE}'`);
  const towns: string[] = [];
  for (let c = 1; c <= spec.counties; c++) {
    for (let t = 1; t <= townsInCounty(spec, c); t++) towns.push(`('99${String(c).padStart(4, "0")}', ${t})`);
  }
  await sql.exec(`INSERT INTO "Region" (code, name, kind, level, "parentId", "sortOrder")
    SELECT v.county || lpad((99 + v.t)::text, 3, '0') || '000', p.name || '第' || v.t || '镇', '镇', 'TOWN', p.id, v.t
    FROM (VALUES ${towns.join(", ")}) v(county, t) JOIN "Region" p ON p.code = v.county || '000000'`);
}

async function insertPeriods(sql: SqlRunner, spec: BenchSpec) {
  const rows = periodsOf(spec).map((p) => `(${p.year}, ${p.month})`);
  await sql.exec(`INSERT INTO "Period" (year, month, "usdRate", "priceIndex")
    SELECT y, m, round(${between("y * 100 + m", 9, 7.05, 7.3)}::numeric, 4), round(${between("y * 100 + m", 10, 97.5, 101.5)}::numeric, 2)
    FROM (VALUES ${rows.join(", ")}) v(y, m) ON CONFLICT DO NOTHING`);
}

/** Enterprises spread over towns by a random weight (0.5–1.5 × the average), exactly `spec.enterprises` in all. */
function enterprisesSql(spec: BenchSpec): string {
  return `INSERT INTO "Enterprise" ("creditCode", name, "townId", "industryCode", ownership, "aboveScale", "updatedAt")
    WITH w AS (
      SELECT id, code, name, (0.5 + ${u("id", 7)})::numeric AS w FROM "Region" WHERE level = 'TOWN'
    ), c AS (
      SELECT id, code, name, CASE WHEN LEAD(id) OVER (ORDER BY id) IS NULL THEN ${spec.enterprises}
        ELSE floor(${spec.enterprises} * SUM(w) OVER (ORDER BY id) / SUM(w) OVER ())::int END AS hi FROM w
    ), r AS (
      SELECT id, code, name, LAG(hi, 1, 0) OVER (ORDER BY id) AS lo, hi FROM c
    ), n AS (
      SELECT r.id AS town, r.code, r.name, k FROM r CROSS JOIN LATERAL generate_series(r.lo + 1, r.hi) k
    )
    SELECT '91' || substr(n.code, 1, 6) || lpad(n.k::text, 10, '0'), n.name || '企业' || n.k, n.town,
      'C' || (13 + (n.k % 30))::text || lpad((n.k % 100)::text, 2, '0'),
      (CASE WHEN n.k % 7 = 0 THEN 'STATE' WHEN n.k % 11 = 0 THEN 'FOREIGN' ELSE 'PRIVATE' END)::"Ownership",
      false, now()
    FROM n ORDER BY n.k`;
}

/** 规上 history: the status in the first year, then a row for each year it changed; Enterprise.aboveScale is the latest. */
function scaleChangesSql(spec: BenchSpec): string[] {
  const parts = [`SELECT e.id, ${spec.firstYear} AS y, ${aboveScale("e.id", spec, spec.firstYear)} AS s FROM "Enterprise" e`];
  for (let y = spec.firstYear + 1; y < spec.firstYear + spec.years; y++) {
    parts.push(`SELECT e.id, ${y}, ${aboveScale("e.id", spec, y)} FROM "Enterprise" e WHERE ${aboveScale("e.id", spec, y)} <> ${aboveScale("e.id", spec, y - 1)}`);
  }
  const last = spec.firstYear + spec.years - 1;
  return [
    `INSERT INTO "EnterpriseScaleChange" ("enterpriseId", year, month, "aboveScale", note)
     SELECT id, y, 1, s, CASE WHEN s THEN '列统' ELSE '退出规上' END FROM (${parts.join(" UNION ALL ")}) x ORDER BY id, y`,
    `UPDATE "Enterprise" e SET "aboveScale" = ${aboveScale("e.id", spec, last)}`,
  ];
}

/**
 * Every town's report for every period, approved — except at the end, as at any month end: in the last
 * period every 10th town is still a draft and every 13th only submitted; in the one before, every 17th
 * was returned. Drafts and returned reports do not count, so the overview has to filter them.
 */
function townReportsSql(spec: BenchSpec): string {
  const rows = periodsOf(spec).map((p) => `(${p.year}, ${p.month})`);
  const last = lastPeriod(spec);
  const before = { year: last.month === 1 ? last.year - 1 : last.year, month: last.month === 1 ? 12 : last.month - 1 };
  const isLast = `(p.y = ${last.year} AND p.m = ${last.month})`;
  const isBefore = `(p.y = ${before.year} AND p.m = ${before.month})`;
  const status = `CASE WHEN ${isLast} AND t.id % 10 = 0 THEN 'DRAFT' WHEN ${isLast} AND t.id % 13 = 0 THEN 'SUBMITTED'
    WHEN ${isBefore} AND t.id % 17 = 0 THEN 'RETURNED' ELSE 'APPROVED' END`;
  const at = (days: number) => `make_date(p.y, p.m, 1) + interval '1 month ${days} days'`;
  return `INSERT INTO "TownReport" ("regionId", year, month, status, "submittedAt", "reviewedAt", "updatedAt")
    SELECT t.id, p.y, p.m, s.status::"ReportStatus",
      CASE WHEN s.status = 'DRAFT' THEN NULL ELSE ${at(2)} END,
      CASE WHEN s.status IN ('APPROVED', 'RETURNED') THEN ${at(5)} END,
      ${at(5)}
    FROM (VALUES ${rows.join(", ")}) p(y, m) CROSS JOIN "Region" t
    CROSS JOIN LATERAL (SELECT ${status} AS status) s
    WHERE t.level = 'TOWN' ORDER BY p.y, p.m, t.id`;
}

/** One period of every enterprise's YTD figures (all enterprises report monthly: the heavier case). */
function enterpriseValuesSql(spec: BenchSpec, p: Period): string {
  const share = CUMULATIVE[p.month - 1];
  return `INSERT INTO "EnterpriseValue" ("enterpriseId", "indicatorId", year, month, value)
    SELECT e.id, i.id, ${p.year}, ${p.month},
      CASE i.code
        WHEN 'gross_output' THEN round(s.sales * ${between("e.id", 3, 0.97, 1.06)}::numeric, 2)
        WHEN 'sales_revenue' THEN s.sales
        WHEN 'profit' THEN round(s.sales * ${between("e.id", 4, -0.02, 0.09)}::numeric, 2)
        ELSE round(s.sales * ${between("e.id", 5, 0.025, 0.05)}::numeric, 2)
      END
    FROM "Enterprise" e
    CROSS JOIN LATERAL (SELECT round((${revenue("e.id", spec, p.year)} * ${share})::numeric, 2) AS sales) s
    CROSS JOIN (SELECT id, code FROM "Indicator" WHERE code IN (${ids(ENTERPRISE_CODES)})) i`;
}

/**
 * One period of every town's report values. 规上工业总产值 is the sum of the town's 规上 enterprises'
 * output, so 同口径 and reported growth agree the way they do in real data; the rest follows the demo's ratios.
 */
function reportValuesSql(spec: BenchSpec, p: Period): string {
  const { year: y, month: m } = p;
  const share = CUMULATIVE[m - 1];
  const isNew = y > spec.firstYear ? `NOT ${aboveScale("e.id", spec, y - 1)}` : "false";
  const t = `t."regionId"`;
  const yearly = (salt: number, lo: number, hi: number) => between(`${t} * 16 + ${y - spec.firstYear}`, salt, lo, hi);
  return `WITH a AS (
      SELECT e."townId" AS town, SUM(ev.value) AS so, COUNT(*) AS n, COUNT(*) FILTER (WHERE ${isNew}) AS nw
      FROM "Enterprise" e
      JOIN "EnterpriseValue" ev ON ev."enterpriseId" = e.id AND ev.year = ${y} AND ev.month = ${m}
        AND ev."indicatorId" = (SELECT id FROM "Indicator" WHERE code = 'gross_output')
      WHERE ${aboveScale("e.id", spec, y)}
      GROUP BY e."townId"
    ), t AS (
      SELECT t.id, t."regionId", COALESCE(a.so, 0) AS so, COALESCE(a.n, 0) AS n, COALESCE(a.nw, 0) AS nw,
        (1 + 4 * ${u(t, 20)}) AS size,
        round(COALESCE(a.so, 0) / ${between(t, 21, 0.78, 0.9)}::numeric, 2) AS gross,
        ${yearly(22, -0.01, 0.075)} AS margin, ${between(t, 23, 0.028, 0.045)} AS tax_rate,
        ${yearly(24, 0.85, 1.3)} AS growth
      FROM "TownReport" t LEFT JOIN a ON a.town = t."regionId"
      WHERE t.year = ${y} AND t.month = ${m}
    ), f AS (
      SELECT t.*, round(t.gross * ${between(`t."regionId"`, 25, 0.93, 1.02)}::numeric, 2) AS sales,
        round((t.size * 40000 * t.growth * ${share})::numeric, 2) AS fai
      FROM t
    )
    INSERT INTO "ReportValue" ("reportId", "regionId", "indicatorId", year, month, value)
    SELECT f.id, f."regionId", i.id, ${y}, ${m},
      CASE i.code
        WHEN 'gross_output' THEN f.gross
        WHEN 'above_scale_output' THEN f.so
        WHEN 'value_added' THEN round(f.gross * ${between(`f."regionId"`, 26, 0.21, 0.29)}::numeric, 2)
        WHEN 'sales_revenue' THEN f.sales
        WHEN 'invoiced_sales' THEN round(f.sales * 0.91, 2)
        WHEN 'profit' THEN round(f.sales * f.margin::numeric, 2)
        WHEN 'profit_tax' THEN round(f.sales * f.margin::numeric, 2) + round(f.sales * f.tax_rate::numeric, 2)
        WHEN 'tax' THEN round(f.sales * f.tax_rate::numeric, 2)
        WHEN 'fixed_asset_investment' THEN f.fai
        WHEN 'industrial_investment' THEN round(f.fai * 0.72, 2)
        WHEN 'electricity' THEN round(f.gross * 0.021, 2)
        WHEN 'above_scale_count' THEN f.n
        WHEN 'new_above_scale' THEN f.nw
        WHEN 'employees' THEN round(f.gross / ${share} * 0.016)
        WHEN 'new_private_enterprises' THEN floor(f.size * 150 * f.growth * ${share})
        WHEN 'new_individual_businesses' THEN floor(f.size * 500 * f.growth * ${share})
        WHEN 'new_private_capital' THEN round((f.size * 50000 * f.growth * ${share})::numeric, 2)
        WHEN 'attracted_projects' THEN floor(f.size * 6 * f.growth * ${share})
        WHEN 'attracted_investment' THEN round((f.size * 90000 * f.growth * ${share})::numeric, 2)
        WHEN 'funds_arrived' THEN round((f.size * 24000 * f.growth * ${share})::numeric, 2)
        ELSE round((f.size * 1000 * ${share})::numeric, 2)
      END
    FROM f CROSS JOIN "Indicator" i
    ORDER BY f."regionId", i.id`;
}

/** Town plans: last December's YTD × 1.06–1.15 (the first year: its own December × 0.98–1.03); counties and the root sum their children. */
function plansSql(spec: BenchSpec): string[] {
  const last = spec.firstYear + spec.years - 1;
  const factor = (lo: number, hi: number) => between(`v."regionId" * 64 + v."indicatorId"`, 30, lo, hi);
  const digits = `CASE WHEN i."integerOnly" THEN 0 ELSE 2 END`;
  const sumUp = (level: string) => `INSERT INTO "AnnualPlan" ("regionId", "indicatorId", year, value)
    SELECT r."parentId", p."indicatorId", p.year, SUM(p.value)
    FROM "AnnualPlan" p JOIN "Region" r ON r.id = p."regionId"
    WHERE r.level = '${level}' GROUP BY r."parentId", p."indicatorId", p.year`;
  return [
    `INSERT INTO "AnnualPlan" ("regionId", "indicatorId", year, value)
     SELECT v."regionId", v."indicatorId", v.year + 1, round(v.value * ${factor(1.06, 1.15)}::numeric, ${digits})
     FROM "ReportValue" v JOIN "Indicator" i ON i.id = v."indicatorId"
     WHERE i.code IN (${ids(PLANNED_CODES)}) AND v.month = 12 AND v.year < ${last}
     UNION ALL
     SELECT v."regionId", v."indicatorId", v.year, round(v.value * ${factor(0.98, 1.03)}::numeric, ${digits})
     FROM "ReportValue" v JOIN "Indicator" i ON i.id = v."indicatorId"
     WHERE i.code IN (${ids(PLANNED_CODES)}) AND v.month = 12 AND v.year = ${spec.firstYear}`,
    sumUp("TOWN"),
    sumUp("COUNTY"),
  ];
}

// ---------- recognising and clearing a dataset ----------

type Counts = ReturnType<typeof expectedCounts>;

/** Row counts of what is in the database now, in the shape of expectedCounts(). */
export async function actualCounts(sql: SqlRunner, spec: BenchSpec): Promise<Counts> {
  const last = lastPeriod(spec);
  const [row] = await sql.query<Record<keyof Counts | "lastPeriodValues", number>>(`SELECT
      (SELECT count(*)::int FROM "Region" WHERE level = 'COUNTY') AS counties,
      (SELECT count(*)::int FROM "Region" WHERE level = 'TOWN') AS towns,
      (SELECT count(*)::int FROM "Enterprise") AS enterprises,
      (SELECT count(*)::int FROM "TownReport") AS "townReports",
      (SELECT count(*)::int FROM "ReportValue") AS "reportValues",
      (SELECT count(*)::int FROM "EnterpriseValue" WHERE year = ${last.year} AND month = ${last.month}) AS "lastPeriodValues",
      (SELECT count(*)::int FROM "AnnualPlan") AS plans,
      (SELECT count(*)::int FROM "Region" WHERE code = '${ROOT_CODE}') AS roots`);
  const r = row as unknown as Record<string, number>;
  const complete = r.plans > 0 && r.roots === 1;
  const periods = spec.years * 12;
  return {
    counties: r.counties,
    towns: r.towns,
    enterprises: r.enterprises,
    townReports: r.townReports,
    reportValues: r.reportValues,
    // Counting 14 M rows takes seconds: the last period's count stands for all (periods are loaded whole).
    enterpriseValues: complete ? r.lastPeriodValues * periods : -1,
  };
}

export async function datasetMatches(sql: SqlRunner, spec: BenchSpec): Promise<boolean> {
  const want = expectedCounts(spec);
  const have = await actualCounts(sql, spec);
  return (Object.keys(want) as (keyof Counts)[]).every((k) => want[k] === have[k]);
}

/** Empties every application table (the migrations table stays). */
export async function clearDataset(sql: SqlRunner): Promise<void> {
  const tables = await sql.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length) await sql.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
