// One early report must not switch everyone's period (issue 10, items 2 and 3): dashboards, the
// read API, the wall and the bulletin default to the latest closed month in which most towns'
// reports are approved, count approved figures unless asked to include submitted ones, and a month
// opens for entry only after it ends. Relative to today's China month, so it passes on any day.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { GET as rankingsGET } from "@/app/api/v1/rankings/route";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import type { CurrentUser } from "@/lib/auth/session";
import { bulletinTarget } from "@/lib/bulletin/service";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser, ensureIndicators } from "@/lib/demo/factories";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { getWallData } from "@/lib/kiosk/wall";
import { getRegionByCode } from "@/lib/regions";
import { currentEntryPeriod } from "@/lib/reports/entry-period";
import { chinaMonth, formatPeriodKey, previousPeriod, type Period } from "@/lib/stats";
import { callApi, callApiJson, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

const COUNTY = "990100000000";
const towns = ["990100100000", "990100101000", "990100102000", "990100103000", "990100104000"];
const current = chinaMonth(new Date()); // not over yet: never a default, not open for entry
const closed = previousPeriod(current); // the latest closed month: 3 of 5 approved, 1 submitted
const before = previousPeriod(closed); // all 5 approved
const key = (p: Period) => formatPeriodKey(p);
let token = "";
let reporterToken = "";

async function report(townCode: string, p: Period, status: ReportStatus, grossOutput: number) {
  const db = getPrisma();
  const town = await db.region.findUniqueOrThrow({ where: { code: townCode }, select: { id: true } });
  const indicator = await db.indicator.findUniqueOrThrow({ where: { code: "gross_output" }, select: { id: true } });
  const r = await db.townReport.create({ data: { regionId: town.id, ...p, status, submittedAt: status === "DRAFT" ? null : new Date() }, select: { id: true } });
  await db.reportValue.create({ data: { reportId: r.id, regionId: town.id, indicatorId: indicator.id, ...p, value: String(grossOutput) } });
}

type Overview = { period: string; totals: Record<string, { value: string | null }> };
const overview = async (query: string) => {
  const res = await callApi(overviewGET, `/api/v1/overview?region=${COUNTY}${query}`, token);
  expect(res.status).toBe(200);
  return res.body as unknown as Overview;
};

beforeAll(async () => {
  await resetDatabase();
  const db = getPrisma();
  await ensureIndicators(db);
  const county = await createRegion(db, { code: COUNTY, name: "测试县", level: "COUNTY" });
  for (const [i, code] of towns.entries()) await createRegion(db, { code, name: `测试${i + 1}镇`, level: "TOWN", parentId: county.id, sortOrder: i });
  for (const code of towns) await report(code, before, "APPROVED", 100);
  await report(towns[0], closed, "APPROVED", 110);
  await report(towns[1], closed, "APPROVED", 110);
  await report(towns[2], closed, "APPROVED", 110);
  await report(towns[3], closed, "SUBMITTED", 110);
  // One town submitted the current month early (it could before this change), unreviewed.
  await report(towns[4], current, "SUBMITTED", 9999);
  await createUser(db, { username: "dp-reviewer", password: "Review@2026", role: "REVIEWER", regionId: county.id });
  await createUser(db, { username: "dp-reporter", password: "Report@2026", role: "REPORTER", regionId: (await db.region.findUniqueOrThrow({ where: { code: towns[0] }, select: { id: true } })).id });
  token = await createApiToken("dp-reviewer");
  reporterToken = await createApiToken("dp-reporter", { readOnly: false });
}, 120_000);

describe("the default period", () => {
  it("is the latest closed month most towns' reports are approved for, not the newest report", async () => {
    const o = await overview("");
    expect(o.period).toBe(key(before));
    expect(o.totals.gross_output.value).toBe("500");
    const ranking = await callApi(rankingsGET, `/api/v1/rankings?region=${COUNTY}&indicator=gross_output`, token);
    expect(ranking.body.period).toBe(key(before));
  });

  it("counts approved figures only unless submitted ones are asked for", async () => {
    expect((await overview(`&period=${key(closed)}`)).totals.gross_output.value).toBe("330");
    const withSubmitted = await overview("&include=submitted");
    // 4 of 5 towns counted (80%): the closed month becomes the default, with the submitted town's figure.
    expect(withSubmitted.period).toBe(key(closed));
    expect(withSubmitted.totals.gross_output.value).toBe("440");
    // A newer period is still there when asked for explicitly.
    expect((await overview(`&period=${key(current)}&include=submitted`)).totals.gross_output.value).toBe("9999");
    expect((await overview(`&period=${key(current)}`)).totals.gross_output.value).toBeNull();
  });

  it("the wall and the bulletin follow the same default", async () => {
    const county = (await getRegionByCode(COUNTY))!;
    const wall = await getWallData(county);
    expect(wall.status === "ok" && wall.period.key).toBe(key(before));
    const reviewer = await getPrisma().user.findUniqueOrThrow({ where: { username: "dp-reviewer" }, select: { id: true, role: true, regionId: true } });
    const caller: CurrentUser = { ...reviewer, username: "dp-reviewer", displayName: "审核员", region: null, mustChangePassword: false };
    const target = await bulletinTarget(caller, COUNTY, undefined);
    expect(key(target.period)).toBe(key(before));
  });

  it("the share is a county setting; a county that counts approved reports only ignores include=submitted", async () => {
    const db = getPrisma();
    await db.region.update({ where: { code: COUNTY }, data: { defaultPeriodShare: 60 } });
    expect((await overview("")).period).toBe(key(closed));
    await db.region.update({ where: { code: COUNTY }, data: { defaultPeriodShare: 80, approvedOnly: true } });
    const o = await overview("&include=submitted");
    expect(o.period).toBe(key(before));
    expect((await overview(`&period=${key(closed)}&include=submitted`)).totals.gross_output.value).toBe("330");
    await db.region.update({ where: { code: COUNTY }, data: { approvedOnly: false } });
  });
});

describe("entry opens after the month ends", () => {
  it("refuses figures for the current month and keeps the reporter on the closed one", async () => {
    const town = await getPrisma().region.findUniqueOrThrow({ where: { code: towns[0] }, select: { id: true } });
    // The town's latest submitted report is the closed month: it stays there, not on the current month.
    expect(await currentEntryPeriod(town.id)).toEqual(closed);
    const params = { town: towns[0], period: key(current) };
    const res = await callApiJson(reportPUT, `/api/v1/reports/${towns[0]}/${key(current)}`, "PUT", { version: 0, values: { gross_output: "100" } }, reporterToken, params);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/尚未结束/);
    expect(await getPrisma().townReport.count({ where: { regionId: town.id, ...current } })).toBe(0);
  });

  it("a county's 快报 window opens the current month from its day", async () => {
    const town = await getPrisma().region.findUniqueOrThrow({ where: { code: towns[0] }, select: { id: true } });
    await getPrisma().region.update({ where: { code: COUNTY }, data: { flashReportDay: 1 } });
    expect(await currentEntryPeriod(town.id)).toEqual(current);
    await getPrisma().region.update({ where: { code: COUNTY }, data: { flashReportDay: null } });
  });
});
