// CSRF on the JSON API: a page elsewhere on the same site (another port, a sibling subdomain) gets
// the reviewer's SameSite=Lax session cookie sent along with a `<form enctype="text/plain">`. Such a
// write must be refused before it touches anything; the app's own same-origin calls and bearer-token
// clients keep working. The session is the reviewer's real user; only next-auth's cookie decoding is
// stood in for (it needs Next's request scope).
import type * as NextAuth from "next-auth";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { POST as commitPOST } from "@/app/api/v1/import/jobs/[id]/commit/route";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createTownReport, createUser, ensureIndicators } from "@/lib/demo/factories";
import { createApiToken } from "../../support/api";
import { resetDatabase } from "../../support/db";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: number; sessionVersion: number } } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuth>()), getServerSession: async () => session.current }));

const TOWN = "321281101000"; // 张郭镇: its 2024-07 report is submitted, waiting for review
const PERIOD = "2024-07";
const SITE = "http://127.0.0.1:3000";
const returnUrl = `${SITE}/api/v1/reports/${TOWN}/${PERIOD}/return`;
const params = { town: TOWN, period: PERIOD, action: "return" };

/** What `<form method="post" enctype="text/plain">` with one field `{"comment":"x","y":"` = `"}` sends. */
const FORGED_BODY = '{"comment":"已阅","y":"="}\r\n';

function post(headers: Record<string, string>, body: string | undefined) {
  const request = new Request(returnUrl, { method: "POST", headers: { cookie: "next-auth.session-token=test", ...headers }, body });
  return actionPOST(request, { params: Promise.resolve(params) });
}

async function reportState() {
  const { regionId, ...r } = await getPrisma().townReport.findFirstOrThrow({ where: { region: { code: TOWN }, year: 2024, month: 7 }, select: { regionId: true, status: true, version: true, reviewerComment: true } });
  const audits = await getPrisma().auditLog.count({ where: { regionId, year: 2024, month: 7 } });
  return { ...r, audits };
}

const OTHER_TOWN = "321281103000"; // 戴窑镇, also submitted

beforeAll(async () => {
  await resetDatabase();
  // A county with two towns whose July reports wait for review, and the county's 审核员.
  const db = getPrisma();
  const ids = await ensureIndicators(db);
  const city = await createRegion(db, { code: "321200000000", name: "泰州市", level: "CITY" });
  const county = await createRegion(db, { code: "321281000000", name: "兴化市", level: "COUNTY", parentId: city.id });
  for (const [i, code] of [TOWN, OTHER_TOWN].entries()) {
    const town = await createRegion(db, { code, name: ["张郭镇", "戴窑镇"][i], level: "TOWN", parentId: county.id });
    await createTownReport(db, ids, { regionId: town.id, year: 2024, month: 7, status: "SUBMITTED", values: { gross_output: "12000" } });
  }
  await createUser(db, { username: "reviewer", password: "Review@2026", role: "REVIEWER", regionId: county.id });
});

beforeEach(async () => {
  const reviewer = await getPrisma().user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true, sessionVersion: true } });
  session.current = { user: { id: reviewer.id, sessionVersion: reviewer.sessionVersion } };
});

describe("writes with the session cookie", () => {
  it("refuses the text/plain form from a same-site page (403, Chinese), and the report stays submitted", async () => {
    const before = await reportState();
    expect(before.status).toBe("SUBMITTED");
    const forged: Record<string, string>[] = [
      { origin: "http://127.0.0.1:9999", "sec-fetch-site": "same-site", "content-type": "text/plain" },
      { origin: "http://evil.127.0.0.1.nip.io:3000", "content-type": "text/plain" }, // no Sec-Fetch-Site (older browser)
      { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { "content-type": "text/plain" }, // neither header: not provably ours
      { origin: "null", "content-type": "text/plain" }, // a sandboxed frame
    ];
    for (const headers of forged) {
      const res = await post(headers, FORGED_BODY);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.message).toMatch(/跨站请求伪造/);
    }
    // Same origin is not enough without JSON: a text/plain form from one of our own pages (an injected one) is 415.
    const plain = await post({ origin: SITE, "sec-fetch-site": "same-origin", "content-type": "text/plain" }, FORGED_BODY);
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.message).toMatch(/application\/json/);
    expect(await reportState()).toEqual(before);
  });

  it("refuses a forged JSON-typed write too: the origin decides, not the content type", async () => {
    const before = await reportState();
    const res = await post({ origin: "http://127.0.0.1:9999", "sec-fetch-site": "same-site", "content-type": "application/json" }, JSON.stringify({ comment: "已阅" }));
    expect(res.status).toBe(403);
    expect(await reportState()).toEqual(before);
  });

  it("lets the app's own fetch through: same-origin JSON returns the report", async () => {
    const res = await post({ origin: SITE, host: "127.0.0.1:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" }, JSON.stringify({ comment: "请核实用电量" }));
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("RETURNED");
    expect((await reportState()).reviewerComment).toBe("请核实用电量");
  });

  it("accepts a same-origin write that names only Sec-Fetch-Site, or only Origin", async () => {
    const put = (headers: Record<string, string>) =>
      reportPUT(new Request(`${SITE}/api/v1/reports/${TOWN}/${PERIOD}`, { method: "PUT", headers: { cookie: "x=1", "content-type": "application/json", ...headers }, body: "{" }), { params: Promise.resolve({ town: TOWN, period: PERIOD }) });
    // Past the guard, the (broken) JSON is what is refused: 400, not 403.
    expect((await put({ "sec-fetch-site": "same-origin" })).status).toBe(400);
    expect((await put({ origin: SITE })).status).toBe(400);
  });

  it("lets a bodyless same-origin POST through (the import commit button sends no body)", async () => {
    const res = await commitPOST(new Request(`${SITE}/api/v1/import/jobs/999/commit`, { method: "POST", headers: { cookie: "x=1", origin: SITE, "sec-fetch-site": "same-origin", "content-length": "0" } }), { params: Promise.resolve({ id: "999" }) });
    expect(res.status).not.toBe(403);
    expect(res.status).not.toBe(415);
  });
});

describe("writes with a bearer token", () => {
  it("are not subject to the browser checks: no Origin needed", async () => {
    session.current = null;
    const token = await createApiToken("reviewer", { readOnly: false });
    const res = await actionPOST(
      new Request(`${SITE}/api/v1/reports/${OTHER_TOWN}/${PERIOD}/return`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ comment: "请补充说明" }) }),
      { params: Promise.resolve({ town: OTHER_TOWN, period: PERIOD, action: "return" }) },
    );
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("RETURNED");
  });
});
