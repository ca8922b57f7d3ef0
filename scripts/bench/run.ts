// `npm run bench`: the overview engine against a province-sized synthetic dataset on a PostgreSQL
// server, with the plain-SQL floor beside it; writes docs/benchmarks.md. Not part of `npm test`
// (tests/integration/bench-smoke.test.ts runs it at toy scale there).
//
//   BENCH_DATABASE_URL   default postgresql://postgres@127.0.0.1:5432/tis_bench (created if missing)
//   --regenerate         generate the dataset again even if one of the right size is there
//   --iterations N       measured calls per case (default 100); --warmup N (default 5)
//   --counties N --towns N --enterprises N --years N --first-year Y   dataset size (default: the province)
//   --no-report          print the results, leave docs/benchmarks.md alone
//   --out FILE           where to write the report (default docs/benchmarks.md)
//   --no-import          skip the import benchmark (scripts/bench/import.ts), which otherwise runs after
//                        the read cases in a scratch database on the same server (tis_bench_import, created
//                        and dropped here); --import-rows N rows per file (default 50,000)
//   --only KEYS          measure only these cases (comma-separated: county, province, series-county,
//                        series-province, ranking-county, ranking-province), print them and leave
//                        docs/benchmarks.md alone; `--only county,province --no-import` for the overview alone
//   --no-compare         skip comparing the overview's two paths (scripts/bench/compare.ts) before measuring
//   --import-only        only the import benchmark (no dataset, no read cases): rewrites the 导入 / Import section
//                        of docs/benchmarks.md and keeps the rest of the file as it is; --county-runs N (default 5)
//   --no-city            skip the city case (scripts/bench/city.ts: a city of 10 counties × ≈15 towns in its own
//                        database tis_bench_city on the same server, generated once and reused), which otherwise
//                        runs after the province's read cases
//   --city-only          only the city case: rewrites the 市级总览 / City overview section, keeps the rest
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { closeDatabase, createPrismaForUrl, attachDatabase } from "../../lib/db/client";
import { deployMigrations, redactUrl } from "../lib/migrate.mjs";
import { clearDataset, datasetMatches, expectedCounts, generateDataset, PROVINCE, ROOT_CODE, type BenchSpec, type SqlRunner } from "./dataset";
import { runImportBench, type ImportBenchRow } from "./import";
import { compareOverviewPaths } from "./compare";
import { benchCases, loadTargets, timeCase, type Timing } from "./measure";
import { CITY, CITY_DATABASE, citySection, timeCity, withCitySection, type CityResult } from "./city";
import { describeMachine, describeServer, extractManual, importLines, importSection, importTable, renderReport, resultsTable, tableSizes, targetLines, type Generation } from "./report";

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/tis_bench";
const root = path.resolve(import.meta.dirname, "../..");

function options() {
  const { values } = parseArgs({
    options: {
      regenerate: { type: "boolean", default: false },
      iterations: { type: "string", default: "100" },
      warmup: { type: "string", default: "5" },
      counties: { type: "string" },
      towns: { type: "string" },
      enterprises: { type: "string" },
      years: { type: "string" },
      "first-year": { type: "string" },
      "no-report": { type: "boolean", default: false },
      out: { type: "string", default: "docs/benchmarks.md" },
      "no-import": { type: "boolean", default: false },
      "import-rows": { type: "string", default: "50000" },
      only: { type: "string" },
      "no-compare": { type: "boolean", default: false },
      "import-only": { type: "boolean", default: false },
      "county-runs": { type: "string", default: "5" },
      "no-city": { type: "boolean", default: false },
      "city-only": { type: "boolean", default: false },
    },
  });
  const int = (s: string | undefined, fallback: number) => (s === undefined ? fallback : Number.parseInt(s, 10));
  const spec: BenchSpec = {
    counties: int(values.counties, PROVINCE.counties),
    townsPerCounty: int(values.towns, PROVINCE.townsPerCounty),
    enterprises: int(values.enterprises, PROVINCE.enterprises),
    years: int(values.years, PROVINCE.years),
    firstYear: int(values["first-year"], PROVINCE.firstYear),
  };
  const only = values.only?.split(",").map((k) => k.trim()).filter(Boolean) ?? null;
  return { ...values, spec, only, iterations: int(values.iterations, 100), warmup: int(values.warmup, 5), importRows: int(values["import-rows"], 50_000), countyRuns: int(values["county-runs"], 5) };
}

