// npm run db:backup: the app's data as one plain SQL file (see backup-format.mjs), from PGlite or a
// PostgreSQL server, read in one snapshot. The schema is not in the file: it comes from the migrations,
// whose names the file records so restore can check that they match. docs/decisions/006-backup-restore.md
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createGzip } from "node:zlib";
import { parentsFirst, readCatalog } from "./backup-catalog.mjs";
import { countCheck, emptyCheck, END_MARKER, FORMAT, HEADER_PREFIX, migrationsCheck, quoteIdent, SESSION_SETTINGS, sqlLiteral } from "./backup-format.mjs";
import { openConnection } from "./db-connection.mjs";
import { repoRoot } from "./targets.mjs";

const ROWS_PER_INSERT = 500;
const FETCH_SIZE = 2000;

/** backups/tis-backup-YYYYMMDD-HHMMSS.sql(.gz), in this machine's local time. */
export function defaultBackupPath({ gzip = false, now = new Date() } = {}) {
  const p = (n) => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return path.join(repoRoot, "backups", `tis-backup-${stamp}.sql${gzip ? ".gz" : ""}`);
}

/** Writes the backup; returns { file, target, migrations, counts }. Gzipped when the name ends in .gz. */
export async function writeBackup(opts = {}) {
  const file = path.resolve(opts.out ?? defaultBackupPath({ gzip: opts.gzip }));
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const conn = await openConnection(opts);
  try {
    await conn.exec(`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${SESSION_SETTINGS.map((s) => `SET LOCAL ${s};`).join(" ")}`);
    try {
      const result = await dumpTo(conn, partial, file.endsWith(".gz"));
      await rename(partial, file);
      return { file, target: conn.label, ...result };
    } finally {
      await conn.exec("ROLLBACK").catch(() => {});
    }
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await conn.close();
  }
}

async function appliedMigrations(conn) {
  const [[present]] = await conn.rows("SELECT to_regclass('_prisma_migrations') IS NOT NULL");
  if (!present) throw new Error("数据库还没有表结构（没有 _prisma_migrations）：没有可备份的数据 / The database has no schema yet");
  const rows = await conn.rows(
    "SELECT DISTINCT migration_name::text FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1",
  );
  return rows.map(([name]) => name);
}

async function dumpTo(conn, file, gzip) {
  const migrations = await appliedMigrations(conn);
  const tables = await readCatalog(conn);
  const counts = {};
  for (const t of tables) counts[t.name] = Number((await conn.rows(`SELECT count(*)::text FROM ${quoteIdent(t.name)}`))[0][0]);
  const out = new PassThrough();
  const done = pipeline(out, ...(gzip ? [createGzip()] : []), createWriteStream(file));
  done.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
  const write = async (line) => {
    if (!out.write(`${line}\n`)) await Promise.race([once(out, "drain"), done]);
  };
  try {
    const header = { format: FORMAT, app: "乡镇工业统计平台", createdAt: new Date().toISOString(), source: conn.kind, migrations, counts };
    for (const line of preamble(header, tables)) await write(line);
    for (const t of tables) await dumpTable(conn, t, write);
    for (const line of postamble(tables, counts, await sequenceStates(conn, tables))) await write(line);
    out.end();
    await done;
  } catch (error) {
    out.destroy(error);
    await done.catch(() => {});
    throw error;
  }
  return { migrations, counts };
}

function preamble(header, tables) {
  return [
    "-- 乡镇工业统计平台 数据备份 / data backup (data only: the schema comes from the migrations)",
    `${HEADER_PREFIX}${JSON.stringify(header)}`,
    "-- 恢复 / restore: npm run db:restore -- <this file>   (or: npm run db:deploy, then psql <url> -f <this file>)",
    "\\set ON_ERROR_STOP on",
    "SET client_encoding = 'UTF8';",
    "BEGIN;",
    ...SESSION_SETTINGS.map((s) => `SET LOCAL ${s};`),
    migrationsCheck(header.migrations),
    emptyCheck(tables.map((t) => t.name)),
    // Data is copied as it is, derived tables (ComparableBase) included: their triggers must not add to it again.
    ...tables.map((t) => `ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER USER;`),
  ];
}

function postamble(tables, counts, sequences) {
  return [
    ...tables.map((t) => `ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER USER;`),
    sequencesLine(sequences),
    countCheck(counts),
    "COMMIT;",
    END_MARKER,
  ];
}

/** One statement (psql prints nothing for it) that puts every sequence where the source had it. */
function sequencesLine(sequences) {
  const calls = sequences.map(
    (s) => `PERFORM pg_catalog.setval(pg_get_serial_sequence(${sqlLiteral(quoteIdent(s.table))}, ${sqlLiteral(s.column)}), ${s.value}, ${s.isCalled});`,
  );
  return `DO $tis$ BEGIN ${calls.join(" ")} END $tis$;`;
}

async function sequenceStates(conn, tables) {
  const states = [];
  for (const t of tables) {
    for (const { column, sequence } of t.sequences) {
      const [[value, isCalled]] = await conn.rows(`SELECT last_value::text, is_called FROM ${sequence}`);
      states.push({ table: t.name, column, value, isCalled });
    }
  }
  return states;
}

async function dumpTable(conn, table, write) {
  const cols = table.columns.map(quoteIdent);
  const order = (table.primaryKey.length ? table.primaryKey : table.columns).map(quoteIdent).join(", ");
  const insert = `INSERT INTO ${quoteIdent(table.name)} (${cols.join(", ")}) VALUES `;
  const flush = (rows) => write(`${insert}${rows.map((r) => `(${r.map(sqlLiteral).join(", ")})`).join(", ")};`);
  await conn.exec(`DECLARE tis_backup NO SCROLL CURSOR FOR SELECT ${cols.map((c) => `${c}::text`).join(", ")} FROM ${quoteIdent(table.name)} ORDER BY ${order}`);
  const held = [];
  for (;;) {
    const rows = await conn.rows(`FETCH ${FETCH_SIZE} FROM tis_backup`);
    if (rows.length === 0) break;
    if (table.selfRef) held.push(...rows);
    else for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await flush(rows.slice(i, i + ROWS_PER_INSERT));
  }
  await conn.exec("CLOSE tis_backup");
  const sorted = table.selfRef ? parentsFirst(held, table.columns, table.selfRef) : [];
  for (let i = 0; i < sorted.length; i += ROWS_PER_INSERT) await flush(sorted.slice(i, i + ROWS_PER_INSERT));
}
