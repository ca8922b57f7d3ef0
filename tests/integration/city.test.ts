// One installation for a city: 泰州市 with two counties that have full town detail (兴化市 and a
// second one created here, 靖江市) and one known only by its county-level figures (海陵区). Each
// county's staff read and write only their county (a refusal as for another town: 403 from the API,
// false from the permission the pages call); the city's users read everything in the city, review
// only county-level reports, and never a town's; the city's overview sums each county's subtree by
// its own county's counting rule; user admin keeps each admin inside their region.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { GET as reportGET, PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { GET as submissionsGET } from "@/app/api/v1/submissions/route";
import { GET as exportGET } from "@/app/api/v1/export/[table]/route";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createTownReport, createUser, ensureIndicators, makeCreditCode, type IndicatorIds } from "@/lib/demo/factories";
import { defaultPeriod } from "@/lib/reports/default-period";
import { listPendingReviews } from "@/lib/reports/inbox";
import { auditScopeRoot, canEditReport, canReadFirms, canReadRegion, canReviewReport, navigationFor, readScopeRoot } from "@/lib/permissions";
import { listAuditRegions } from "@/lib/audit/scope";
import type { RegionOverview } from "@/lib/overview/query";
import { createUser as adminCreateUser } from "@/lib/users/service";
import { createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

const CITY = "321200000000";
const XINGHUA = "321281000000";
const JINGJIANG = "321282000000";
const HAILING = "321202000000"; // county-level figures only
const TOWNS = { dainan: "321281100000", zhangguo: "321281101000", jingcheng: "321282100000", xilai: "321282101000" } as const;

let ids: IndicatorIds;
const region: Record<string, number> = {};
const tokens: Record<string, string> = {};
const users: Record<string, CurrentUser> = {};

const get = (handler: (r: Request) => Promise<Response>, path: string, who: string) =>
  handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } }));

