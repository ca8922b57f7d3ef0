// Every role × action × own/other town, through the real route handlers (the same service
// functions the pages' server actions call), against a real database. A denied call must answer
// 403 and change nothing; an allowed one must succeed.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { POST as checksPOST } from "@/app/api/v1/checks/route";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { GET as reportGET, PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { ApiError } from "@/lib/api/errors";
import { loadActiveUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser } from "@/lib/demo/factories";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { seedDemoCounty } from "@/lib/demo/seed";
import { getEnterpriseGrid, saveEnterpriseGrid } from "@/lib/entries/enterprises";
import { getParkGrid, saveParkGrid } from "@/lib/entries/parks";
import { getProjectGrid, saveProjectGrid } from "@/lib/entries/projects";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/permissions";
import { parsePeriod, toDecimal } from "@/lib/stats";
import { createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

const OWN = "321281100000"; // 戴南镇, the demo reporter's town
const OTHER = "321281101000"; // 张郭镇
const PERIOD = "2024-06";
const tokens: Record<string, string> = {};

type Action = "view" | "save" | "submit" | "approve" | "return" | "reopen" | "checks" | "overview";
const PRECONDITION: Record<Action, ReportStatus> = {
  view: "APPROVED",
  save: "DRAFT",
  submit: "DRAFT",
  approve: "SUBMITTED",
  return: "SUBMITTED",
  reopen: "APPROVED",
  checks: "APPROVED",
  overview: "APPROVED",
};

// Who may do what. "own" = the caller's own town for a reporter; for county staff both towns are in scope.
const ALLOWED: Record<string, Record<Action, [own: boolean, other: boolean]>> = {
  admin: { view: [true, true], save: [false, false], submit: [false, false], approve: [false, false], return: [false, false], reopen: [false, false], checks: [true, true], overview: [true, true] },
  reviewer: { view: [true, true], save: [true, true], submit: [true, true], approve: [true, true], return: [true, true], reopen: [true, true], checks: [true, true], overview: [true, true] },
  leader: { view: [true, true], save: [false, false], submit: [false, false], approve: [false, false], return: [false, false], reopen: [false, false], checks: [true, true], overview: [true, true] },
  reporter: { view: [true, false], save: [true, false], submit: [true, false], approve: [false, false], return: [false, false], reopen: [false, false], checks: [true, false], overview: [true, true] },
  readonlyReviewer: { view: [true, true], save: [false, false], submit: [false, false], approve: [false, false], return: [false, false], reopen: [false, false], checks: [true, true], overview: [true, true] },
  otherCountyReviewer: { view: [false, false], save: [false, false], submit: [false, false], approve: [false, false], return: [false, false], reopen: [false, false], checks: [false, false], overview: [false, false] },
};

async function setStatus(town: string, status: ReportStatus) {
  const db = getPrisma();
  const region = await db.region.findUniqueOrThrow({ where: { code: town }, select: { id: true } });
  await db.townReport.update({ where: { regionId_year_month: { regionId: region.id, year: 2024, month: 6 } }, data: { status } });
  // Explain every value so that verification warnings never block a permitted submit.
  await db.reportValue.updateMany({ where: { regionId: region.id, year: 2024, month: 6 }, data: { explanation: "权限测试说明" } });
}

async function snapshot(town: string) {
  const db = getPrisma();
  const region = await db.region.findUniqueOrThrow({ where: { code: town }, select: { id: true } });
  const report = await db.townReport.findUniqueOrThrow({ where: { regionId_year_month: { regionId: region.id, year: 2024, month: 6 } }, select: { status: true, version: true } });
  const values = await db.reportValue.findMany({ where: { regionId: region.id, year: 2024, month: 6 }, select: { indicatorId: true, value: true }, orderBy: { indicatorId: "asc" } });
  return JSON.stringify({ report, values: values.map((v) => [v.indicatorId, v.value.toString()]) });
}

function request(path: string, token: string, method = "GET", body?: unknown) {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function version(town: string) {
  return JSON.parse(await snapshot(town)).report.version as number;
}

async function call(action: Action, town: string, token: string): Promise<number> {
  const params = () => ({ params: Promise.resolve({ town, period: PERIOD }) });
  const actionParams = (name: string) => ({ params: Promise.resolve({ town, period: PERIOD, action: name }) });
  const path = `/api/v1/reports/${town}/${PERIOD}`;
  const v = await version(town);
  switch (action) {
    case "view":
      return (await reportGET(request(path, token), params())).status;
    case "save":
      return (await reportPUT(request(path, token, "PUT", { values: { employees: "4321" }, version: v }), params())).status;
    case "submit":
    case "approve":
      return (await actionPOST(request(`${path}/${action}`, token, "POST", { version: v }), actionParams(action))).status;
    case "return":
      return (await actionPOST(request(`${path}/return`, token, "POST", { version: v, comment: "请核实" }), actionParams(action))).status;
    case "reopen":
      return (await actionPOST(request(`${path}/reopen`, token, "POST", { version: v, reason: "数据更正" }), actionParams(action))).status;
    case "checks":
      return (await checksPOST(request("/api/v1/checks", token, "POST", { region: town, period: PERIOD, values: { gross_output: 100 } }))).status;
    case "overview":
      return (await overviewGET(request(`/api/v1/overview?region=${DEMO_COUNTY.code}&period=${PERIOD}`, token))).status;
  }
}

beforeAll(async () => {
  await resetDatabase();
  const db = getPrisma();
  await seedDemoCounty(db, { throughYear: 2024, throughMonth: 7 });
  const otherCounty = await createRegion(db, { code: "321282000000", name: "靖江市", level: "COUNTY" });
  await createUser(db, { username: "other_reviewer", password: "Other@2026", role: "REVIEWER", regionId: otherCounty.id });
  for (const u of ["admin", "reviewer", "leader", "reporter"]) tokens[u] = await createApiToken(u, { readOnly: false });
  tokens.readonlyReviewer = await createApiToken("reviewer", { readOnly: true });
  tokens.otherCountyReviewer = await createApiToken("other_reviewer", { readOnly: false });
}, 180_000);

describe("permission matrix", () => {
  for (const [role, actions] of Object.entries(ALLOWED)) {
    for (const [action, [ownAllowed, otherAllowed]] of Object.entries(actions) as [Action, [boolean, boolean]][]) {
      for (const [which, town, allowed] of [["own", OWN, ownAllowed], ["other", OTHER, otherAllowed]] as const) {
        it(`${role} ${allowed ? "may" : "may not"} ${action} (${which} town)`, async () => {
          await setStatus(town, PRECONDITION[action]);
          const before = await snapshot(town);
          const status = await call(action, town, tokens[role]);
          if (allowed) {
            expect(status, `${role} ${action} ${which}`).toBeLessThan(300);
          } else {
            expect(status, `${role} ${action} ${which}`).toBe(403);
            expect(await snapshot(town)).toBe(before);
          }
        });
      }
    }
  }

  it("an approved report is locked for everyone, including the reviewer", async () => {
    await setStatus(OWN, "APPROVED");
    const before = await snapshot(OWN);
    for (const role of ["reviewer", "reporter"]) expect(await call("save", OWN, tokens[role])).toBe(403);
    expect(await snapshot(OWN)).toBe(before);
  });

  it("a request without credentials is 401, not 403", async () => {
    const res = await reportGET(new Request(`http://localhost/api/v1/reports/${OWN}/${PERIOD}`), { params: Promise.resolve({ town: OWN, period: PERIOD }) });
    expect(res.status).toBe(401);
  });
});

// The enterprise, park and project grids have no API route: their server actions call these
// services with the signed-in user, so the matrix calls the services with each role as the caller.
type EntryAction = "viewEntries" | "saveEnterprises" | "saveParks" | "saveProjects";
const ENTRY_ALLOWED: Record<string, Record<EntryAction, [own: boolean, other: boolean]>> = {
  admin: { viewEntries: [true, true], saveEnterprises: [false, false], saveParks: [false, false], saveProjects: [false, false] },
  reviewer: { viewEntries: [true, true], saveEnterprises: [true, true], saveParks: [true, true], saveProjects: [true, true] },
  leader: { viewEntries: [true, true], saveEnterprises: [false, false], saveParks: [false, false], saveProjects: [false, false] },
  reporter: { viewEntries: [true, false], saveEnterprises: [true, false], saveParks: [true, false], saveProjects: [true, false] },
  readonlyReviewer: { viewEntries: [true, true], saveEnterprises: [false, false], saveParks: [false, false], saveProjects: [false, false] },
  otherCountyReviewer: { viewEntries: [false, false], saveEnterprises: [false, false], saveParks: [false, false], saveProjects: [false, false] },
};

describe("permission matrix: town entry grids", () => {
  const callers: Record<string, Caller> = {};
  const period = parsePeriod(PERIOD)!;
  const plusOne = (v: string | null | undefined) => toDecimal(v ?? "0")!.plus(1).toFixed();

  async function entrySnapshot(town: string) {
    const db = getPrisma();
    const region = await db.region.findUniqueOrThrow({ where: { code: town }, select: { id: true } });
    const where = { year: 2024, month: 6 };
    const [e, p, g, a] = await Promise.all([
      db.enterpriseValue.findMany({ where: { ...where, enterprise: { townId: region.id } }, select: { id: true, value: true }, orderBy: { id: "asc" } }),
      db.parkValue.findMany({ where: { ...where, park: { townId: region.id } }, orderBy: { id: "asc" } }),
      db.projectProgress.findMany({ where: { ...where, project: { townId: region.id } }, orderBy: { id: "asc" } }),
      db.auditLog.count({ where: { regionId: region.id } }),
    ]);
    return JSON.stringify({ e, p, g, a });
  }

  /** HTTP-like status of a service call: 200, or the ApiError's status. */
  async function entryCall(action: EntryAction, town: string, caller: Caller): Promise<number> {
    // Rows and tokens as the county reviewer sees them now, so an allowed save is a valid one.
    const reader = callers.reviewer;
    try {
      if (action === "viewEntries") await getEnterpriseGrid(caller, town, period);
      if (action === "saveEnterprises") {
        const row = (await getEnterpriseGrid(reader, town, period)).rows.find((r) => r.values.gross_output)!;
        await saveEnterpriseGrid(caller, town, period, [{ id: row.id, token: row.token, values: { ...row.values, gross_output: plusOne(row.values.gross_output) } }]);
      }
      if (action === "saveParks") {
        const row = (await getParkGrid(reader, town, period)).rows[0];
        await saveParkGrid(caller, town, period, [{ id: row.id, token: row.token, values: { ...row.values, infrastructureInvestment: plusOne(row.values.infrastructureInvestment) } }]);
      }
      if (action === "saveProjects") {
        const row = (await getProjectGrid(reader, town, period)).rows.find((r) => r.name.startsWith("权限测试"))!;
        await saveProjectGrid(caller, town, period, [{ id: row.id, token: row.token, completedYtd: plusOne(row.values.completedYtd) }]);
      }
      return 200;
    } catch (error) {
      if (error instanceof ApiError) return error.status;
      throw error;
    }
  }

  beforeAll(async () => {
    const db = getPrisma();
    const load = async (username: string) => {
      const u = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
      return (await loadActiveUser(u.id, u.sessionVersion))!;
    };
    for (const u of ["admin", "reviewer", "leader", "reporter"]) callers[u] = await load(u);
    callers.readonlyReviewer = { ...callers.reviewer, token: { regionId: null, readOnly: true } };
    callers.otherCountyReviewer = await load("other_reviewer");
    // A project with June progress in each town (the demo places its projects at random).
    for (const code of [OWN, OTHER]) {
      const town = await db.region.findUniqueOrThrow({ where: { code }, select: { id: true } });
      await db.project.create({ data: { name: `权限测试项目${code.slice(6, 9)}`, townId: town.id, sector: "工业", totalInvestment: "50000", stage: "UNDER_CONSTRUCTION", progress: { create: { year: 2024, month: 6, completedYtd: "1000" } } } });
    }
  });

  for (const [role, actions] of Object.entries(ENTRY_ALLOWED)) {
    for (const [action, [ownAllowed, otherAllowed]] of Object.entries(actions) as [EntryAction, [boolean, boolean]][]) {
      for (const [which, town, allowed] of [["own", OWN, ownAllowed], ["other", OTHER, otherAllowed]] as const) {
        it(`${role} ${allowed ? "may" : "may not"} ${action} (${which} town)`, async () => {
          await setStatus(town, "DRAFT");
          const before = await entrySnapshot(town);
          const status = await entryCall(action, town, callers[role]);
          if (allowed) {
            expect(status, `${role} ${action} ${which}`).toBe(200);
          } else {
            expect(status, `${role} ${action} ${which}`).toBe(403);
            expect(await entrySnapshot(town)).toBe(before);
          }
        });
      }
    }
  }

  it("the grids are locked for everyone once the town's report is approved", async () => {
    await setStatus(OWN, "APPROVED");
    const before = await entrySnapshot(OWN);
    for (const role of ["reviewer", "reporter"]) {
      for (const action of ["saveEnterprises", "saveParks", "saveProjects"] as const) expect(await entryCall(action, OWN, callers[role])).toBe(403);
    }
    expect(await entrySnapshot(OWN)).toBe(before);
  });
});