async function connect(url: string): Promise<pg.Client & { runner: SqlRunner }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const runner: SqlRunner = {
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
  return Object.assign(client, { runner });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs `fn` on the server's maintenance database (postgres), for CREATE/DROP DATABASE. */
async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = await connect(admin.toString());
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist yet. */
async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onServer(url, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      console.log(`创建数据库 / creating database ${name}`);
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    }
  });
}

/** The import benchmark's scratch database: same server, its own name; never the bench dataset. */
const IMPORT_DATABASE = "tis_bench_import";

/**
 * scripts/bench/import.ts in a fresh scratch database on the bench server (created here, dropped
 * afterwards even when the import fails), after the read cases so it does not disturb them.
 */
async function importBench(url: string, rows: number, countyRuns: number): Promise<ImportBenchRow[]> {
  const scratch = new URL(url);
  scratch.pathname = `/${IMPORT_DATABASE}`;
  const drop = (client: pg.Client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(IMPORT_DATABASE)} WITH (FORCE)`);
  await onServer(url, async (client) => {
    await drop(client);
    await client.query(`CREATE DATABASE ${quoteIdent(IMPORT_DATABASE)}`);
  });
  try {
    console.log(`\n导入基准 / import benchmark: ${rows.toLocaleString("en-US")} rows per file, database ${IMPORT_DATABASE}`);
    return await runImportBench({ databaseUrl: scratch.toString(), rows, countyRuns }, (line) => console.log(`  ${line}`));
  } finally {
    await onServer(url, drop);
  }
}

/** The hand-maintained part of the existing report (between the manual markers), if any. */
function readManual(file: string): string | null {
  return existsSync(file) ? extractManual(readFileSync(file, "utf8")) : null;
}

// What was generated and how long it took lives in the database's comment, so a later run can
// reuse the data and still report the generation time.
type Stamp = { spec: BenchSpec; generation: Omit<Generation, "reused"> };

async function readStamp(sql: SqlRunner): Promise<Stamp | null> {
  const [row] = await sql.query<{ c: string | null }>("SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()");
  try {
    return row?.c ? (JSON.parse(row.c) as Stamp) : null;
  } catch {
    return null;
  }
}

async function writeStamp(sql: SqlRunner, stamp: Stamp | null) {
  const [{ db }] = await sql.query<{ db: string }>("SELECT current_database() AS db");
  const text = stamp ? `'${JSON.stringify(stamp).replace(/'/g, "''")}'` : "NULL";
  await sql.exec(`COMMENT ON DATABASE "${db.replace(/"/g, '""')}" IS ${text}`);
}

/** Refuses to empty a database that holds anything but a bench dataset. */
async function assertBenchDatabase(sql: SqlRunner, url: string) {
  const [r] = await sql.query<{ regions: number; roots: number; users: number }>(
    `SELECT (SELECT count(*)::int FROM "Region") AS regions, (SELECT count(*)::int FROM "Region" WHERE code = '${ROOT_CODE}') AS roots, (SELECT count(*)::int FROM "User") AS users`,
  );
  if (r.regions > 0 && (r.roots === 0 || r.users > 0)) {
    throw new Error(`${redactUrl(url)} 中有非基准数据，拒绝清空 / holds data that is not a bench dataset; refusing to empty it. Point BENCH_DATABASE_URL at a dedicated database.`);
  }
}

