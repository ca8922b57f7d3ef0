// Unbounded bodies: a 19 MB PUT once took 25 s, 1.3 GB and answered with a 67 MB error while a
// transaction was open. Now a JSON body is cut off at 1 MB while it streams in (413, nothing parsed
// or written), and a body full of bad fields gets a bounded answer, before any transaction opens.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { POST as uploadPOST } from "@/app/api/v1/import/jobs/route";
import { MAX_JSON_BYTES } from "@/lib/api/body";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser, ensureIndicators } from "@/lib/demo/factories";
import { createApiToken } from "../../support/api";
import { resetDatabase } from "../../support/db";

const TOWN = "321281100000"; // 戴南镇
const PERIOD = "2024-08"; // no report yet
const url = `http://localhost/api/v1/reports/${TOWN}/${PERIOD}`;
const params = { town: TOWN, period: PERIOD };
let token = "";

/** A body that streams `total` bytes of a JSON values object in 64 KB chunks, counting what was pulled. */
function hugeBody(total: number) {
  const chunk = new TextEncoder().encode(`"x":"${"1".repeat(64 * 1024 - 7)}",`);
  const stats = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"version":0,"values":{'));
      if (sent >= total) return controller.close();
      sent += chunk.length;
      stats.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, stats };
}

async function nothingWritten() {
  const db = getPrisma();
  return { reports: await db.townReport.count({ where: { year: 2024, month: 8 } }), audits: await db.auditLog.count() };
}

beforeAll(async () => {
  await resetDatabase();
  // A county with one town, its 填报员 and the county's 审核员: enough for these requests.
  const db = getPrisma();
  await ensureIndicators(db);
  const city = await createRegion(db, { code: "321200000000", name: "泰州市", level: "CITY" });
  const county = await createRegion(db, { code: "321281000000", name: "兴化市", level: "COUNTY", parentId: city.id });
  const town = await createRegion(db, { code: TOWN, name: "戴南镇", level: "TOWN", parentId: county.id });
  await createUser(db, { username: "reporter", password: "Report@2026", role: "REPORTER", regionId: town.id });
  await createUser(db, { username: "reviewer", password: "Review@2026", role: "REVIEWER", regionId: county.id });
  token = await createApiToken("reporter", { readOnly: false });
});

describe("oversized bodies", () => {
  it("a 19 MB streamed PUT is cut off near 1 MB: 413 in Chinese, fast, nothing written", async () => {
    const before = await nothingWritten();
    const { stream, stats } = hugeBody(19 * 1024 * 1024);
    const started = performance.now();
    const request = new Request(url, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    const res = await reportPUT(request, { params: Promise.resolve(params) });
    const ms = performance.now() - started;
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(JSON.parse(text).error.message).toBe("请求内容超过 1 MB 上限");
    expect(text.length).toBeLessThan(500);
    // Reading stopped at the limit: at most a few chunks past 1 MB were ever pulled from the client.
    expect(stats.pulled).toBeLessThan(MAX_JSON_BYTES + 4 * 64 * 1024);
    expect(ms).toBeLessThan(5_000);
    expect(await nothingWritten()).toEqual(before);
  });

  it("a declared Content-Length over the limit is refused before reading a byte", async () => {
    const { stream, stats } = hugeBody(19 * 1024 * 1024);
    const request = new Request(url, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(19 * 1024 * 1024) }, body: stream, duplex: "half" } as RequestInit);
    const res = await reportPUT(request, { params: Promise.resolve(params) });
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("the workflow actions no longer ignore a body they cannot read: 413, not a silent {}", async () => {
    const { stream } = hugeBody(3 * 1024 * 1024);
    const request = new Request(`${url}/submit`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    const res = await actionPOST(request, { params: Promise.resolve({ ...params, action: "submit" }) });
    expect(res.status).toBe(413);
  });

  it("a non-JSON body to a JSON route is 415", async () => {
    const request = new Request(url, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: JSON.stringify({ version: 0, values: {} }) });
    const res = await reportPUT(request, { params: Promise.resolve(params) });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/JSON/);
  });

  it("an upload over the import's own limit is 413 too", async () => {
    const reviewer = await createApiToken("reviewer", { readOnly: false });
    const request = new Request("http://localhost/api/v1/import/jobs", { method: "POST", headers: { authorization: `Bearer ${reviewer}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) }, body: "--x--" });
    const res = await uploadPOST(request);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/超过 10 MB/);
  });
});

describe("bodies full of mistakes", () => {
  const tenThousand = (value: (i: number) => unknown) => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`bad_field_${i}`, value(i)]));
  const put = (values: Record<string, unknown>) =>
    reportPUT(new Request(url, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ version: 0, values }) }), { params: Promise.resolve(params) });

  it("10,000 unknown fields: 400 listing 50 of them and the count, before any transaction", async () => {
    const before = await nothingWritten();
    const transactions = vi.spyOn(getPrisma(), "$transaction");
    const res = await put(tenThousand(() => "12"));
    const text = await res.text();
    expect(res.status).toBe(400);
    const error = JSON.parse(text).error;
    expect(error.message).toMatch(/^有 10000 项填写有误：未知指标 bad_field_0；/);
    expect(error.message).toMatch(/共 10000 项$/);
    expect(Object.keys(error.details.fieldErrors)).toHaveLength(50);
    expect(error.details.fieldErrorCount).toBe(10_000);
    expect(text.length).toBeLessThan(10_000);
    expect(transactions).not.toHaveBeenCalled();
    expect(await nothingWritten()).toEqual(before);
    // The spy does see the route's transactions: a good body opens one.
    expect((await put({ gross_output: "100" })).status).toBe(200);
    expect(transactions).toHaveBeenCalled();
    transactions.mockRestore();
  });

  it("10,000 values of the wrong type: the schema's answer is bounded the same way", async () => {
    const res = await put(tenThousand(() => ({ nested: true })));
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text).error.message).toMatch(/共 10000 项$/);
    expect(text.length).toBeLessThan(10_000);
  });

  it("a field name of 100,000 characters is not echoed back whole", async () => {
    const res = await put({ ["k".repeat(100_000)]: "1" });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(1_000);
  });
});
