import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
// Database targets for the schema engine: a PostgreSQL server through @prisma/adapter-pg, or an
// embedded PGlite through pglite-prisma-adapter. Each target carries a migration-aware adapter
// factory (with a shadow database) and `close()`, which releases everything it opened.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

// Internal types that introspection returns and adapter-pg 7.10 cannot decode: name, int2vector,
// regproc, oidvector, pg_node_tree, regclass. They arrive as strings: call them text. "char" (18)
// too, but the engine reads pg_constraint.contype as a character, so those columns are reported as
// Character again after the adapter has typed the result (PostgreSQL 18 returns NOT NULL constraints there).
const TEXT_OID = 25;
const CHAR_OID = 18;
const TEXT_LIKE_OIDS = new Set([CHAR_OID, 19, 22, 24, 30, 194, 2205]);
const charColumns = new WeakMap(); // result rows -> indexes of "char" columns

/** Same rule as the app: a postgres(ql):// DATABASE_URL means a server, anything else PGlite. */
export function isServerUrl(url) {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, for messages. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql://…";
  }
}

/**
 * Picks the target: an existing PGlite instance if given, else a server when the URL is a
 * postgres(ql):// URL, else PGlite in `pgliteDir` (relative to the repo root).
 * `databaseUrl` and `pgliteDir` default to DATABASE_URL and PGLITE_DIR.
 */
export async function openTarget({ databaseUrl = process.env.DATABASE_URL, pgliteDir, pglite } = {}) {
  if (pglite) return pgliteTarget(pglite, { owned: false, label: "PGlite（调用方提供 / caller's instance）" });
  if (isServerUrl(databaseUrl)) return serverTarget(databaseUrl);
  const dir = path.resolve(repoRoot, pgliteDir ?? process.env.PGLITE_DIR ?? ".data/pglite");
  await mkdir(dir, { recursive: true });
  const instance = await PGlite.create(dir);
  const shown = path.relative(repoRoot, dir);
  return pgliteTarget(instance, { owned: true, label: `PGlite ${shown.startsWith("..") ? dir : shown || "."}` });
}

/**
 * A target on a new, empty in-memory PGlite that disappears on close(). With shadowOnSameInstance
 * the shadow database is that same instance (saves a second cluster when the target itself stays
 * unused, as in a diff of the migrations folder against schema.prisma).
 */
export async function openThrowawayTarget({ shadowOnSameInstance = false } = {}) {
  const instance = await throwawayPGlite();
  return pgliteTarget(instance, { owned: true, label: "PGlite（内存 / in-memory）", shadow: shadowOnSameInstance ? instance : null });
}

// ---------- adapters with the workarounds ----------

function patchQueryable(queryable) {
  const { performIO, queryRaw } = queryable;
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const chars = [];
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) chars.push(i);
      if (TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    if (chars.length) charColumns.set(result.rows, chars);
    return result;
  };
  queryable.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** Adapter fixes: decodable introspection types, and scripts sent whole (atomic, `$$`-safe, awaited). */
function patchAdapter(adapter, runScript) {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async function (...args) {
    return patchQueryable(await startTransaction.apply(this, args));
  };
  adapter.executeScript = async function (script) {
    try {
      await runScript(script);
    } catch (error) {
      this.onError(error);
    }
  };
  return adapter;
}

function migrationFactory(inner, { connect, connectToShadowDb }) {
  return { provider: inner.provider, adapterName: inner.adapterName, connect, connectToShadowDb };
}

// ---------- PostgreSQL server ----------

function serverTarget(url) {
  const cleanups = [];
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  /** An adapter on its own pool; `onDispose` runs once, whether the engine or close() disposes it. */
  const connectTo = async (connectionString, onDispose = () => {}) => {
    const adapter = await new PrismaPg({ connectionString }).connect();
    const pool = adapter.underlyingDriver();
    adapter.dispose = once(async () => {
      await pool.end();
      await onDispose();
    });
    cleanups.push(adapter.dispose);
    return patchAdapter(adapter, (script) => pool.query(script));
  };

  // A shadow database of our own: adapter-pg's connectToShadowDb passes { connectionString, database }
  // to node-postgres, where the URL's database name wins, so its "shadow" is the main database.
  const connectToShadowDb = async () => {
    const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    return connectTo(shadowUrl.toString(), () =>
      admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error) => {
        if (error.code !== "42601") throw error; // PostgreSQL < 13 has no WITH (FORCE)
        return admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
    );
  };

  return {
    kind: "postgresql",
    label: `PostgreSQL ${redactUrl(url)}`,
    factory: migrationFactory(new PrismaPg({ connectionString: url }), { connect: () => connectTo(url), connectToShadowDb }),
    query: async (sql) => (await admin.query(sql)).rows,
    close: once(() => runCleanups([...cleanups, () => admin.end()])),
  };
}

// ---------- PGlite ----------

function pgliteTarget(instance, { owned, label, shadow: sharedShadow = null }) {
  const cleanups = [];
  const connectTo = async (db) => patchAdapter(await new PrismaPGlite(db).connect(), (script) => db.exec(script));
  const connectToShadowDb = async () => {
    if (sharedShadow) return connectTo(sharedShadow);
    const shadow = await throwawayPGlite();
    const adapter = await connectTo(shadow);
    adapter.dispose = once(() => shadow.close());
    cleanups.push(adapter.dispose);
    return adapter;
  };
  return {
    kind: "pglite",
    label,
    pglite: instance,
    factory: migrationFactory(new PrismaPGlite(instance), { connect: () => connectTo(instance), connectToShadowDb }),
    query: async (sql) => (await instance.query(sql)).rows,
    close: once(() => runCleanups(owned ? [...cleanups, () => instance.close()] : cleanups)),
  };
}

function once(fn) {
  let result;
  return () => (result ??= fn());
}

async function runCleanups(cleanups) {
  const errors = [];
  while (cleanups.length) {
    try {
      await cleanups.shift()();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length) throw errors[0];
}

// An empty in-memory cluster: initdb takes seconds, loading a dump of an empty cluster about one.
// The dump is cached under node_modules/.cache, keyed by the PGlite version.
let emptyClusterDump;

async function throwawayPGlite() {
  emptyClusterDump ??= loadEmptyClusterDump();
  const dump = await emptyClusterDump;
  if (dump) return PGlite.create({ loadDataDir: new Blob([dump]) });
  const fresh = await PGlite.create();
  emptyClusterDump = saveEmptyClusterDump(fresh);
  await emptyClusterDump; // dump before anyone writes to it
  return fresh;
}

async function dumpCachePath() {
  const pkgUrl = new URL("../package.json", pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")));
  const { version } = JSON.parse(await readFile(pkgUrl, "utf8"));
  return path.join(repoRoot, "node_modules/.cache/db-mjs", `pglite-${version}-empty.tgz`);
}

async function loadEmptyClusterDump() {
  try {
    return await readFile(await dumpCachePath());
  } catch {
    return null;
  }
}

async function saveEmptyClusterDump(instance) {
  let bytes;
  try {
    bytes = Buffer.from(await (await instance.dumpDataDir("gzip")).arrayBuffer());
    const file = await dumpCachePath();
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch {
    // no cache then (read-only node_modules?): the dump still serves this process
  }
  return bytes ?? null;
}
