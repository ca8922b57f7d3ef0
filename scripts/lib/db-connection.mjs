// One plain connection to the app's database, for backup and restore: a PostgreSQL server (one
// node-postgres client, so a transaction spans every statement) or an embedded PGlite.
// Rows come back as arrays; callers cast what they need to text, so values stay exact.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { isServerUrl, redactUrl, repoRoot } from "./targets.mjs";

/**
 * Same target rule as scripts/db.mjs: an open `pglite` instance (left open), else a server when
 * databaseUrl (default DATABASE_URL) is postgres(ql)://, else PGlite in pgliteDir (default PGLITE_DIR ?? .data/pglite).
 */
export async function openConnection({ databaseUrl = process.env.DATABASE_URL, pgliteDir, pglite } = {}) {
  if (pglite) return pgliteConnection(pglite, { owned: false, label: "PGlite（调用方提供 / caller's instance）" });
  if (isServerUrl(databaseUrl)) return serverConnection(databaseUrl);
  const dir = path.resolve(repoRoot, pgliteDir ?? process.env.PGLITE_DIR ?? ".data/pglite");
  await mkdir(dir, { recursive: true });
  const shown = path.relative(repoRoot, dir);
  return pgliteConnection(await PGlite.create(dir), { owned: true, label: `PGlite ${shown.startsWith("..") ? dir : shown || "."}` });
}

async function serverConnection(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: "postgresql",
    label: `PostgreSQL ${redactUrl(url)}`,
    migrateOptions: { databaseUrl: url },
    rows: async (sql, params = []) => (await client.query({ text: sql, values: params, rowMode: "array" })).rows,
    exec: async (script) => {
      await client.query(script);
    },
    close: () => client.end(),
  };
}

function pgliteConnection(instance, { owned, label }) {
  return {
    kind: "pglite",
    label,
    migrateOptions: { pglite: instance, databaseUrl: "" },
    rows: async (sql, params = []) => (await instance.query(sql, params, { rowMode: "array" })).rows,
    exec: async (script) => {
      await instance.exec(script);
    },
    close: async () => {
      if (owned) await instance.close();
    },
  };
}