async function reportCall(who: string, code: string, period: string, action: "view" | "save" | "submit" | "approve" | "return" | "reopen", values: Record<string, string> = {}) {
  const headers = { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" };
  const path = `http://localhost/api/v1/reports/${code}/${period}`;
  const current = await getPrisma().townReport.findFirst({ where: { region: { code }, year: Number(period.slice(0, 4)), month: Number(period.slice(5)) }, select: { version: true } });
  const version = current?.version ?? 0;
  if (action === "view") return reportGET(new Request(path, { headers }), { params: Promise.resolve({ town: code, period }) });
  if (action === "save") return reportPUT(new Request(path, { method: "PUT", headers, body: JSON.stringify({ values, version }) }), { params: Promise.resolve({ town: code, period }) });
  const body = { version, ...(action === "return" ? { comment: "请核实" } : {}), ...(action === "reopen" ? { reason: "市表更正" } : {}) };
  return actionPOST(new Request(`${path}/${action}`, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({ town: code, period, action }) });
}

const figures = (gross: number) => ({ gross_output: String(gross), sales_revenue: String(gross * 0.9), employees: String(Math.round(gross / 10)) });

beforeAll(async () => {
  await resetDatabase();
  const db = getPrisma();
  ids = await ensureIndicators(db);
  const city = await createRegion(db, { code: CITY, name: "泰州市", level: "CITY" });
  region[CITY] = city.id;
  for (const [code, name, kind] of [[XINGHUA, "兴化市", "县级市"], [JINGJIANG, "靖江市", "县级市"], [HAILING, "海陵区", "区"]] as const) {
    region[code] = (await createRegion(db, { code, name, level: "COUNTY", parentId: city.id, kind })).id;
  }
  for (const [code, name, county] of [[TOWNS.dainan, "戴南镇", XINGHUA], [TOWNS.zhangguo, "张郭镇", XINGHUA], [TOWNS.jingcheng, "靖城街道", JINGJIANG], [TOWNS.xilai, "西来镇", JINGJIANG]] as const) {
    region[code] = (await createRegion(db, { code, name, level: "TOWN", parentId: region[county] })).id;
  }
  // June approved everywhere (and May, for last month's figures); 海陵区 reports as a county.
  const gross: Record<string, number> = { [TOWNS.dainan]: 300000, [TOWNS.zhangguo]: 100000, [TOWNS.jingcheng]: 250000, [TOWNS.xilai]: 50000, [HAILING]: 500000 };
  for (const [code, value] of Object.entries(gross)) {
    for (const [year, month, scale] of [[2023, 6, 0.9], [2024, 5, 0.8], [2024, 6, 1]] as const) {
      await createTownReport(db, ids, { regionId: region[code], year, month, values: figures(Math.round(value * scale)) });
    }
  }
  await db.enterprise.create({ data: { name: "戴南不锈钢有限公司", creditCode: makeCreditCode("321281", 1), townId: region[TOWNS.dainan], industryCode: "3130", ownership: "PRIVATE", aboveScale: true } });
  await db.enterprise.create({ data: { name: "靖江船舶有限公司", creditCode: makeCreditCode("321282", 2), townId: region[TOWNS.jingcheng], industryCode: "3731", ownership: "PRIVATE", aboveScale: true } });

  const accounts: [string, CurrentUser["role"], string][] = [
    ["xh_reviewer", "REVIEWER", XINGHUA], ["jj_reviewer", "REVIEWER", JINGJIANG], ["hl_reviewer", "REVIEWER", HAILING],
    ["xh_leader", "LEADER", XINGHUA], ["dn_reporter", "REPORTER", TOWNS.dainan],
    ["city_reviewer", "CITY_REVIEWER", CITY], ["city_leader", "CITY_LEADER", CITY],
    ["city_admin", "ADMIN", CITY], ["xh_admin", "ADMIN", XINGHUA],
  ];
  for (const [username, role, at] of accounts) {
    const u = await createUser(db, { username, password: "City@2026", role, regionId: region[at] });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
    users[username] = (await loadActiveUser(u.id, sessionVersion))!;
    tokens[username] = await createApiToken(username, { readOnly: false });
  }
}, 120_000);

describe("each county's staff see only their county", () => {
  it("a county reviewer reads their county and is refused another's, as for another town: 403", async () => {
    for (const [who, own, other] of [["xh_reviewer", XINGHUA, JINGJIANG], ["jj_reviewer", JINGJIANG, XINGHUA]] as const) {
      expect((await get(overviewGET, `/api/v1/overview?region=${own}&period=2024-06`, who)).status).toBe(200);
      expect((await get(overviewGET, `/api/v1/overview?region=${other}&period=2024-06`, who)).status).toBe(403);
      expect((await get(overviewGET, `/api/v1/overview?region=${CITY}&period=2024-06`, who)).status).toBe(403);
      expect((await get(submissionsGET, `/api/v1/submissions?region=${other}&period=2024-06`, who)).status).toBe(403);
      const otherTown = other === XINGHUA ? TOWNS.dainan : TOWNS.jingcheng;
      expect((await reportCall(who, otherTown, "2024-06", "view")).status).toBe(403);
      expect(await canReadRegion(users[who], region[otherTown])).toBe(false);
      expect(await canReadFirms(users[who], region[otherTown])).toBe(false);
    }
    // The other county's enterprises are not in a county reviewer's export, even unfiltered.
    const csv = await (await exportGET(new Request(`http://localhost/api/v1/export/enterprises?format=csv&period=2024-06`, { headers: { authorization: `Bearer ${tokens.xh_reviewer}` } }), { params: Promise.resolve({ table: "enterprises" }) })).text();
    expect(csv).toContain("戴南不锈钢");
    expect(csv).not.toContain("靖江船舶");
  });

  it("a county's default overview is its own; a reporter's root stays their county", async () => {
    expect((await readScopeRoot(users.jj_reviewer))?.code).toBe(JINGJIANG);
    expect((await readScopeRoot(users.dn_reporter))?.code).toBe(XINGHUA);
    expect((await readScopeRoot(users.city_leader))?.code).toBe(CITY);
  });
});

describe("the city's users", () => {
  it("read the city overview: the counties ranked, each the sum of its towns (or its own report)", async () => {
    const res = await get(overviewGET, `/api/v1/overview?region=${CITY}&period=2024-06`, "city_leader");
    expect(res.status).toBe(200);
    const o = (await res.json()) as RegionOverview;
    const byName = Object.fromEntries(o.children.map((c) => [c.region.name, c.values.gross_output]));
    expect(Object.keys(byName).sort()).toEqual(["兴化市", "海陵区", "靖江市"].sort());
    expect(byName["兴化市"].value).toBe("400000");
    expect(byName["靖江市"].value).toBe("300000");
    expect(byName["海陵区"].value).toBe("500000");
    expect(o.totals.gross_output.value).toBe("1200000");
    // Ranked among the city's counties: 海陵区 first by total; every county grew 11.1% (ties share the rank).
    expect([byName["海陵区"].rank, byName["兴化市"].rank, byName["靖江市"].rank]).toEqual([1, 2, 3]);
    expect(byName["海陵区"].sharePercent).toBeCloseTo(41.67, 2);
  });

  it("drill into any county, its towns and their enterprises", async () => {
    for (const who of ["city_leader", "city_reviewer"]) {
      for (const county of [XINGHUA, JINGJIANG, HAILING]) expect((await get(overviewGET, `/api/v1/overview?region=${county}&period=2024-06`, who)).status).toBe(200);
      expect((await reportCall(who, TOWNS.jingcheng, "2024-06", "view")).status).toBe(200);
      expect(await canReadFirms(users[who], region[TOWNS.xilai])).toBe(true);
    }
    const csv = await (await exportGET(new Request(`http://localhost/api/v1/export/enterprises?format=csv&period=2024-06`, { headers: { authorization: `Bearer ${tokens.city_leader}` } }), { params: Promise.resolve({ table: "enterprises" }) })).text();
    expect(csv).toContain("戴南不锈钢");
    expect(csv).toContain("靖江船舶");
    // The city's overview exported: its rows are counties, under the city's total.
    const overview = await (await exportGET(new Request(`http://localhost/api/v1/export/overview?format=csv&region=${CITY}&period=2024-06`, { headers: { authorization: `Bearer ${tokens.city_leader}` } }), { params: Promise.resolve({ table: "overview" }) })).text();
    expect(overview).toMatch(/县（市、区）,本期累计/);
    expect(overview).toContain("泰州市合计");
    expect(overview).toContain("海陵区");
  });

  it("never edit or review a town's report", async () => {
    await getPrisma().townReport.updateMany({ where: { regionId: region[TOWNS.xilai], year: 2024, month: 6 }, data: { status: "SUBMITTED" } });
    expect((await reportCall("city_reviewer", TOWNS.xilai, "2024-06", "approve")).status).toBe(403);
    expect((await reportCall("city_reviewer", TOWNS.xilai, "2024-06", "return")).status).toBe(403);
    expect(await canReviewReport(users.city_reviewer, region[TOWNS.xilai], "SUBMITTED")).toBe(false);
    expect(await canEditReport(users.city_reviewer, region[TOWNS.xilai], "DRAFT")).toBe(false);
    // The town's report stays in its county reviewer's inbox, not the city's.
    expect((await listPendingReviews(users.jj_reviewer))!.map((r) => r.town.code)).toEqual([TOWNS.xilai]);
    expect(await listPendingReviews(users.city_reviewer)).toEqual([]);
    expect(await listPendingReviews(users.xh_reviewer)).toEqual([]);
    await getPrisma().townReport.updateMany({ where: { regionId: region[TOWNS.xilai], year: 2024, month: 6 }, data: { status: "APPROVED" } });
  });

  it("see 全市概览 in the navigation, and no entry, import or bulletin", () => {
    const leader = navigationFor("CITY_LEADER").map((i) => i.label);
    expect(leader).toContain("全市概览");
    expect(leader).not.toContain("全县概览");
    expect(leader).not.toContain("本镇填报");
    expect(leader).not.toContain("数据导入");
    expect(leader).not.toContain("全市分县数据");
    expect(navigationFor("CITY_REVIEWER").map((i) => i.label)).toEqual(expect.arrayContaining(["全市概览", "报送审核", "全市分县数据", "审计日志"]));
    expect(navigationFor("REVIEWER").map((i) => i.label)).toContain("全县概览");
    expect(navigationFor("REVIEWER").map((i) => i.label)).not.toContain("全市分县数据");
  });
});

describe("a county without town detail reports to the city", () => {
  it("its reviewer types and submits; only the city approves, returns and reopens", async () => {
    const period = "2024-07";
    expect((await reportCall("hl_reviewer", HAILING, period, "save", figures(560000))).status).toBe(200);
    // Another county's reviewer may not touch it.
    expect((await reportCall("xh_reviewer", HAILING, period, "save", figures(1))).status).toBe(403);
    expect((await reportCall("hl_reviewer", HAILING, period, "submit")).status).toBe(200);
    expect((await reportCall("hl_reviewer", HAILING, period, "approve")).status).toBe(403);
    expect((await listPendingReviews(users.city_reviewer))!.map((r) => `${r.town.name} ${r.period}`)).toEqual(["海陵区 2024-07"]);
    expect(await listPendingReviews(users.hl_reviewer)).toEqual([]); // their own submission is not theirs to review
    // The city's board lists its counties without town detail (the API's submissions of the city).
    const board = (await (await get(submissionsGET, `/api/v1/submissions?region=${CITY}&period=${period}`, "city_leader")).json()) as { towns: { name: string; state: string }[] };
    expect(board.towns).toEqual([expect.objectContaining({ name: "海陵区", state: "SUBMITTED" })]);
    expect((await get(submissionsGET, `/api/v1/submissions?region=${CITY}&period=${period}`, "xh_reviewer")).status).toBe(403);
    expect((await reportCall("city_leader", HAILING, period, "approve")).status).toBe(403);
    expect((await reportCall("city_reviewer", HAILING, period, "return")).status).toBe(200);
    expect((await reportCall("hl_reviewer", HAILING, period, "submit")).status).toBe(200);
    expect((await reportCall("city_reviewer", HAILING, period, "approve")).status).toBe(200);
    const report = await getPrisma().townReport.findFirstOrThrow({ where: { regionId: region[HAILING], year: 2024, month: 7 }, select: { status: true } });
    expect(report.status).toBe("APPROVED");
    expect((await reportCall("city_reviewer", HAILING, period, "reopen")).status).toBe(200);
    const audit = await getPrisma().auditLog.findMany({ where: { regionId: region[HAILING], entity: "TownReport", action: { in: ["submit", "approve", "return", "reopen"] } }, select: { action: true }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["submit", "return", "submit", "approve", "reopen"]);
    // The county-level report's audit trail can be picked on the audit page, by the city and by the county.
    for (const who of ["city_reviewer", "hl_reviewer"]) {
      const regions = await listAuditRegions((await auditScopeRoot(users[who]))!);
      expect(regions.towns.map((t) => t.name)).toContain("海陵区");
    }
  });

  it("a county with town detail has no county-level report: 404 for everyone", async () => {
    expect((await reportCall("city_reviewer", XINGHUA, "2024-07", "save", figures(1))).status).toBe(404);
    expect((await reportCall("xh_reviewer", XINGHUA, "2024-07", "save", figures(1))).status).toBe(404);
    expect(await canEditReport(users.xh_reviewer, region[XINGHUA], null)).toBe(false);
    expect(await getPrisma().townReport.count({ where: { regionId: region[XINGHUA] } })).toBe(0);
  });
});

describe("the city's figures keep each county's settings", () => {
  it("include=submitted adds submitted reports only where the county does not count approved ones only", async () => {
    const db = getPrisma();
    for (const town of [TOWNS.dainan, TOWNS.jingcheng]) await createTownReport(db, ids, { regionId: region[town], year: 2024, month: 8, status: "SUBMITTED", values: figures(1000) });
    await db.region.update({ where: { id: region[XINGHUA] }, data: { approvedOnly: true } });
    const res = await get(overviewGET, `/api/v1/overview?region=${CITY}&period=2024-08&include=submitted`, "city_leader");
    const o = (await res.json()) as RegionOverview;
    const byName = Object.fromEntries(o.children.map((c) => [c.region.name, c.values.gross_output.value]));
    expect(byName["兴化市"]).toBeNull(); // approved only: 戴南镇's submitted report does not count
    expect(byName["靖江市"]).toBe("1000");
    await db.region.update({ where: { id: region[XINGHUA] }, data: { approvedOnly: false } });
  });

  it("the city's default period: the newest month most reporting units (towns, and counties without towns) have counted", async () => {
    // June: every town and 海陵区 approved; July: only 海陵区 (reopened above: not counted); August: submitted only.
    expect(await defaultPeriod(region[CITY])).toEqual({ year: 2024, month: 6 });
    expect(await defaultPeriod(region[HAILING])).toEqual({ year: 2024, month: 6 });
  });
});

describe("user administration stays inside the admin's region", () => {
  const form = (username: string, role: string, at: string) => ({ username, displayName: username, role, regionId: String(region[at]), password: "Strong@Pass2026" });

  it("a county's admin cannot create users at the city or in another county", async () => {
    for (const at of [CITY, JINGJIANG, TOWNS.jingcheng]) {
      const role = at === CITY ? "CITY_REVIEWER" : at === JINGJIANG ? "REVIEWER" : "REPORTER";
      const r = await adminCreateUser(users.xh_admin, form(`x_${at.slice(0, 6)}_${role.toLowerCase()}`, role, at));
      expect(r.ok).toBe(false);
      expect(r.fieldErrors?.regionId).toEqual(["所选地区不在您管理的范围内"]);
    }
  });

  it("a city's admin creates city users at the city, and places each role at its level", async () => {
    expect(await adminCreateUser(users.city_admin, form("new_city_reviewer", "CITY_REVIEWER", CITY))).toMatchObject({ ok: true });
    expect(await adminCreateUser(users.city_admin, form("new_jj_reviewer", "REVIEWER", JINGJIANG))).toMatchObject({ ok: true });
    expect((await adminCreateUser(users.city_admin, form("bad_city_leader", "CITY_LEADER", XINGHUA))).fieldErrors?.regionId).toEqual(["市领导须选择所属市"]);
    expect((await adminCreateUser(users.city_admin, form("bad_reviewer", "REVIEWER", CITY))).fieldErrors?.regionId).toEqual(["县局审核员须选择县（市、区）"]);
    const created = await getPrisma().user.findUniqueOrThrow({ where: { username: "new_city_reviewer" }, select: { role: true, regionId: true } });
    expect(created).toEqual({ role: "CITY_REVIEWER", regionId: region[CITY] });
    expect(await getPrisma().user.count({ where: { username: { startsWith: "bad_" } } })).toBe(0);
  });
});
