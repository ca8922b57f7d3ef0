// npm run db:backup / db:restore against the test database (PGlite, or the server in TEST_DATABASE_URL):
// backup → wipe → restore reads the same; a database with data is refused without --force and left
// untouched; a backup whose migrations differ from the code's is refused with the names.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentPglite, getPrisma } from "@/lib/db/client";
import { seedDemoCounty } from "@/lib/demo/seed";
import { writeBackup } from "../../scripts/lib/backup.mjs";
import { sqlLiteral } from "../../scripts/lib/backup-format.mjs";
import { restoreBackup, RestoreRefused } from "../../scripts/lib/restore.mjs";
import { listMigrationNames } from "../../scripts/lib/migrations-dir.mjs";
import { addTrickyRows, tableDigests, TRICKY, userView } from "../support/backup";
import { resetDatabase } from "../support/db";

const period = { year: 2024, month: 2 };
const target = () => (process.env.TEST_DATABASE_URL ? { databaseUrl: process.env.TEST_DATABASE_URL } : { pglite: currentPglite() });
let dir: string;
let file: string;
let before: { view: Awaited<ReturnType<typeof userView>>; tables: Awaited<ReturnType<typeof tableDigests>> };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tis-backup-"));
  await resetDatabase();
  await seedDemoCounty(getPrisma(), { throughYear: period.year, throughMonth: period.month });
  await addTrickyRows();
  before = { view: await userView(period.year, period.month), tables: await tableDigests() };
  file = path.join(dir, "backup.sql");
  await writeBackup({ ...target(), out: file });
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into the wiped database exactly: overview, audit log and every table's rows", async () => {
    expect(before.view.audit.some((a) => a.reason === TRICKY)).toBe(true);
    await resetDatabase();
    expect((await userView(period.year, period.month)).county).toBeNull();

    await restoreBackup({ ...target(), file });

    expect(await userView(period.year, period.month)).toEqual(before.view);
    expect(await tableDigests()).toEqual(before.tables);
    // Sequences continue after the restored rows.
    const next = await getPrisma().importJob.create({ data: { kind: "x", fileName: "x", fileHash: "0".repeat(64), status: "FAILED" }, select: { id: true } });
    expect(next.id).toBeGreaterThan(before.tables.ImportJob.rows);
    await getPrisma().importJob.delete({ where: { id: next.id } });
  });

  it("refuses a database that has data without --force and changes nothing; --force overwrites it", async () => {
    const db = getPrisma();
    await db.auditLog.deleteMany({ where: { reason: TRICKY } });
    await db.region.updateMany({ where: { level: "TOWN" }, data: { name: "改过的名字" } });
    const changed = await tableDigests();

    const refused = restoreBackup({ ...target(), file });
    await expect(refused).rejects.toBeInstanceOf(RestoreRefused);
    await expect(refused).rejects.toThrow(/目标数据库不是空的.*--force/s);
    expect(await tableDigests()).toEqual(changed);

    const gz = path.join(dir, "backup.sql.gz");
    await writeBackup({ ...target(), out: gz }); // of the changed data: a gzipped file round-trips too
    await restoreBackup({ ...target(), file, force: true });
    expect(await tableDigests()).toEqual(before.tables);
    await restoreBackup({ ...target(), file: gz, force: true });
    expect(await tableDigests()).toEqual(changed);
    await restoreBackup({ ...target(), file, force: true });
    expect(await userView(period.year, period.month)).toEqual(before.view);
  });

  it("refuses a backup whose migrations differ from the code's, naming each one, even with --force", async () => {
    const code = await listMigrationNames(path.resolve(import.meta.dirname, "../../prisma/migrations"));
    const text = await readFile(file, "utf8");
    const older = code[code.length - 1];
    const edited = text.replace(/^(-- tis-backup: .*)$/m, (line) => line.replace(`,"${older}"`, `,"29990101000000_from_the_future"`));
    expect(edited).not.toBe(text);
    const other = path.join(dir, "other.sql");
    await writeFile(other, edited);

    const refused = restoreBackup({ ...target(), file: other, force: true });
    await expect(refused).rejects.toBeInstanceOf(RestoreRefused);
    await expect(refused).rejects.toThrow(/备份中有、本程序没有的迁移[^]*29990101000000_from_the_future[^]*本程序有、备份中没有的迁移[^]*/);
    await expect(refused).rejects.toThrow(older);
    expect(await tableDigests()).toEqual(before.tables);
  });

  it("refuses a file that was cut short and leaves the data as it was", async () => {
    const text = await readFile(file, "utf8");
    const cut = path.join(dir, "cut.sql");
    await writeFile(cut, text.slice(0, Math.floor(text.length * 0.6)));
    await getPrisma().auditLog.deleteMany({ where: { reason: TRICKY } });
    const changed = await tableDigests();
    await expect(restoreBackup({ ...target(), file: cut, force: true })).rejects.toThrow(/恢复失败|不完整/);
    expect(await tableDigests()).toEqual(changed);
  });
});

describe("SQL literals in the backup", () => {
  it("stay on one line and read back as the same text, for any string PostgreSQL can hold", async () => {
    const text = fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.replaceAll("\u0000", ""));
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const literal = sqlLiteral(s);
        expect(literal).not.toMatch(/[\r\n]/);
        const [row] = await getPrisma().$queryRawUnsafe<{ v: string }[]>(`SELECT ${literal}::text AS v`);
        expect(row.v).toBe(s);
      }),
      { numRuns: 200 },
    );
  });
});
