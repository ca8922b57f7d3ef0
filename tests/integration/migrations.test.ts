// Migrations through the WebAssembly schema engine (scripts/db.mjs, docs/decisions/002-migrations-wasm.md).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { deployMigrations } from "../../scripts/lib/migrate.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");

/** Runs scripts/db.mjs and returns its exit code and output (a non-zero exit is not an error here). */
async function dbScript(...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ["scripts/db.mjs", ...args], { cwd: root });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

async function migrationFolders() {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

describe("db:check (migrations folder vs schema.prisma)", () => {
  it("finds no drift for the committed schema and migrations", async () => {
    const { code, stdout } = await dbScript("check");
    expect(stdout).toContain("no drift");
    expect(code).toBe(0);
  });

  it("exits 2 and prints the missing SQL when the schema has a change without a migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "schema-drift-"));
    try {
      const schema = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
      const copy = path.join(dir, "schema.prisma");
      await writeFile(copy, `${schema}\nmodel DriftProbe {\n  id   Int     @id @default(autoincrement())\n  note String?\n}\n`);
      const { code, stdout } = await dbScript("check", "--schema", copy);
      expect(code).toBe(2);
      expect(stdout).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("deployMigrations on a fresh in-memory PGlite", () => {
  it("creates the tables and records every migration with its sha256 checksum", async () => {
    const pglite = await PGlite.create();
    try {
      const folders = await migrationFolders();
      expect(folders.length).toBeGreaterThan(0);

      const first = await deployMigrations({ pglite });
      expect(first.applied).toEqual(folders);

      const region = await pglite.query<{ t: string | null }>(`SELECT to_regclass('"Region"')::text AS t`);
      expect(region.rows[0].t).toBe('"Region"');

      const rows = await pglite.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.rows.map((r) => r.migration_name)).toEqual(folders);
      for (const row of rows.rows) {
        const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
      }

      const again = await deployMigrations({ pglite });
      expect(again.applied).toEqual([]);
    } finally {
      await pglite.close();
    }
  });
});
