// Races and outages that need a PostgreSQL server (several connections, backends to terminate); the
// integration project includes this file only when TEST_DATABASE_URL is set (vitest.config.ts).
//  - 40 parallel first saves of one report: exactly one wins, the rest get 409 with what it saved.
//  - The same across two app instances (two Prisma clients, two pools) on one database.
//  - A backend terminated mid-save: 503 in Chinese, nothing half-written, and the next save works.
//  - A burst of 30 sign-in attempts: at most 5 password checks, then the account is locked.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createPrismaForUrl, getPrisma, attachDatabase, type Db } from "@/lib/db/client";
import { createUser, ensureIndicators } from "@/lib/demo/factories";
import { callApiJson, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";
import { createCountyWithTown } from "../support/regions";

const URL = process.env.TEST_DATABASE_URL!;
const TOWN = "321281100000";
const PERIOD = "2024-08";
const PASSWORD = "Secret2026";
const db = () => getPrisma();
let tokens: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  await ensureIndicators(db());
  const { town } = await createCountyWithTown(db(), { code: TOWN, name: "戴南镇" });
  await createUser(db(), { username: "reporter", password: PASSWORD, role: "REPORTER", regionId: town.id });
  await createUser(db(), { username: "reporter2", password: PASSWORD, role: "REPORTER", regionId: town.id });
  tokens = [await createApiToken("reporter", { readOnly: false }), await createApiToken("reporter2", { readOnly: false })];
});

const put = (i: number, version: number) =>
  callApiJson(reportPUT, `/api/v1/reports/${TOWN}/${PERIOD}`, "PUT", { version, values: { gross_output: String(1000 + i), value_added: String(100 + i) } }, tokens[i % 2], { town: TOWN, period: PERIOD });

async function stored() {
  const reports = await db().townReport.findMany({ select: { id: true, version: true } });
  const values = await db().reportValue.findMany({ select: { value: true, indicator: { select: { code: true } } } });
  const audits = await db().auditLog.findMany({ where: { entity: "TownReport" }, select: { action: true } });
  return { reports, values: Object.fromEntries(values.map((v) => [v.indicator.code, v.value.toString()])), audits: audits.map((a) => a.action).sort() };
}

/** Exactly one 200; every other answer a 409 showing the winner's figures and version. */
async function expectOneWinner(results: Awaited<ReturnType<typeof put>>[], winnerVersion: number) {
  expect(results.filter((r) => r.status >= 500)).toEqual([]);
  const won = results.filter((r) => r.status === 200);
  expect(won).toHaveLength(1);
  expect(results.filter((r) => r.status === 409)).toHaveLength(results.length - 1);
  const after = await stored();
  expect(after.reports).toHaveLength(1);
  expect(after.reports[0].version).toBe(winnerVersion);
  // Nothing half-written: the stored figures are the winner's, both of them.
  expect(after.values).toEqual(won[0].body.values);
  for (const lost of results.filter((r) => r.status === 409)) {
    expect(lost.body.error?.message).toContain("您的修改未保存");
    expect(lost.body.error?.details).toMatchObject({ version: winnerVersion, values: after.values });
  }
  return after;
}

