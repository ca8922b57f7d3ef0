import "server-only";
// Which of the code's migrations the database has not applied: /api/health reports them, so a load
// balancer takes a half-migrated instance out.
import path from "node:path";
import { listMigrationNames } from "@/scripts/lib/migrations-dir.mjs";
import { getPrisma } from "./client";

let folder: Promise<string[]> | undefined;

/** The migrations folder, read once per process: it cannot change under a running server. */
function codeMigrations(): Promise<string[]> {
  folder ??= listMigrationNames(path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations"));
  return folder;
}

/** Applied = finished and not rolled back. Asked each time: someone may deploy or roll back meanwhile. */
async function appliedMigrations(): Promise<Set<string>> {
  const db = getPrisma();
  try {
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((r) => r.name));
  } catch (error) {
    // A database that was never migrated has no _prisma_migrations table: everything is pending.
    const [{ present }] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
    if (present) throw error;
    return new Set();
  }
}

/** The code's migrations that the database lacks, in the order they apply. */
export async function pendingMigrations(): Promise<string[]> {
  const [names, applied] = await Promise.all([codeMigrations(), appliedMigrations()]);
  return names.filter((name) => !applied.has(name));
}
