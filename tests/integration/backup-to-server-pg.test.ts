// A county moving up from the embedded PGlite to a PostgreSQL server: a backup taken from PGlite
// restores into a fresh server database, by `npm run db:restore` and by plain psql after db:deploy.
// Needs a server: included only when TEST_DATABASE_URL is set (vitest.config.ts).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaForPglite, createPrismaForUrl, currentDatabaseKind, getPrisma, attachDatabase as installDatabase, type Db } from "@/lib/db/client";
import { seedDemoCounty } from "@/lib/demo/seed";
import { writeBackup } from "../../scripts/lib/backup.mjs";
import { deployMigrations } from "../../scripts/lib/migrate.mjs";
import { restoreBackup } from "../../scripts/lib/restore.mjs";
import { addTrickyRows, tableDigests, userView } from "../support/backup";

const serverUrl = process.env.TEST_DATABASE_URL!;
const period = { year: 2024, month: 2 };
const original = { prisma: undefined as Db | undefined, kind: currentDatabaseKind() };
const admin = new pg.Client({ connectionString: serverUrl });
const created: string[] = [];
const clients: Db[] = [];
let pglite: PGlite;
let dir: string;
let file: string;
let before: { view: Awaited<ReturnType<typeof userView>>; tables: Awaited<ReturnType<typeof tableDigests>> };

async function freshServerDatabase(): Promise<string> {
  const name = `tis_restore_${randomBytes(5).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function readFrom(url: string) {
  const prisma = createPrismaForUrl(url);
  clients.push(prisma);
  installDatabase(prisma, "postgres");
}

beforeAll(async () => {
  original.prisma = getPrisma();
  await admin.connect();
  dir = await mkdtemp(path.join(tmpdir(), "tis-backup-pg-"));
  pglite = await PGlite.create();
  await deployMigrations({ pglite, databaseUrl: "" });
  installDatabase(createPrismaForPglite(pglite), "pglite", pglite);
  await seedDemoCounty(getPrisma(), { throughYear: period.year, throughMonth: period.month });
  await addTrickyRows();
  before = { view: await userView(period.year, period.month), tables: await tableDigests() };
  file = path.join(dir, "from-pglite.sql");
  await writeBackup({ pglite, out: file });
}, 300_000);

afterAll(async () => {
  installDatabase(original.prisma!, original.kind);
  await Promise.all(clients.map((c) => c.$disconnect()));
  await pglite?.close();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
});

describe("a PGlite backup restored into a PostgreSQL server", () => {
  it("by npm run db:restore (DATABASE_URL=…): same overview, audit log and rows", async () => {
    const url = await freshServerDatabase();
    await restoreBackup({ databaseUrl: url, file });
    readFrom(url);
    expect(await userView(period.year, period.month)).toEqual(before.view);
    expect(await tableDigests()).toEqual(before.tables);
  });

  it("by psql -f after npm run db:deploy: same overview, audit log and rows", async () => {
    const url = await freshServerDatabase();
    await deployMigrations({ databaseUrl: url });
    await promisify(execFile)("psql", [url, "-q", "-X", "-f", file], { maxBuffer: 16 * 1024 * 1024 });
    readFrom(url);
    expect(await userView(period.year, period.month)).toEqual(before.view);
    expect(await tableDigests()).toEqual(before.tables);
  });
});
