// Failures during writes, on both databases: an import commit that died midway (its lease ran out)
// is shown as interrupted and can be committed again, while a live one still answers 409; a
// database that cannot be reached answers 503 in Chinese, and the next save works again.
import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { POST as commitPOST } from "@/app/api/v1/import/jobs/[id]/commit/route";
import { GET as jobGET } from "@/app/api/v1/import/jobs/[id]/route";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { loadActiveUser } from "@/lib/auth/session";
import { createPrismaForPglite, createPrismaForUrl, currentDatabaseKind, getPrisma, attachDatabase, type Db } from "@/lib/db/client";
import { createUser, ensureIndicators, makeCreditCode } from "@/lib/demo/factories";
import { claimJob, keepLease } from "@/lib/import/lease";
import { previewImport } from "@/lib/import/service";
import { messyWorkbook } from "../fixtures/import-workbooks";
import { callApiJson, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";
import { createCountyWithTown } from "../support/regions";

const TOWN = "321281100000";
const PERIOD = "2024-08";
const db = () => getPrisma();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let reviewer = "";
let reporter = "";

beforeEach(async () => {
  await resetDatabase();
  await ensureIndicators(db());
  const { county, town } = await createCountyWithTown(db(), { code: TOWN, name: "戴南镇" });
  await createUser(db(), { username: "reviewer", password: "Secret2026", role: "REVIEWER", regionId: county.id });
  await createUser(db(), { username: "reporter", password: "Secret2026", role: "REPORTER", regionId: town.id });
  reviewer = await createApiToken("reviewer", { readOnly: false });
  reporter = await createApiToken("reporter", { readOnly: false });
});

async function previewedJob(): Promise<number> {
  const row = await db().user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true } });
  const user = (await loadActiveUser(row.id, 1))!;
  const rows = [0, 1].map((i) => [makeCreditCode("321281", 700_000 + i), `中断测试企业${i}有限公司`, "戴南镇", "C3311", "民营", "否"]);
  const bytes = await messyWorkbook({ title: "企业名录", headers: ["统一社会信用代码", "单位名称", "所属乡镇", "行业代码", "经济类型", "是否规上"], rows });
  const preview = await previewImport(user, { kind: "enterprises", fileName: "名录.xlsx", bytes, period: null });
  expect(preview.counts).toMatchObject({ create: 2, errors: 0 });
  return preview.jobId;
}

const jobCall = async (handler: typeof jobGET | typeof commitPOST, id: number, method: string) => {
  const res = await handler(new Request(`http://localhost/api/v1/import/jobs/${id}`, { method, headers: { authorization: `Bearer ${reviewer}` } }), { params: Promise.resolve({ id: String(id) }) });
  return { status: res.status, body: (await res.json()) as Json };
};

/** What a commit left behind when its process died (or the database restarted) mid-transaction. */
const leaveRunning = (id: number, leaseUntil: Date) => db().importJob.update({ where: { id }, data: { status: "RUNNING", leaseUntil, leaseOwner: "dead-process" } });

describe("an import commit that died midway", () => {
  it("once its lease has run out, shows as FAILED with a Chinese message and can be committed again", async () => {
    const id = await previewedJob();
    await leaveRunning(id, new Date(Date.now() - 1000));

    const shown = await jobCall(jobGET, id, "GET");
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ status: "FAILED", error: "导入中断，所有数据均未写入，请重新提交", committable: true });

    const again = await jobCall(commitPOST, id, "POST");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "COMMITTED", created: 2 });
    expect(await db().enterprise.count()).toBe(2);
    expect(await db().importJob.findUniqueOrThrow({ where: { id }, select: { status: true, leaseOwner: true } })).toEqual({ status: "COMMITTED", leaseOwner: null });
  });

  it("while its lease is live, is still running: 409 and nothing written", async () => {
    const id = await previewedJob();
    await leaveRunning(id, new Date(Date.now() + 60_000));
    expect((await jobCall(jobGET, id, "GET")).body).toMatchObject({ status: "RUNNING" });
    const refused = await jobCall(commitPOST, id, "POST");
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("该导入正在进行中");
    expect(await db().enterprise.count()).toBe(0);
  });
});

