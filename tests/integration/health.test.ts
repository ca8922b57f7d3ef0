// /api/health: 503 with the names of the code's migrations the database has not applied.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { getPrisma } from "@/lib/db/client";
import { listMigrationNames } from "../../scripts/lib/migrations-dir.mjs";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
const saved: string[] = [];

async function health() {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { ok: boolean; pendingMigrations?: string[]; error?: { code: string; message: string } } };
}

/** Deletes a migration's row and keeps a copy, so the shared database gets it back afterwards. */
async function deleteMigrationRow(name: string) {
  const db = getPrisma();
  const [{ row }] = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(m)::text AS row FROM _prisma_migrations m WHERE migration_name = ${name}`;
  saved.push(row);
  await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${name}`;
}

afterEach(async () => {
  for (const row of saved.splice(0)) {
    await getPrisma().$executeRaw`INSERT INTO _prisma_migrations SELECT * FROM json_populate_record(NULL::_prisma_migrations, ${row}::json)`;
  }
});

describe("/api/health and migrations", () => {
  it("is ok when every migration in the folder is applied", async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, pendingMigrations: [] });
  });

  it("answers 503 and lists the migration whose row is missing", async () => {
    const names = await listMigrationNames(migrationsDir);
    const missing = names[names.length - 1];
    await deleteMigrationRow(missing);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.pendingMigrations).toEqual([missing]);
    expect(body.error?.message).toContain("迁移尚未应用");
  });

  it("counts a rolled-back migration as pending, and recovers once it is applied again", async () => {
    const names = await listMigrationNames(migrationsDir);
    const db = getPrisma();
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${names[0]}`;
    try {
      expect((await health()).body.pendingMigrations).toEqual([names[0]]);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${names[0]}`;
    }
    expect((await health()).status).toBe(200);
  });
});
