// The demo county seeded through 2024-07, shared by the integration files that start from it. Seeding
// takes 20–30 s; the first file that asks seeds it once and keeps a snapshot, the others start from a
// copy in a second or two: on PGlite a dump of the data directory, on a PostgreSQL server a template
// database cloned per file (CREATE DATABASE … TEMPLATE). Files run one at a time (vitest.config.ts).
import { PGlite } from "@electric-sql/pglite";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { attachDatabase, closeDatabase, createPrismaForPglite, createPrismaForUrl, currentPglite, getPrisma } from "@/lib/db/client";
import { seedDemoCounty } from "@/lib/demo/seed";
import { resetDatabase } from "./db";
import { admin, withDatabase } from "./snapshot-databases";

/** The period the shared demo is seeded through: tests that start from it may rely on its figures. */
export const DEMO_SNAPSHOT = { throughYear: 2024, throughMonth: 7 } as const;

/** Replaces this file's (empty or used) database with a fresh copy of the demo county seeded through 2024-07. */
export async function useDemoSnapshot(): Promise<void> {
  const dir = inject("snapshotDir");
  const url = process.env.TEST_DATABASE_URL;
  if (url) await fromTemplate(url, dir);
  else await fromDump(path.join(dir, "demo-2024-07.tar"));
}

async function fromDump(file: string) {
  if (!existsSync(file)) {
    await resetDatabase();
    await seedDemoCounty(getPrisma(), DEMO_SNAPSHOT);
    const dump = await currentPglite()!.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return;
  }
  await closeDatabase();
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(file)]) });
  attachDatabase(createPrismaForPglite(pglite), "pglite", pglite);
}


async function fromTemplate(url: string, dir: string) {
  const base = new URL(url).pathname.slice(1);
  const template = `${base}_demo`;
  const marker = path.join(dir, "demo-2024-07.pg");
  // Cloning needs the source without connections: this file's client lets go of the test database first.
  await closeDatabase();
  if (!existsSync(marker)) {
    // The migrated test database (whatever an earlier file left in it is truncated) becomes the template.
    await admin(url, [`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`, `CREATE DATABASE "${template}" TEMPLATE "${base}"`]);
    attachDatabase(createPrismaForUrl(withDatabase(url, template)), "postgres");
    await resetDatabase();
    await seedDemoCounty(getPrisma(), DEMO_SNAPSHOT);
    await closeDatabase();
    writeFileSync(marker, template);
  }
  const copy = `${base}_f${process.pid}_${Date.now()}`;
  await admin(url, [`CREATE DATABASE "${copy}" TEMPLATE "${template}"`]);
  attachDatabase(createPrismaForUrl(withDatabase(url, copy)), "postgres");
  afterAll(async () => {
    await closeDatabase();
    await admin(url, [`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`]);
  });
}
