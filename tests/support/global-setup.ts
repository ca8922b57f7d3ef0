// Runs once before the integration suite: migrate the test database. For PGlite, migrate a
// fresh in-memory cluster once and save it, so each test file starts from a copy in ≈1 s
// instead of running initdb and every migration again.
import { PGlite } from "@electric-sql/pglite";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../scripts/lib/migrate.mjs";
import { dropSnapshotDatabases } from "./snapshot-databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string | null;
    /** Where tests/support/demo-snapshot.ts keeps the seeded demo (PGlite dump, or a marker for the server's template). */
    snapshotDir: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(path.join(tmpdir(), "tis-test-"));
  project.provide("snapshotDir", dir);
  if (url) {
    await dropSnapshotDatabases(url);
    await deployMigrations({ databaseUrl: url });
    project.provide("pgliteDump", null);
    return () => dropSnapshotDatabases(url);
  }
  const pglite = new PGlite();
  await deployMigrations({ pglite, databaseUrl: "" });
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", file);
}
