// Import benchmark: 50,000-row workbooks through the same preview and commit as the app, on a
// fresh in-memory PGlite (the embedded default) or a PostgreSQL server database. Prints the
// timings; docs/import-benchmark.md records them. As a module, `runImportBench` returns them
// (scripts/bench/run.ts puts them in docs/benchmarks.md).
//   npx tsx --conditions=react-server scripts/bench/import.ts [rows]            (PGlite in memory)
//   BENCH_DATABASE_URL=postgresql://… npx tsx --conditions=react-server scripts/bench/import.ts [rows]
//   … scripts/bench/import.ts --county     only the county's 36-sheet monthly workbook
//   … --runs N                              the county workbook N times (default 5; p50/p95) and its plain-SQL floor N times
// With a server URL the database is created if missing, migrated and seeded with the demo county;
// enterprises left by an earlier run of this benchmark are deleted first, so it can be rerun.
import os from "node:os";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import ExcelJS from "exceljs";
import pg from "pg";
import type { CurrentUser } from "@/lib/auth/session";
import { closeDatabase, createPrismaForPglite, createPrismaForUrl, getPrisma, attachDatabase } from "@/lib/db/client";
import { makeCreditCode } from "@/lib/demo/factories";
import { seedDemoCounty } from "@/lib/demo/seed";
import { commitImport } from "@/lib/import/commit";
import { previewImport } from "@/lib/import/service";
import type { ImportKind } from "@/lib/import/types";
import { importFloorSeconds, percentile } from "./import-floor";
import { TARGETS } from "./report";
import { deployMigrations } from "../lib/migrate.mjs";

/**
 * One file's figures: preview, commit and total in seconds (the median when it ran `runs` times, with
 * the p95 of the totals); the target it has; for the county workbook, the plain-SQL floor of its writes
 * (scripts/bench/import-floor.ts, median) and the load average (1 min) before and after its runs.
 */
export type ImportBenchRow = {
  file: string;
  rows: number;
  previewSeconds: number;
  commitSeconds: number;
  totalSeconds: number;
  targetSeconds: number;
  runs?: number;
  p95Seconds?: number;
  floorSeconds?: number;
  load?: [number, number];
};

/** Targets (issue 13): the county's 36-sheet workbook < 5 s, a 50,000-row file < 15 s, upload to commit. */
const IMPORT_TARGETS = { countySeconds: TARGETS.importCountySeconds, fileSeconds: TARGETS.importSeconds };

const TOWNS = ["昭阳街道", "临城街道", "戴南镇", "张郭镇", "安丰镇", "戴窑镇", "合陈镇", "永丰镇", "陈堡镇", "竹泓镇", "沙沟镇", "周庄镇", "大营镇"];
// Serial numbers far above the demo county's (1…≈300), so the benchmark's enterprises are its own.
const FIRST_SERIAL = 500_000;
const code = (i: number) => makeCreditCode("321281", FIRST_SERIAL + i);
const PERIOD = { year: 2024, month: 8 };

