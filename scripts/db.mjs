#!/usr/bin/env node
// Database migrations without Prisma's native schema engine (see docs/decisions/002-migrations-wasm.md).
//
//   node scripts/db.mjs deploy                 apply pending migrations
//   node scripts/db.mjs migrate [--name <n>]   create a migration from schema.prisma and apply it
//   node scripts/db.mjs status                 applied / pending migrations (exit 1 unless up to date)
//   node scripts/db.mjs reset [--force]        drop everything, re-apply all migrations
//   node scripts/db.mjs check                  migrations folder vs schema.prisma, no database needed (exit 2 on drift)
//   node scripts/db.mjs backup [file] [--gzip] the data as one SQL file (default backups/tis-backup-<time>.sql)
//   node scripts/db.mjs restore <file> [--force]  load a backup (refuses a database with data without --force)
//
// Target: DATABASE_URL when it is a postgres:// or postgresql:// URL, else PGlite in PGLITE_DIR (default .data/pglite).
// Options: --schema <path>, --migrations <dir>, --accept-data-loss (migrate), --force (reset in production).
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkDrift,
  createMigration,
  deployMigrations,
  migrationStatus,
  resetDatabase,
} from "./lib/migrate.mjs";
import { writeBackup } from "./lib/backup.mjs";
import { describeDifference, restoreBackup, RestoreRefused } from "./lib/restore.mjs";
import { listMigrationNames } from "./lib/migrations-dir.mjs";
import { repoRoot } from "./lib/targets.mjs";

const USAGE = `用法 / Usage: node scripts/db.mjs <deploy|migrate|status|reset|check> [--name <name>] [--schema <path>] [--migrations <dir>] [--accept-data-loss] [--force]
       node scripts/db.mjs backup [<file>] [--gzip]
       node scripts/db.mjs restore <file> [--force]`;

function parseCommandLine() {
  const { values: flags, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string", short: "n" },
      schema: { type: "string" },
      migrations: { type: "string" },
      force: { type: "boolean", default: false },
      "accept-data-loss": { type: "boolean", default: false },
      gzip: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const opts = {
    schemaPath: flags.schema,
    migrationsDir: flags.migrations,
    log: (message) => console.log(message),
    engineLog: process.env.DB_DEBUG ? (line) => console.error(line) : undefined,
  };
  return { flags, command: positionals[0], file: positionals[1], opts };
}

const list = (names) => names.map((n) => `  • ${n}`).join("\n");

const commands = {
  async deploy(opts) {
    const { applied } = await deployMigrations(opts);
    console.log(applied.length ? `已应用迁移 / Applied migrations:\n${list(applied)}` : "没有待应用的迁移 / No pending migrations.");
    return 0;
  },

  async migrate(opts, flags) {
    const result = await createMigration({ ...opts, name: flags.name, acceptDataLoss: flags["accept-data-loss"] });
    for (const warning of result.warnings) console.log(`⚠ ${warning}`);
    if (!result.created) console.log("schema.prisma 没有变化，未创建迁移 / No schema changes, no migration created.");
    else console.log(`已创建并应用 / Created and applied: ${result.created}`);
    return 0;
  },

  async status(opts) {
    const s = await migrationStatus(opts);
    const mark = { applied: "✓ 已应用 applied", pending: "… 待应用 pending", failed: "✗ 失败 failed" };
    if (!s.migrations.length) console.log("迁移目录为空 / No migrations in the folder.");
    for (const m of s.migrations) {
      const when = m.finishedAt ? `  ${new Date(m.finishedAt).toISOString()}` : "";
      console.log(`${mark[m.state]}  ${m.name}${when}${m.edited ? "  ⚠ 已被修改 / edited after it was applied" : ""}`);
    }
    if (s.unknown.length) console.log(`数据库中有、目录中没有 / In the database but not in the folder:\n${list(s.unknown)}`);
    if (s.failed.length) console.log("有失败的迁移：修复数据库后再部署 / Failed migrations: fix the database, then deploy again.");
    console.log(s.ok ? "数据库已是最新 / Database is up to date." : "数据库不是最新 / Database is not up to date.");
    return s.ok ? 0 : 1;
  },

  async reset(opts, flags) {
    const { applied } = await resetDatabase({ ...opts, force: flags.force });
    console.log(`已重置数据库 / Database reset.${applied.length ? ` 已应用 / Applied:\n${list(applied)}` : ""}`);
    return 0;
  },

  async backup(opts, flags, file) {
    const { file: written, migrations, counts } = await writeBackup({ ...opts, out: file, gzip: flags.gzip });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`已备份 / Backup written: ${written}\n  ${Object.keys(counts).length} 张表、${rows} 行；迁移 ${migrations.length} 个`);
    const difference = describeDifference(migrations, await listMigrationNames(path.resolve(repoRoot, opts.migrationsDir ?? "prisma/migrations")));
    if (difference) console.log(`⚠ 数据库的迁移与本程序不一致，本程序恢复不了这份备份（先 npm run db:deploy 再备份）：\n${difference}`);
    return 0;
  },

  async restore(opts, flags, file) {
    if (!file) {
      console.log("请指定备份文件 / Name the backup file: npm run db:restore -- <file> [--force]");
      return 1;
    }
    try {
      const { counts } = await restoreBackup({ ...opts, file, force: flags.force });
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`已恢复 / Restored: ${Object.keys(counts).length} 张表、${rows} 行`);
      return 0;
    } catch (error) {
      if (!(error instanceof RestoreRefused)) throw error;
      console.error(`未恢复 / Not restored: ${error.message}`);
      return 1;
    }
  },

  async check(opts) {
    const { drift, script, lockfileProblem } = await checkDrift(opts);
    if (!drift) {
      console.log("无漂移 / no drift: 迁移目录与 schema.prisma 一致 / the migrations match schema.prisma.");
      return 0;
    }
    if (lockfileProblem) console.log(lockfileProblem);
    if (script) {
      console.log("检测到漂移：迁移目录缺少以下 SQL / Drift: the migrations folder is missing this SQL:\n");
      console.log(script.trimEnd());
      console.log("\n运行 npm run db:migrate -- --name <name> 生成迁移 / Run it to create the migration.");
    }
    return 2;
  },
};

async function main() {
  const { flags, command, file, opts } = parseCommandLine();
  if (flags.help || !commands[command]) {
    console.log(USAGE);
    return flags.help ? 0 : 1;
  }
  const started = performance.now();
  const code = await commands[command](opts, flags, file);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return code;
}

function fail(error) {
  const code = error?.code ? ` [${error.code}]` : "";
  const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  const panic = error?.name === "RuntimeError" && registry && !String(error.message).includes(registry) ? registry : "";
  console.error(`错误 / Error${code}: ${panic ? `${panic}\n` : ""}${error?.message ?? error}`);
  if (process.env.DB_DEBUG) console.error(error);
  process.exit(1);
}

// A panic inside the engine can surface outside the awaited promise.
process.on("uncaughtException", fail);
main().then((code) => process.exit(code), fail);
