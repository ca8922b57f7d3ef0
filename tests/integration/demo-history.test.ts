// The demo county as real use would have left it (issue 12, item 10): seeded two days after its
// latest month ended, nothing is dated after "now", reports that reached review answered their
// warnings, each report's audit log tells its story, firm names fit their industry, and a project's
// dates agree with its stage history.
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { INDUSTRIES } from "@/lib/demo/places";
import { seedDemoCounty } from "@/lib/demo/seed";
import { missingExplanations, runChecks } from "@/lib/checks";
import { checkInputOf, loadReportContext } from "@/lib/reports/context";
import { resetDatabase } from "../support/db";

const Y = 2024;
const M = 7;
// 11:00 on 2 August, China time: the July reports were planned for the 3rd, 6th and 8th.
const NOW = new Date("2024-08-02T03:00:00Z");

beforeAll(async () => {
  await resetDatabase();
  await seedDemoCounty(getPrisma(), { throughYear: Y, throughMonth: M, now: NOW });
}, 240_000);

describe("the demo county's history", () => {
  it("has no time stamp after the moment it was made", async () => {
    const db = getPrisma();
    const late = (await db.$queryRaw<{ what: string; n: bigint }[]>`
      SELECT 'report' AS what, count(*) AS n FROM "TownReport" WHERE "submittedAt" > ${NOW} OR "reviewedAt" > ${NOW}
      UNION ALL SELECT 'audit', count(*) FROM "AuditLog" WHERE "at" > ${NOW}
      UNION ALL SELECT 'stage', count(*) FROM "ProjectStageChange" WHERE "changedOn" > ${NOW}
      UNION ALL SELECT 'project', count(*) FROM "Project" WHERE "signedOn" > ${NOW} OR "startedOn" > ${NOW} OR "completedOn" > ${NOW}`).filter((r) => Number(r.n) > 0);
    expect(late.map((r) => `${r.what}: ${r.n}`)).toEqual([]);
    // July's reports still came in after July ended, reviews after submissions.
    const july = await db.townReport.findMany({ where: { year: Y, month: M, submittedAt: { not: null } }, select: { submittedAt: true, reviewedAt: true } });
    expect(july.length).toBeGreaterThan(5);
    for (const r of july) {
      expect(r.submittedAt!.getTime()).toBeGreaterThanOrEqual(Date.parse("2024-07-31T16:00:00Z"));
      if (r.reviewedAt) expect(r.reviewedAt.getTime()).toBeGreaterThan(r.submittedAt!.getTime());
    }
  });

  it("answered every warning of each report that reached review with a 说明", async () => {
    const db = getPrisma();
    const reports = await db.townReport.findMany({ where: { status: { in: ["SUBMITTED", "APPROVED", "RETURNED"] }, year: Y }, select: { regionId: true, year: true, month: true } });
    let warned = 0;
    for (const r of reports) {
      const ctx = await loadReportContext(db, r.regionId, r.year, r.month);
      const checks = runChecks(checkInputOf(ctx, r.month));
      warned += checks.warnings.length;
      expect(missingExplanations(checks.warnings, ctx.explanations).map((w) => w.message)).toEqual([]);
    }
    // The demo does carry warnings (else there would be nothing to explain).
    expect(warned).toBeGreaterThan(0);
  });

  it("keeps an audit trail for every report: created, submitted and reviewed by the right people", async () => {
    const db = getPrisma();
    const reviewer = await db.user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true } });
    const approved = await db.townReport.findMany({ where: { status: "APPROVED" }, select: { id: true, version: true, year: true, month: true } });
    const trail = await db.auditLog.groupBy({ by: ["entityId", "action"], where: { entity: "TownReport" }, _count: true });
    const actions = new Map<string, Set<string>>();
    for (const t of trail) (actions.get(t.entityId) ?? actions.set(t.entityId, new Set()).get(t.entityId)!).add(t.action);
    for (const r of approved) {
      // Older months stand for their figures with the creation; the latest month's were typed field by field.
      const story = r.year === Y && r.month === M ? ["approve", "create", "submit", "update"] : ["approve", "create", "submit"];
      expect([...(actions.get(String(r.id)) ?? [])].sort()).toEqual(story);
      expect(r.version).toBe(3);
    }
    // Towns' reports are approved by the county's reviewer; a county's own report (a county without towns,
    // from the city's table) was entered, submitted and approved by the city's reviewer (decision 016).
    const cityReviewer = await db.user.findUniqueOrThrow({ where: { username: "city_reviewer" }, select: { id: true } });
    const countyIds = (await db.region.findMany({ where: { level: "COUNTY" }, select: { id: true } })).map((c) => c.id);
    const approvals = await db.auditLog.findMany({ where: { entity: "TownReport", action: "approve", regionId: { notIn: countyIds } }, select: { userId: true }, distinct: ["userId"] });
    expect(approvals).toEqual([{ userId: reviewer.id }]);
    const countyApprovals = await db.auditLog.findMany({ where: { entity: "TownReport", action: { in: ["approve", "submit", "create"] }, regionId: { in: countyIds } }, select: { userId: true }, distinct: ["userId"] });
    expect(countyApprovals).toEqual([{ userId: cityReviewer.id }]);
    const countyReports = await db.townReport.findMany({ where: { regionId: { in: countyIds }, status: "APPROVED" }, select: { reviewerId: true, submittedById: true } });
    expect(countyReports.length).toBeGreaterThan(0);
    expect(countyReports.filter((r) => r.reviewerId !== cityReviewer.id || r.submittedById !== cityReviewer.id)).toEqual([]);
    // Every submitted report names its submitter, the town's own 填报员 (the inbox's 报送人 is never "—"),
    // and every submission in the audit log is by a person.
    const submitted = await db.townReport.findMany({ where: { submittedAt: { not: null }, region: { level: "TOWN" } }, select: { regionId: true, submittedById: true } });
    expect(submitted.length).toBeGreaterThan(100);
    const reporters = new Map((await db.user.findMany({ where: { role: "REPORTER" }, select: { id: true, regionId: true } })).map((u) => [u.id, u.regionId]));
    expect(submitted.filter((r) => r.submittedById === null || reporters.get(r.submittedById) !== r.regionId)).toEqual([]);
    const townIds = (await db.region.findMany({ where: { level: "TOWN" }, select: { id: true } })).map((t) => t.id);
    expect(await db.auditLog.count({ where: { entity: "TownReport", action: "submit", userId: null, regionId: { in: townIds } } })).toBe(0);
    // The latest month's figures were typed in: the audit log shows them field by field.
    const daiNan = await db.region.findUniqueOrThrow({ where: { code: "321281100000" }, select: { id: true } });
    const typed = await db.auditLog.findMany({ where: { regionId: daiNan.id, year: Y, month: M, action: "update" }, select: { field: true, newValue: true } });
    expect(typed.find((t) => t.field === "工业总产值")?.newValue).toMatch(/^\d+(\.\d+)?$/);
    // The returned report carries the reviewer's comment in its trail.
    const returned = await db.auditLog.findFirstOrThrow({ where: { entity: "TownReport", action: "return" }, select: { reason: true } });
    expect(returned.reason).toContain("请核实");
  });

  it("names firms after their industry", async () => {
    const firms = await getPrisma().enterprise.findMany({ select: { name: true, industryCode: true } });
    const misnamed = firms.filter((f) => {
      const industry = INDUSTRIES.find((i) => i.code === f.industryCode)!;
      return !industry.suffixes.some((s) => f.name.endsWith(s));
    });
    expect(misnamed).toEqual([]);
    expect(new Set(firms.map((f) => f.name)).size).toBe(firms.length);
  });

  it("dates each project's stages as the project itself does", async () => {
    const projects = await getPrisma().project.findMany({
      select: { name: true, stage: true, signedOn: true, startedOn: true, completedOn: true, plannedEndOn: true, stageHistory: { select: { stage: true, changedOn: true } } },
    });
    expect(projects.some((p) => p.completedOn)).toBe(true);
    for (const p of projects) {
      const on = (stage: string) => p.stageHistory.find((s) => s.stage === stage)?.changedOn.toISOString() ?? null;
      if (p.signedOn) expect(on("SIGNED")).toBe(p.signedOn.toISOString());
      if (p.startedOn) expect(on("STARTED")).toBe(p.startedOn.toISOString());
      if (p.completedOn) {
        expect(on("COMPLETED")).toBe(p.completedOn.toISOString());
        // Finished within the year it was planned to finish, not "计划完工 two years from now".
        expect(p.plannedEndOn!.getUTCFullYear()).toBe(p.completedOn.getUTCFullYear());
      }
      if (p.startedOn && p.signedOn) expect(p.startedOn.getTime()).toBeGreaterThanOrEqual(p.signedOn.getTime());
    }
  });
});
