// Prisma Migrate without the native schema engine: @prisma/schema-engine-wasm over driver adapters.
// Used by scripts/db.mjs and in-process by the app's start script and the integration tests.
// See docs/decisions/002-migrations-wasm.md.
//
// Common options of the functions below:
//   databaseUrl   server URL (default DATABASE_URL); only postgres:// or postgresql:// URLs select a server
//   pgliteDir     PGlite data folder, relative to the repo root (default PGLITE_DIR ?? ".data/pglite")
//   pglite        an open PGlite instance to use instead (left open)
//   schemaPath    default prisma/schema.prisma; migrationsDir default prisma/migrations
//   log           progress messages, e.g. console.log (default: silent)
// Everything they open (pools, PGlite, shadow databases) is closed before they return, and the
// engine's leftover timers are unref'd, so callers need no process.exit().
import { readFile } from "node:fs/promises";
import path from "node:path";
import { openEngine } from "./engine.mjs";
import { migrationChecksum, readMigrationsList, writeMigration } from "./migrations-dir.mjs";
import { openTarget, openThrowawayTarget, repoRoot } from "./targets.mjs";

export { redactUrl, isServerUrl } from "./targets.mjs";

const FILTERS = { externalTables: [], externalEnums: [] };
const FALLBACK_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

function paths({ schemaPath, migrationsDir } = {}) {
  return {
    schemaPath: path.resolve(repoRoot, schemaPath ?? "prisma/schema.prisma"),
    migrationsDir: path.resolve(repoRoot, migrationsDir ?? "prisma/migrations"),
  };
}

function displayPath(file) {
  const rel = path.relative(repoRoot, file);
  return rel.startsWith("..") ? file : rel;
}

async function readSchema(schemaPath, { required }) {
  try {
    return await readFile(schemaPath, "utf8");
  } catch (error) {
    if (required) throw error;
    return FALLBACK_SCHEMA; // applying migrations only needs the connector
  }
}

/** Opens the target and an engine on it, runs fn, and closes both. */
async function withEngine(opts, fn, { target: givenTarget, schemaRequired = false } = {}) {
  const { schemaPath, migrationsDir } = paths(opts);
  const log = opts.log ?? (() => {});
  const target = givenTarget ?? (await openTarget(opts));
  let engine;
  try {
    log(`数据库 / Database: ${target.label}`);
    const schemaText = await readSchema(schemaPath, { required: schemaRequired });
    engine = await openEngine({ schemaPath, schemaText, factory: target.factory, log: opts.engineLog });
    const schemaFiles = [{ path: schemaPath, content: schemaText }];
    const migrationsList = () => readMigrationsList(migrationsDir);
    return await fn({ engine, target, log, schemaFiles, migrationsList, migrationsDir });
  } finally {
    engine?.free();
    await target.close();
  }
}

/** Applies pending migrations. Returns { target, applied: string[] }. */
export async function deployMigrations(opts = {}) {
  return withEngine(opts, async ({ engine, target, migrationsList }) => {
    const list = await migrationsList();
    if (list.migrationDirectories.length === 0) return { target: target.label, applied: [] };
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: list, filters: FILTERS });
    return { target: target.label, applied: appliedMigrationNames };
  });
}

/**
 * Applied / pending / failed migrations. Returns { target, ok, migrations: [{ name, state, finishedAt }],
 * pending, failed, edited, unknown } — state is "applied" | "pending" | "failed"; edited = applied but
 * migration.sql changed since; unknown = recorded in the database but absent from the folder.
 */
export async function migrationStatus(opts = {}) {
  return withEngine(opts, async ({ engine, target, migrationsList }) => {
    const list = await migrationsList();
    const diag = await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: FILTERS });
    const rows = diag.hasMigrationsTable
      ? await target.query(
          "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
        )
      : [];
    const live = rows.filter((r) => r.rolled_back_at === null);
    const migrations = list.migrationDirectories.map(({ path: name, migrationFile }) => {
      const row = live.findLast((r) => r.migration_name === name);
      const state = !row ? "pending" : row.finished_at ? "applied" : "failed";
      const sql = migrationFile.content.tag === "ok" ? migrationFile.content.value : null;
      const edited = state === "applied" && sql !== null && row.checksum !== migrationChecksum(sql);
      return { name, state, finishedAt: row?.finished_at ?? null, edited };
    });
    const names = new Set(migrations.map((m) => m.name));
    const pick = (state) => migrations.filter((m) => m.state === state).map((m) => m.name);
    const result = {
      target: target.label,
      migrations,
      pending: pick("pending"),
      failed: [...new Set([...pick("failed"), ...diag.failedMigrationNames])],
      edited: [...new Set([...migrations.filter((m) => m.edited).map((m) => m.name), ...diag.editedMigrationNames])],
      unknown: [...new Set(live.map((r) => r.migration_name).filter((n) => !names.has(n)))],
    };
    result.ok = !result.pending.length && !result.failed.length && !result.edited.length && !result.unknown.length;
    return result;
  });
}