async function workbook(rows: number, headers: string[], row: (i: number) => (string | number)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.addRow(["兴化市企业数据（基准测试）"]);
  ws.addRow(headers);
  for (let i = 0; i < rows; i++) ws.addRow(row(i));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const COUNTY_YEARS = [2010, 2011, 2012];

/**
 * A county's own monthly workbook: one sheet per month for three years, each with a title, a
 * "单位：亿元" note, a two-level merged header (every indicator over 本年累计 and 同比±%), a 合计 row
 * and every town, figures typed as text — the shape lib/import/layout.ts reads.
 */
async function countyWorkbook(towns: string[], indicators: { code: string; name: string; unit: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const width = 1 + indicators.length * 2;
  for (const y of COUNTY_YEARS) {
    for (let m = 1; m <= 12; m++) {
      const ws = wb.addWorksheet(`${y}年1-${m}月`);
      ws.addRow([`${y}年1-${m}月各乡镇工业主要经济指标完成情况表`]);
      ws.mergeCells(1, 1, 1, width);
      ws.addRow(["填报单位：兴化市工业和信息化局", ...Array(width - 2).fill(null), "单位：亿元、家、人"]);
      ws.addRow(["乡镇", ...indicators.flatMap((i) => [i.name, null])]);
      ws.addRow([null, ...indicators.flatMap(() => ["本年累计", "同比±%"])]);
      ws.mergeCells(3, 1, 4, 1);
      indicators.forEach((_, k) => ws.mergeCells(3, 2 + 2 * k, 3, 3 + 2 * k));
      // In 亿元. Falling with the indicator's position (规上 and 增加值 below 总产值), rising month by month;
      // 利润 and 利税 small shares of output (利润 ≤ 销售收入, 利税 ≥ 利润), so every logical check passes.
      const base = (t: number, k: number) => ((t + 1) * 1000 - k * 10 + (y - COUNTY_YEARS[0]) * 12 * 50 + m * 50) / 10000;
      const share: Record<string, number> = { profit: 0.01, profit_tax: 0.02, tax: 0.01 };
      const value = (t: number, k: number) => (indicators[k].code in share ? Math.round(base(t, 0) * share[indicators[k].code] * 1e5) / 1e5 : base(t, k));
      const money = (u: string, v: number) => (u === "万元" ? v.toFixed(5) : String(Math.round(v * 10000)));
      ws.addRow(["合计", ...indicators.flatMap((ind, k) => [money(ind.unit, towns.reduce((s, _, t) => s + value(t, k), 0)), null])]);
      towns.forEach((town, t) => ws.addRow([town, ...indicators.flatMap((ind, k) => [money(ind.unit, value(t, k)), null])]));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Creates the database named in a server URL when it does not exist yet. */
async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

type Holder = { prisma?: unknown; kind?: "postgres" | "pglite"; pglite?: PGlite };

/**
 * Imports, one after another, through previewImport and commitImport as the reviewer of the
 * demo county: a register of `rows` new enterprises, the same register again (nothing changes),
 * their monthly figures (4 per enterprise), the same figures again, and every figure changed.
 * `databaseUrl`: a postgresql:// URL (default: a fresh in-memory PGlite); `rows` per file (default
 * 50,000); `log` gets progress and each phase's timings (default: silent). Leaves the caller's
 * database connection (lib/db/client) as it found it.
 */
export async function runImportBench(opts: { databaseUrl?: string; rows?: number; countyOnly?: boolean; countyRuns?: number }, log: (line: string) => void = () => {}): Promise<ImportBenchRow[]> {
  const rows = opts.rows ?? 50_000;
  const url = opts.databaseUrl;
  const holder: Holder = ((globalThis as { __tisDb?: Holder }).__tisDb ??= {});
  const previous = { ...holder };

  if (url) {
    await ensureDatabase(url);
    await deployMigrations({ databaseUrl: url });
    attachDatabase(createPrismaForUrl(url), "postgres");
  } else {
    const pglite = new PGlite();
    await deployMigrations({ pglite, databaseUrl: "" });
    attachDatabase(createPrismaForPglite(pglite), "pglite", pglite);
  }
  try {
    const db = getPrisma();
    if ((await db.region.count()) === 0) {
      const t = performance.now();
      await seedDemoCounty(db, { throughYear: 2024, throughMonth: 7 });
      log(`seed demo county (not part of the import): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const codes = Array.from({ length: rows }, (_, i) => code(i));
    const left = await db.$executeRawUnsafe(`DELETE FROM "Enterprise" WHERE "creditCode" = ANY($1::text[])`, codes);
    if (left > 0) log(`deleted ${left} enterprises left by an earlier run`);
    // The reviewer as the session would load it (lib/auth/session needs Next's request context).
    const user: CurrentUser | null = await db.user.findUnique({
      where: { username: "reviewer" },
      select: { id: true, username: true, displayName: true, role: true, regionId: true, mustChangePassword: true, region: { select: { id: true, code: true, name: true, level: true, parentId: true } } },
    });
    if (!user) throw new Error("runImportBench: the database has regions but no demo county reviewer; use an empty database");

    const register = await workbook(rows, ["统一社会信用代码", "企业名称", "所属乡镇", "行业代码", "经济类型", "是否规上"], (i) => [codes[i], `基准测试企业${i}有限公司`, TOWNS[i % TOWNS.length], "C3311", "民营", i % 7 === 0 ? "是" : "否"]);
    const figures = await workbook(rows, ["信用代码", "企业名称", "工业总产值（万元）", "销售收入", "利润总额", "入库税金"], (i) => [codes[i], `基准测试企业${i}有限公司`, `${(1000 + (i % 5000)) / 10}`, 90 + (i % 4000) / 10, String(5 + (i % 50)), "3.5"]);
    const changed = await workbook(rows, ["信用代码", "企业名称", "工业总产值（万元）", "销售收入", "利润总额", "入库税金"], (i) => [codes[i], `基准测试企业${i}有限公司`, `${(1000 + (i % 5000)) / 10 + 1}`, 91 + (i % 4000) / 10, String(6 + (i % 50)), "3.6"]);
    log(`rows per file: ${rows.toLocaleString("en-US")} · database: ${url ? "PostgreSQL server" : "PGlite (in memory)"} · file sizes: register ${(register.length / 1e6).toFixed(1)} MB, figures ${(figures.length / 1e6).toFixed(1)} MB`);

    const townIndicators = await db.indicator.findMany({ where: { active: true, onTownForm: true }, select: { code: true, name: true, unit: true }, orderBy: { sortOrder: "asc" } });
    const removed = await db.townReport.deleteMany({ where: { year: { in: COUNTY_YEARS } } });
    if (removed.count > 0) log(`deleted ${removed.count} town reports of ${COUNTY_YEARS.join("/")} left by an earlier run`);
    const county = await countyWorkbook(TOWNS.concat("兴化高新区"), townIndicators);
    const countyRows = COUNTY_YEARS.length * 12 * (TOWNS.length + 2);
    const all: [string, ImportKind, Buffer][] = [
      ["企业名录（新建）", "enterprises", register],
      ["企业名录（重复导入，无变化）", "enterprises", register],
      ["企业月度数据", "enterprise_values", figures],
      ["企业月度数据（重复导入，无变化）", "enterprise_values", figures],
      ["企业月度数据（全部数值修改）", "enterprise_values", changed],
      [`县局月报工作簿（36个工作表，${TOWNS.length + 1}个乡镇+合计，${townIndicators.length}个指标）`, "town_values", county],
    ];
    const files = opts.countyOnly ? all.filter(([, kind]) => kind === "town_values") : all;
    const out: ImportBenchRow[] = [];
    const once = async (file: string, kind: ImportKind, bytes: Buffer) => {
      const t0 = performance.now();
      const preview = await previewImport(user, { kind, fileName: `${kind}.xlsx`, bytes, period: PERIOD });
      const t1 = performance.now();
      if (preview.counts.errors > 0) throw new Error(`${file}: ${preview.problems.find((p) => p.severity === "error")?.message}`);
      const result = await commitImport(user, preview.jobId);
      const t2 = performance.now();
      log(`${file}: preview ${((t1 - t0) / 1000).toFixed(2)} s ${JSON.stringify(preview.timings)}`);
      log(`${file}: commit ${((t2 - t1) / 1000).toFixed(2)} s ${JSON.stringify(result.timings)} — created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, audit entries ${result.auditEntries}`);
      return { preview: (t1 - t0) / 1000, commit: (t2 - t1) / 1000, total: (t2 - t0) / 1000 };
    };
    for (const [file, kind, bytes] of files) {
      if (kind !== "town_values") {
        const load0 = os.loadavg()[0];
        const r = await once(file, kind, bytes);
        out.push({ file, rows, previewSeconds: r.preview, commitSeconds: r.commit, totalSeconds: r.total, targetSeconds: IMPORT_TARGETS.fileSeconds, load: [load0, os.loadavg()[0]] });
        log(`${file}: total ${r.total.toFixed(2)} s`);
        continue;
      }
      // The county workbook, several times from an empty 2010–2012 (deleted untimed between runs), then its floor.
      const runs = Math.max(1, opts.countyRuns ?? 5);
      const load0 = os.loadavg()[0];
      const results: { preview: number; commit: number; total: number }[] = [];
      for (let i = 0; i < runs; i++) {
        if (i > 0) await db.townReport.deleteMany({ where: { year: { in: COUNTY_YEARS } } });
        results.push(await once(file, kind, bytes));
      }
      const floors: number[] = [];
      for (let i = 0; i < runs; i++) floors.push(await importFloorSeconds(db, COUNTY_YEARS, user.id));
      const median = (f: (r: (typeof results)[number]) => number) => percentile(results.map(f), 50);
      const row: ImportBenchRow = {
        file, rows: countyRows, previewSeconds: median((r) => r.preview), commitSeconds: median((r) => r.commit), totalSeconds: median((r) => r.total),
        targetSeconds: IMPORT_TARGETS.countySeconds, runs, p95Seconds: percentile(results.map((r) => r.total), 95), floorSeconds: percentile(floors, 50), load: [load0, os.loadavg()[0]],
      };
      out.push(row);
      log(`${file}: ${runs} runs, total p50 ${row.totalSeconds.toFixed(2)} s, p95 ${row.p95Seconds!.toFixed(2)} s; plain-SQL floor p50 ${row.floorSeconds!.toFixed(3)} s (${floors.map((f) => f.toFixed(3)).join(" / ")}); load ${row.load!.map((l) => l.toFixed(2)).join(" → ")}`);
    }
    return out;
  } finally {
    await closeDatabase();
    holder.prisma = previous.prisma;
    holder.kind = previous.kind;
    holder.pglite = previous.pglite;
  }
}

async function main() {
  const args = process.argv.slice(2);
  const countyOnly = args.includes("--county");
  const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 50_000);
  const runsArg = args.indexOf("--runs");
  const countyRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : undefined;
  const url = process.env.BENCH_DATABASE_URL || undefined;
  const results = await runImportBench({ databaseUrl: url, rows, countyOnly, countyRuns }, (line) => console.log(line));
  console.log("");
  console.log(["file", "rows", "preview s", "commit s", "total s", "p95 s", "floor s"].join("\t"));
  for (const r of results) console.log([r.file, r.rows, r.previewSeconds.toFixed(2), r.commitSeconds.toFixed(2), r.totalSeconds.toFixed(2), r.p95Seconds?.toFixed(2) ?? "", r.floorSeconds?.toFixed(3) ?? ""].join("\t"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
