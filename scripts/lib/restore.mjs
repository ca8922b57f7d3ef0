// npm run db:restore FILE [--force]: loads a backup written by backup.mjs into the app's database.
// 1. the backup's migrations must be the code's (prisma/migrations) — otherwise say what differs;
// 2. a database with data is left alone unless force;
// 3. pending migrations are applied (an empty or new database gets the schema);
// 4. in one transaction: empty the tables (force), run the file's statements, check the row counts.
// Any failure rolls back: the database is as it was (apart from step 3's migrations).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { END_MARKER, isControlLine, parseHeaderLine, quoteIdent } from "./backup-format.mjs";
import { openConnection } from "./db-connection.mjs";
import { deployMigrations } from "./migrate.mjs";
import { listMigrationNames } from "./migrations-dir.mjs";
import { repoRoot } from "./targets.mjs";

const BATCH_CHARS = 2_000_000;

/** An expected refusal: the message says why, in Chinese, and nothing was changed. */
export class RestoreRefused extends Error {
  name = "RestoreRefused";
}

export async function restoreBackup({ file, force = false, migrationsDir, log = () => {}, ...target }) {
  const resolved = path.resolve(file);
  const header = await readHeader(resolved);
  const code = await listMigrationNames(path.resolve(repoRoot, migrationsDir ?? "prisma/migrations"));
  const difference = describeDifference(header.migrations, code);
  if (difference) throw new RestoreRefused(`备份的迁移与本程序的迁移不一致，未恢复任何数据。\n${difference}`);
  const conn = await openConnection(target);
  try {
    log(`数据库 / Database: ${conn.label}`);
    const busy = await firstTableWithRows(conn);
    if (busy && !force) {
      throw new RestoreRefused(`目标数据库不是空的（表 ${busy} 已有数据），未做任何改动。确需用备份覆盖现有数据时加 --force：npm run db:restore -- <文件> --force`);
    }
    await ensureMigrated(conn, code, { migrationsDir, log });
    await load(conn, resolved, { truncate: force ? await userTables(conn) : [] });
    return { target: conn.label, migrations: header.migrations, counts: header.counts };
  } finally {
    await conn.close();
  }
}

/** The file's lines; close() also closes the file (readline alone would leave it open). */
function input(file, gzip) {
  const stream = createReadStream(file);
  const lines = createInterface({ input: gzip ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
  lines.on("close", () => stream.destroy());
  return lines;
}

async function isGzip(file) {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The header of a backup; a file that is not one is refused. */
export async function readHeader(file) {
  const lines = input(file, await isGzip(file));
  let header = null;
  let n = 0;
  for await (const line of lines) {
    header = parseHeaderLine(line);
    if (header || ++n >= 10) break;
  }
  lines.close();
  if (!header || !Array.isArray(header.migrations)) throw new RestoreRefused(`${file} 不是本系统的备份文件（缺少 tis-backup 头）`);
  if (header.format !== 1) throw new RestoreRefused(`备份格式版本 ${header.format} 不受支持（本程序支持 1）：请用较新版本的程序恢复`);
  return header;
}

/** Chinese lines naming what differs, or null. */
export function describeDifference(backup, code) {
  const list = (names) => names.map((n) => `  • ${n}`).join("\n");
  const onlyBackup = backup.filter((n) => !code.includes(n));
  const onlyCode = code.filter((n) => !backup.includes(n));
  const parts = [];
  if (onlyBackup.length) parts.push(`备份中有、本程序没有的迁移（备份来自较新版本的程序，请先升级程序再恢复）：\n${list(onlyBackup)}`);
  if (onlyCode.length) parts.push(`本程序有、备份中没有的迁移（备份来自较旧版本的程序，请用与备份同版本的程序恢复后再升级）：\n${list(onlyCode)}`);
  return parts.length ? parts.join("\n") : null;
}

async function userTables(conn) {
  const rows = await conn.rows(
    "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1",
  );
  return rows.map(([name]) => name);
}

async function firstTableWithRows(conn) {
  for (const table of await userTables(conn)) {
    const [[found]] = await conn.rows(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)})`);
    if (found) return table;
  }
  return null;
}

async function appliedMigrations(conn) {
  const [[present]] = await conn.rows("SELECT to_regclass('_prisma_migrations') IS NOT NULL");
  if (!present) return { applied: [], failed: [] };
  const rows = await conn.rows("SELECT migration_name::text, finished_at IS NOT NULL FROM _prisma_migrations WHERE rolled_back_at IS NULL");
  return { applied: rows.filter(([, done]) => done).map(([n]) => n), failed: rows.filter(([, done]) => !done).map(([n]) => n) };
}

/** Brings the target to exactly the code's migrations, or refuses. */
async function ensureMigrated(conn, code, { migrationsDir, log }) {
  let { applied, failed } = await appliedMigrations(conn);
  const unknown = applied.filter((n) => !code.includes(n));
  if (unknown.length || failed.length) {
    const names = [...unknown, ...failed].map((n) => `  • ${n}`).join("\n");
    throw new RestoreRefused(`目标数据库的迁移与本程序不一致（有本程序没有的或失败的迁移），未做任何改动：\n${names}`);
  }
  if (code.some((n) => !applied.includes(n))) {
    const { applied: now } = await deployMigrations({ ...conn.migrateOptions, migrationsDir });
    if (now.length) log(`已应用迁移 / Applied migrations: ${now.join(", ")}`);
    ({ applied } = await appliedMigrations(conn));
  }
  const missing = code.filter((n) => !applied.includes(n));
  if (missing.length) throw new RestoreRefused(`目标数据库仍缺少迁移：${missing.join(", ")}`);
}

async function load(conn, file, { truncate }) {
  await conn.exec("BEGIN");
  try {
    if (truncate.length) await conn.exec(`TRUNCATE ${truncate.map(quoteIdent).join(", ")} RESTART IDENTITY CASCADE`);
    let batch = "";
    let complete = false;
    for await (const line of input(file, await isGzip(file))) {
      if (line === END_MARKER) complete = true;
      if (isControlLine(line)) continue;
      batch += `${line}\n`;
      if (batch.length >= BATCH_CHARS) {
        await conn.exec(batch);
        batch = "";
      }
    }
    if (batch) await conn.exec(batch);
    if (!complete) throw new RestoreRefused("备份文件不完整（缺少结尾标记），可能在写入时中断：未恢复任何数据");
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => {});
    if (error instanceof RestoreRefused) throw error;
    throw new Error(`恢复失败，已回滚，数据库未改变：${error?.message ?? error}`, { cause: error });
  }
}