describe("the lease of a running commit", () => {
  it("is renewed by the attempt that holds it, not by a stale one, and cannot be claimed twice", async () => {
    const id = await previewedJob();
    const owner = (await claimJob(db(), id))!;
    expect(owner).toBeTruthy();
    expect(await claimJob(db(), id)).toBeNull();
    const lease = async () => (await db().importJob.findUniqueOrThrow({ where: { id }, select: { leaseUntil: true } })).leaseUntil!.getTime();
    const claimed = await lease();

    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const stopStale = keepLease(id, "another-attempt");
      vi.advanceTimersByTime(15_000);
      stopStale();
      // Give the stale renewal time to reach the database: it must change nothing.
      await db().$queryRaw`SELECT 1`;
      await vi.waitFor(async () => expect(await lease()).toBe(claimed));
      const stop = keepLease(id, owner);
      await new Promise((r) => setTimeout(r, 5));
      vi.advanceTimersByTime(15_000);
      stop();
      await vi.waitFor(async () => expect(await lease()).toBeGreaterThan(claimed), { timeout: 10_000 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a database that cannot be reached", () => {
  const put = (values: Record<string, string>, version: number) =>
    callApiJson(reportPUT, `/api/v1/reports/${TOWN}/${PERIOD}`, "PUT", { version, values }, reporter, { town: TOWN, period: PERIOD });

  /** Runs `fn` with the app's data layer pointed at `broken`, then restores the real database. */
  async function withDatabase<T>(broken: Db, pglite: PGlite | undefined, fn: () => Promise<T>): Promise<T> {
    const real = { prisma: getPrisma(), kind: currentDatabaseKind(), pglite: (globalThis as { __tisDb?: { pglite?: PGlite } }).__tisDb?.pglite };
    attachDatabase(broken, real.kind, pglite);
    try {
      return await fn();
    } finally {
      attachDatabase(real.prisma, real.kind, real.pglite);
    }
  }

  const expectUnavailable = (res: Awaited<ReturnType<typeof put>>, headers: Headers | null = null) => {
    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({ code: "unavailable", message: "数据库暂时不可用，请稍后重试" });
    if (headers) expect(headers.get("retry-after")).toBe("5");
  };

  it("a server on a closed port: 503 with Retry-After; then a save works again", async () => {
    const closed = createPrismaForUrl("postgresql://postgres@127.0.0.1:1/nothing");
    const raw = await withDatabase(closed, undefined, () =>
      reportPUT(new Request(`http://localhost/api/v1/reports/${TOWN}/${PERIOD}`, { method: "PUT", headers: { authorization: `Bearer ${reporter}`, "content-type": "application/json" }, body: JSON.stringify({ version: 0, values: { gross_output: "100" } }) }), { params: Promise.resolve({ town: TOWN, period: PERIOD }) }),
    );
    expectUnavailable({ status: raw.status, text: "", body: (await raw.json()) as Json }, raw.headers);
    await closed.$disconnect();
    expect(await db().townReport.count()).toBe(0);
    expect((await put({ gross_output: "100" }, 0)).status).toBe(200);
  });

  it("an embedded database that was closed: 503, not a generic 500", { timeout: 180_000 }, async () => {
    // A second embedded database (from the migrated template when there is one: no initdb), then closed.
    const dump = inject("pgliteDump");
    const pglite = new PGlite(dump ? { loadDataDir: new Blob([readFileSync(dump)]) } : undefined);
    const prisma = createPrismaForPglite(pglite);
    await pglite.close();
    expectUnavailable(await withDatabase(prisma, pglite, () => put({ gross_output: "100" }, 0)));
    expect((await put({ gross_output: "100" }, 0)).status).toBe(200);
  });
});
