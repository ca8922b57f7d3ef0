// Per test file: connect the app's data layer to the test database (a PostgreSQL server when
// TEST_DATABASE_URL is set, else an in-memory PGlite copied from the migrated template).
import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { register } from "@/instrumentation";
import { closeDatabase, createPrismaForPglite, createPrismaForUrl, attachDatabase } from "@/lib/db/client";

// What the server does at start-up (instrumentation.ts): Chinese zod messages.
register();

const url = process.env.TEST_DATABASE_URL;
if (url) {
  attachDatabase(createPrismaForUrl(url), "postgres");
} else {
  const dump = inject("pgliteDump");
  if (!dump) throw new Error("integration setup: no migrated PGlite template");
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(dump)]) });
  attachDatabase(createPrismaForPglite(pglite), "pglite", pglite);
}

afterAll(async () => {
  await closeDatabase();
});