describe("parallel saves of one report", () => {
  it("40 first saves at once: one creates the report, 39 get 409 with what it saved", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => put(i, 0)));
    const after = await expectOneWinner(results, 1);
    expect(after.audits).toEqual(["create", "update", "update"]);
  });

  describe("across two app instances on one database", () => {
    // Two Prisma clients with their own pools, as two app processes would have; each request runs on
    // one of them (the data layer's getPrisma() answers per request through AsyncLocalStorage).
    const instances = [createPrismaForUrl(URL), createPrismaForUrl(URL)];
    const current = new AsyncLocalStorage<Db>();
    const router = new Proxy(instances[0], {
      get(_target, prop) {
        const client = current.getStore() ?? instances[0];
        const value = Reflect.get(client, prop, client) as unknown;
        return typeof value === "function" ? value.bind(client) : value;
      },
    });
    afterAll(async () => {
      attachDatabase(createPrismaForUrl(URL), "postgres");
      await Promise.all(instances.map((c) => c.$disconnect()));
    });

    it("40 first saves split over both: one winner, 39 × 409", async () => {
      attachDatabase(router, "postgres");
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => current.run(instances[i % 2], () => put(i, 0))));
      await expectOneWinner(results, 1);
    });

    it("40 saves of the same version split over both: one winner, 39 × 409", async () => {
      attachDatabase(router, "postgres");
      expect((await put(0, 0)).status).toBe(200);
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => current.run(instances[i % 2], () => put(i + 1, 1))));
      await expectOneWinner(results, 2);
    });
  });
});

describe("a backend terminated in the middle of a save", () => {
  it("answers 503 in Chinese with Retry-After, writes nothing, and the next save works", async () => {
    expect((await put(0, 0)).status).toBe(200);
    const before = await stored();
    // Hold the report's row so the next save waits inside its transaction, then end that backend.
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    try {
      await admin.query("BEGIN");
      await admin.query(`SELECT 1 FROM "TownReport" FOR UPDATE`);
      const request = reportPUT(
        new Request(`http://localhost/api/v1/reports/${TOWN}/${PERIOD}`, { method: "PUT", headers: { authorization: `Bearer ${tokens[0]}`, "content-type": "application/json" }, body: JSON.stringify({ version: 1, values: { gross_output: "5555" } }) }),
        { params: Promise.resolve({ town: TOWN, period: PERIOD }) },
      );
      const pid = await waitForBlockedBackend(admin);
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      const res = await request;
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await res.json()).toEqual({ error: { code: "unavailable", message: "数据库暂时不可用，请稍后重试" } });
      await admin.query("ROLLBACK");
    } finally {
      await admin.end();
    }
    expect(await stored()).toEqual(before);
    // The pool replaced the dead connection by itself: no restart needed.
    const again = await put(7, 1);
    expect(again.status).toBe(200);
    expect(again.body.values).toMatchObject({ gross_output: "1007" });
  });
});

/** The backend of this database that waits for a lock (the blocked save), polled until it shows up. */
async function waitForBlockedBackend(admin: pg.Client): Promise<number> {
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a burst of sign-in attempts", () => {
  it("30 at once: at most 5 password checks; the right password in the burst gets in only within them", async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => verifyCredentials(db(), { username: "reporter", password: i === 29 ? PASSWORD : `wrong-${i}` }, "10.0.0.1"));
    const results = await Promise.all(attempts);
    const invalid = results.filter((r) => !r.ok && r.error === "invalid").length;
    const signedIn = results.filter((r) => r.ok).length;
    // A checked wrong password answers "invalid", except the one that locks ("throttled").
    expect(invalid + signedIn).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.error === "throttled").length).toBeGreaterThanOrEqual(25);
    if (signedIn === 0) {
      // The right password came after the lock: refused in the burst and refused afterwards.
      expect(results[29]).toEqual({ ok: false, error: "throttled" });
      expect(await verifyCredentials(db(), { username: "reporter", password: PASSWORD }, "10.0.0.2")).toEqual({ ok: false, error: "throttled" });
    }
  });

  it("30 wrong at once: 4 answered 'wrong password', the rest refused, and the account is locked", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => verifyCredentials(db(), { username: "reporter", password: `wrong-${i}` }, "10.0.0.1")));
    expect(results.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.error === "throttled")).toHaveLength(26);
    const row = await db().user.findUniqueOrThrow({ where: { username: "reporter" }, select: { lockedUntil: true } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await verifyCredentials(db(), { username: "reporter", password: PASSWORD }, "10.0.0.2")).toEqual({ ok: false, error: "throttled" });
  });
});