async function prepareDataset(url: string, spec: BenchSpec, regenerate: boolean): Promise<Generation | null> {
  const main = await connect(url);
  const helper = await connect(url);
  try {
    const stamp = await readStamp(main.runner);
    const sameSpec = stamp !== null && JSON.stringify(stamp.spec) === JSON.stringify(spec);
    if (!regenerate && sameSpec && (await datasetMatches(main.runner, spec))) {
      console.log("沿用已生成的数据 / reusing the generated dataset (--regenerate to rebuild it)");
      return { ...stamp.generation, reused: true };
    }
    await assertBenchDatabase(main.runner, url);
    const counts = expectedCounts(spec);
    console.log(`生成数据 / generating: ${counts.counties} counties, ${counts.towns} towns, ${counts.enterprises} enterprises, ${spec.years} years…`);
    await writeStamp(main.runner, null);
    await clearDataset(main.runner);
    // Bulk load: the data is consistent by construction, so skip per-row foreign-key triggers and WAL flushes.
    for (const c of [main, helper]) await c.query("SET session_replication_role = replica; SET synchronous_commit = off");
    const started = performance.now();
    const steps = await generateDataset(main.runner, spec, { log: console.log, parallel: [helper.runner] });
    // Replica mode skipped the triggers that keep the 同口径 rollup, so build it once from scratch.
    await main.query("SET session_replication_role = origin");
    const rollupStarted = performance.now();
    await main.query(`SELECT "ComparableBase_rebuild"(ARRAY(SELECT id FROM "Region" WHERE level = 'TOWN'))`);
    await main.query(`VACUUM ANALYZE "ComparableBase"`);
    steps["同口径 rollup (ComparableBase)"] = (performance.now() - rollupStarted) / 1000;
    console.log(`  同口径 rollup: ${steps["同口径 rollup (ComparableBase)"].toFixed(1)} s`);
    const generation = { seconds: (performance.now() - started) / 1000, steps, at: new Date().toISOString().slice(0, 16).replace("T", " ") };
    await writeStamp(main.runner, { spec, generation });
    console.log(`生成完成 / generated in ${generation.seconds.toFixed(0)} s`);
    return { ...generation, reused: false };
  } finally {
    await main.end();
    await helper.end();
  }
}

/** `--import-only`: the import benchmark alone; its section of the report is replaced, nothing else. */
async function importOnly(url: string, opts: ReturnType<typeof options>) {
  const imports = await importBench(url, opts.importRows, opts.countyRuns);
  console.log(`\n${importTable(imports)}\n\n${importLines(imports).join("\n")}`);
  if (opts["no-report"]) return;
  const out = path.resolve(root, opts.out);
  const text = existsSync(out) ? readFileSync(out, "utf8") : "";
  const start = text.indexOf("\n## 导入 / Import");
  if (start < 0) throw new Error(`${opts.out} 中没有“## 导入 / Import”一节；请先完整运行 npm run bench / run the full bench first`);
  const next = text.indexOf("\n## ", start + 1);
  const section = `\n## 导入 / Import\n\n${importSection(imports, opts.importRows)}\n\n测量于 / measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC（\`npm run bench -- --import-only\`；the rest of this file is from the last full run）。\n`;
  writeFileSync(out, text.slice(0, start) + section + (next < 0 ? "" : text.slice(next)));
  console.log(`\n已更新导入一节 / import section updated: ${path.relative(root, out)}`);
}

/**
 * The city case (scripts/bench/city.ts) in its own database on the bench server: created, migrated
 * and generated when missing (then reused), measured with Prisma attached to it.
 */
async function cityBench(url: string, opts: ReturnType<typeof options>): Promise<CityResult> {
  const cityUrl = new URL(url);
  cityUrl.pathname = `/${CITY_DATABASE}`;
  const target = cityUrl.toString();
  console.log(`
市级总览基准 / city overview benchmark: database ${CITY_DATABASE}`);
  await ensureDatabase(target);
  await deployMigrations({ databaseUrl: target });
  const generation = await prepareDataset(target, CITY, opts.regenerate);
  await closeDatabase();
  attachDatabase(createPrismaForUrl(target), "postgres");
  const floorClient = await connect(target);
  try {
    const targets = await loadTargets(CITY);
    const { timings, load } = await timeCity(targets, floorClient.runner, opts.iterations, opts.warmup);
    for (const t of timings) console.log(`  ${t.label}: p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms`);
    const sizes = await tableSizes(floorClient.runner);
    return { timings, load, towns: expectedCounts(CITY).towns, sizes, generatedSeconds: generation?.seconds ?? null, reused: generation?.reused ?? false };
  } finally {
    await floorClient.end();
    await closeDatabase();
  }
}

