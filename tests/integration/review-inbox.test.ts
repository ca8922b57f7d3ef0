// No empty submissions, the reviewer's 待审核 inbox and the audit pickers, through the real route
// handlers and services on a real database (issue 12, items 4, 5, 7).
import { beforeAll, describe, expect, it } from "vitest";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { auditPickerOptions, listScopedAudit } from "@/lib/audit/queries";
import { listAuditRegions } from "@/lib/audit/scope";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { auditScopeRoot } from "@/lib/permissions";
import { countPendingReviews, listPendingReviews, listReturnedReports } from "@/lib/reports/inbox";
import { returnReport } from "@/lib/reports/service";
import { callApiJson, createApiToken } from "../support/api";
import { useDemoSnapshot } from "../support/demo-snapshot";

const TOWN = "321281100000"; // 戴南镇
const PERIOD = "2024-08"; // the month after the seeded data: a new report
const path = `/api/v1/reports/${TOWN}/${PERIOD}`;
const params = { town: TOWN, period: PERIOD };
const t: Record<string, string> = {};
const who: Record<string, CurrentUser> = {};

const put = (token: string, body: unknown) => callApiJson(reportPUT, path, "PUT", body, token, params);
const act = (token: string, action: string, body: unknown = {}) => callApiJson(actionPOST, `${path}/${action}`, "POST", body, token, { ...params, action });

async function stored() {
  const db = getPrisma();
  const report = await db.townReport.findFirst({ where: { region: { code: TOWN }, year: 2024, month: 8 }, select: { status: true, version: true } });
  const town = await db.region.findUniqueOrThrow({ where: { code: TOWN }, select: { id: true } });
  const audits = await db.auditLog.count({ where: { regionId: town.id, year: 2024, month: 8 } });
  return { report, audits };
}

beforeAll(async () => {
  await useDemoSnapshot();
  const db = getPrisma();
  for (const u of ["reporter", "reviewer", "leader", "admin"]) {
    t[u] = await createApiToken(u, { readOnly: false });
    const row = await db.user.findUniqueOrThrow({ where: { username: u }, select: { id: true, sessionVersion: true } });
    who[u] = (await loadActiveUser(row.id, row.sessionVersion))!;
  }
}, 300_000); // the demo county's seed: slow on a busy machine

describe("required figures (必填指标)", () => {
  let version = 0;

  it("refuses to submit a report with none of its figures (422, in Chinese) and changes nothing", async () => {
    let res = await put(t.reporter, { version: 0, values: {} });
    expect(res.status).toBe(200);
    version = res.body.version as number;
    const before = await stored();
    res = await act(t.reporter, "submit", { version });
    expect(res.status).toBe(422);
    expect(res.body.error!.message).toBe("尚未填写必填指标：工业总产值、规上工业总产值、销售收入（营业收入）、利润总额、入库税金，填写后才能报送");
    const missing = (res.body.error!.details as { missingRequired: { code: string }[] }).missingRequired.map((m) => m.code);
    expect(missing).toEqual(["gross_output", "above_scale_output", "sales_revenue", "profit", "tax"]);
    expect(await stored()).toEqual(before);
  });

  it("names only the required figures still missing", async () => {
    const res0 = await put(t.reporter, { version, values: { gross_output: "1.2亿", sales_revenue: "11,800", profit: "600" } });
    expect(res0.status).toBe(200);
    version = res0.body.version as number;
    const before = await stored();
    const res = await act(t.reporter, "submit", { version });
    expect(res.status).toBe(422);
    expect(res.body.error!.message).toBe("尚未填写必填指标：规上工业总产值、入库税金，填写后才能报送");
    expect(await stored()).toEqual(before);
    expect(before.report?.status).toBe("DRAFT");
  });

  it("an empty report is refused even where the county requires nothing", async () => {
    const db = getPrisma();
    await db.region.update({ where: { code: DEMO_COUNTY.code }, data: { requiredIndicators: [] } });
    try {
      const res0 = await put(t.reporter, { version, values: { gross_output: null, sales_revenue: null, profit: null } });
      version = res0.body.version as number;
      const res = await act(t.reporter, "submit", { version });
      expect(res.status).toBe(422);
      expect(res.body.error!.message).toBe("月报尚未填写任何指标，不能报送");
    } finally {
      await db.region.update({ where: { code: DEMO_COUNTY.code }, data: { requiredIndicators: ["gross_output", "above_scale_output", "sales_revenue", "profit", "tax"] } });
    }
  });
});

