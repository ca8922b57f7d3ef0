// Server databases of the shared demo snapshot (tests/support/demo-snapshot.ts): the admin connection
// that creates and drops them, and the global teardown. No vitest or app imports: global setup loads it.
import pg from "pg";

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in the test database). */
export async function admin(url: string, statements: string[]) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/** Global teardown on a server: the template and any copy a crashed file left behind. */
export async function dropSnapshotDatabases(url: string) {
  const base = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${base}_`]);
    for (const r of rows) if (r.datname === `${base}_demo` || /_f\d+_\d+$/.test(r.datname)) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