/** Drops everything in the database and applies all migrations. Refused in production unless force. */
export async function resetDatabase(opts = {}) {
  if (process.env.NODE_ENV === "production" && !opts.force) {
    throw new Error("NODE_ENV=production：拒绝重置数据库（需 --force）/ refusing to reset in production without --force");
  }
  return withEngine(opts, async ({ engine, target, migrationsList }) => {
    await engine.reset({ filter: FILTERS });
    const list = await migrationsList();
    if (list.migrationDirectories.length === 0) return { target: target.label, applied: [] };
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: list, filters: FILTERS });
    return { target: target.label, applied: appliedMigrationNames };
  });
}

/** Like the Prisma CLI: slugified with "_" and at most 200 characters. */
export function migrationSlug(name) {
  const slug = String(name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .substring(0, 200);
  return slug || "migration";
}

/**
 * `prisma migrate dev`: applies the history, creates a migration from schema.prisma (if it differs)
 * in migrationsDir, and applies it. Returns { target, applied, created: dirName | null, warnings }.
 * Destructive changes need acceptDataLoss; a database that drifted from the history must be reset.
 */
export async function createMigration(opts = {}) {
  return withEngine(
    opts,
    async ({ engine, target, log, schemaFiles, migrationsList, migrationsDir }) => {
      let list = await migrationsList();
      const applied = [];
      if (list.migrationDirectories.length) {
        applied.push(...(await engine.applyMigrations({ migrationsList: list, filters: FILTERS })).appliedMigrationNames);
      }
      if (applied.length) log(`已应用 / Applied: ${applied.join(", ")}`);
      const { action } = await engine.devDiagnostic({ migrationsList: list, filters: FILTERS });
      if (action.tag === "reset") {
        throw new Error(`数据库与迁移历史不一致，需要 db:reset / The database must be reset: ${action.reason}`);
      }
      const schema = { files: schemaFiles };
      const loss = await engine.evaluateDataLoss({ migrationsList: list, schema, filters: FILTERS });
      const result = { target: target.label, applied, created: null, warnings: loss.warnings.map((w) => w.message) };
      if (loss.migrationSteps === 0) return result;
      if (loss.unexecutableSteps.length) {
        throw new Error(`无法执行的变更 / Unexecutable steps:\n${loss.unexecutableSteps.map((s) => `  • ${s.message}`).join("\n")}`);
      }
      if (result.warnings.length && !opts.acceptDataLoss) {
        throw new Error(
          `变更可能丢失数据（需 --accept-data-loss）/ Data loss warnings (pass --accept-data-loss):\n` +
            result.warnings.map((w) => `  • ${w}`).join("\n"),
        );
      }
      const out = await engine.createMigration({
        draft: false,
        migrationName: migrationSlug(opts.name),
        migrationsList: list,
        schema,
        filters: FILTERS,
      });
      if (out.migrationScript === null) return result;
      await writeMigration(migrationsDir, out);
      result.created = out.generatedMigrationName;
      log(`已创建 / Created: ${displayPath(path.join(migrationsDir, out.generatedMigrationName, `migration.${out.extension}`))}`);
      list = await migrationsList();
      applied.push(...(await engine.applyMigrations({ migrationsList: list, filters: FILTERS })).appliedMigrationNames);
      return result;
    },
    { schemaRequired: true },
  );
}

/**
 * Drift check without any real database: replays migrationsDir on a throwaway in-memory PGlite
 * and diffs it with schema.prisma. Returns { drift: boolean, script: SQL that is missing, lockfileProblem }.
 */
export async function checkDrift(opts = {}) {
  const target = await openThrowawayTarget({ shadowOnSameInstance: true });
  return withEngine(
    { ...opts, log: undefined },
    async ({ engine, schemaFiles, migrationsList }) => {
      const list = await migrationsList();
      const hasMigrations = list.migrationDirectories.length > 0;
      const lockfileProblem =
        hasMigrations && !/provider\s*=\s*"postgresql"/.test(list.lockfile.content ?? "")
          ? `${list.lockfile.path} 缺失或 provider 不是 "postgresql" / missing or not provider = "postgresql"`
          : null;
      const from = hasMigrations && !lockfileProblem ? { tag: "migrations", ...list } : { tag: "empty" };
      const to = { tag: "schemaDatamodel", files: schemaFiles };
      const diff = await engine.diff({ from, to, script: true, exitCode: true, filters: FILTERS });
      const drift = diff.exitCode !== 0 || lockfileProblem !== null;
      return { drift, script: diff.exitCode !== 0 ? (diff.stdout ?? "") : "", lockfileProblem };
    },
    { target, schemaRequired: true },
  );
}