describe("the reviewer's 待审核 inbox", () => {
  it("counts submitted reports across periods in the reviewer's county; roles that do not review have none", async () => {
    const db = getPrisma();
    const submitted = await db.townReport.count({ where: { status: "SUBMITTED" } });
    expect(submitted).toBeGreaterThan(0);
    expect(await countPendingReviews(who.reviewer)).toBe(submitted);
    expect(await countPendingReviews(who.leader)).toBeNull();
    expect(await countPendingReviews(who.reporter)).toBeNull();
    expect(await countPendingReviews(who.admin)).toBeNull();

    // An older month submitted late shows up too, oldest submission first.
    const town = await db.region.findUniqueOrThrow({ where: { code: "321281101000" }, select: { id: true } });
    await db.townReport.update({ where: { regionId_year_month: { regionId: town.id, year: 2024, month: 3 } }, data: { status: "SUBMITTED", submittedAt: new Date(Date.UTC(2024, 3, 2)) } });
    expect(await countPendingReviews(who.reviewer)).toBe(submitted + 1);
    const rows = (await listPendingReviews(who.reviewer))!;
    expect(rows).toHaveLength(submitted + 1);
    expect(rows[0]).toMatchObject({ town: { code: "321281101000", name: "张郭镇" }, period: "2024-03" });
    expect(rows.every((r, i) => i === 0 || (r.submittedAt?.getTime() ?? 0) >= (rows[i - 1].submittedAt?.getTime() ?? 0))).toBe(true);
  });

  it("a returned report reaches its town's reporter with the reviewer's comment", async () => {
    const db = getPrisma();
    const town = await db.region.findUniqueOrThrow({ where: { code: TOWN }, select: { id: true } });
    const submittedJuly = await db.townReport.findUniqueOrThrow({ where: { regionId_year_month: { regionId: town.id, year: 2024, month: 7 } }, select: { status: true } });
    const before = await listReturnedReports(who.reporter);
    if (submittedJuly.status !== "SUBMITTED") await db.townReport.update({ where: { regionId_year_month: { regionId: town.id, year: 2024, month: 7 } }, data: { status: "SUBMITTED" } });
    await returnReport(who.reviewer, TOWN, { year: 2024, month: 7 }, "入库税金与上月差异较大，请核实");
    const after = await listReturnedReports(who.reporter);
    expect(after.length).toBe(before.filter((n) => n.period !== "2024-07").length + 1);
    expect(after.find((n) => n.period === "2024-07")).toMatchObject({ town: { code: TOWN }, comment: "入库税金与上月差异较大，请核实" });
    expect(await listReturnedReports(who.reviewer)).toEqual([]);
  });
});

describe("audit pickers", () => {
  it("reads the latest entries in the user's reach and narrows them by town, period, person and action", async () => {
    const reviewerRoot = (await auditScopeRoot(who.reviewer))!;
    const scope = await listAuditRegions(reviewerRoot);
    expect(scope.towns).toHaveLength(14);
    const all = await listScopedAudit(scope.regionIds, {});
    expect(all.length).toBeGreaterThan(0);
    const options = await auditPickerOptions(scope.regionIds);
    expect(options.periods).toContain("2024-08");
    expect(options.users.map((u) => u.label)).toContain("戴南镇填报员（reporter）");

    const reporterId = who.reporter.id;
    const mine = await listScopedAudit(scope.regionIds, { user: reporterId, period: "2024-08" });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.year === 2024 && r.month === 8 && r.actor.includes("reporter"))).toBe(true);
    const returns = await listScopedAudit(scope.regionIds, { action: "return" });
    expect(returns.map((r) => r.reason)).toContain("入库税金与上月差异较大，请核实");

    // A reporter's reach is their own town.
    const own = await listAuditRegions((await auditScopeRoot(who.reporter))!);
    expect(own.towns.map((x) => x.code)).toEqual([TOWN]);
  });
});