/** Writes the city section into the report (replacing an earlier one). */
function writeCitySection(opts: ReturnType<typeof options>, result: CityResult) {
  const out = path.resolve(root, opts.out);
  const text = existsSync(out) ? readFileSync(out, "utf8") : "# 基准 / Benchmarks\n";
  writeFileSync(out, withCitySection(text, citySection(result)));
  console.log(`\n已更新市级总览一节 / city section updated: ${path.relative(root, out)}`);
}

async function main() {
  const opts = options();
  const url = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_URL;
  console.log(`基准数据库 / bench database: ${redactUrl(url)}`);
  if (opts["import-only"]) return importOnly(url, opts);
  if (opts["city-only"]) {
    const result = await cityBench(url, opts);
    console.log(`\n${resultsTable(result.timings)}`);
    if (!opts["no-report"]) writeCitySection(opts, result);
    return;
  }
  await ensureDatabase(url);
  const { applied } = await deployMigrations({ databaseUrl: url });
  if (applied.length) console.log(`已应用迁移 / applied migrations: ${applied.join(", ")}`);
  const generation = await prepareDataset(url, opts.spec, opts.regenerate);

  attachDatabase(createPrismaForUrl(url), "postgres");
  const floorClient = await connect(url);
  const timings: Timing[] = [];
  try {
    const targets = await loadTargets(opts.spec);
    let comparedOverviews: number | null = null;
    if (!opts["no-compare"]) {
      const started = performance.now();
      const { compared, differences } = await compareOverviewPaths(targets, 5);
      comparedOverviews = compared;
      if (differences.length > 0) throw new Error(`总览两种取数路径结果不一致 / the overview's pg-pool and Prisma paths differ (${differences.length} of ${compared}): ${differences.slice(0, 10).join("; ")}`);
      console.log(`总览两种取数路径一致 / the overview's pg-pool and Prisma paths agree: ${compared} overviews (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    const cases = (await benchCases(targets, floorClient.runner)).filter((c) => !opts.only || opts.only.includes(c.key));
    if (cases.length === 0) throw new Error(`--only ${opts.only?.join(",")}: 没有这样的基准 / no such case`);
    const loadBefore = os.loadavg()[0];
    for (const c of cases) {
      for (const t of await timeCase(c, opts.iterations, opts.warmup)) {
        console.log(`  ${t.label}: p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms`);
        timings.push(t);
      }
    }
    const load: [number, number] = [loadBefore, os.loadavg()[0]];
    console.log(`\n${resultsTable(timings)}\n\n${targetLines(timings).join("\n")}\n\nload average (1 min) before / after: ${load.map((l) => l.toFixed(2)).join(" / ")}`);
    const imports = opts["no-import"] ? null : await importBench(url, opts.importRows, opts.countyRuns);
    if (imports) console.log(`\n${importTable(imports)}\n\n${importLines(imports).join("\n")}`);
    if (!opts["no-report"] && !opts.only) {
      const counts = expectedCounts(opts.spec);
      const report = renderReport({
        machine: describeMachine(),
        server: await describeServer(floorClient.runner),
        sizes: await tableSizes(floorClient.runner),
        generation,
        timings,
        warmup: opts.warmup,
        period: `${targets.period.year}-${String(targets.period.month).padStart(2, "0")}`,
        counties: counts.counties,
        towns: counts.towns,
        enterprises: counts.enterprises,
        load,
        imports,
        importRows: opts.importRows,
        comparedOverviews,
        manual: readManual(path.resolve(root, opts.out)),
      });
      const out = path.resolve(root, opts.out);
      writeFileSync(out, report);
      console.log(`\n已写入 / written: ${path.relative(root, out)}`);
    }
  } finally {
    await floorClient.end();
    await closeDatabase();
  }
  if (!opts["no-city"] && !opts.only) {
    const result = await cityBench(url, opts);
    console.log(`\n${resultsTable(result.timings)}`);
    if (!opts["no-report"]) writeCitySection(opts, result);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
