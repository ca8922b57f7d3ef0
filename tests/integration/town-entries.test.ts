// The town's enterprise, park and project grids through their services (what the server actions
// call) against a real database: typed figures ("1.2亿", full-width digits) saved with audit rows,
// parse and check errors that save nothing, stale rows refused as conflicts, the approval lock,
// another town's reporter refused, and the enterprise sums the town form can be prefilled from.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getEnterpriseGrid, saveEnterpriseGrid } from "@/lib/entries/enterprises";
import { getParkGrid, saveParkGrid } from "@/lib/entries/parks";
import { getEnterpriseSums } from "@/lib/entries/prefill";
import { chinaToday, getProjectGrid, saveProjectGrid } from "@/lib/entries/projects";
import { LOCKED_MESSAGE } from "@/lib/entries/scope";
import type { EnterpriseGridRow } from "@/lib/entries/types";
import { getRegionByCode } from "@/lib/regions";
import { toDecimal, type Period } from "@/lib/stats";
import { useDemoSnapshot } from "../support/demo-snapshot";

const TOWN = "321281100000"; // 戴南镇, the demo reporter's town
const PERIOD: Period = { year: 2024, month: 8 }; // the month after the seeded data
const users: Record<string, CurrentUser> = {};
let townId = 0;

async function caller(username: string): Promise<CurrentUser> {
  const u = await getPrisma().user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
  return (await loadActiveUser(u.id, u.sessionVersion))!;
}

/** The ApiError a call fails with (the test fails if it succeeds). */
async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the call to be refused").toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Everything the grids write for the town and period, to prove a refused save changed nothing. */
async function stored() {
  const db = getPrisma();
  const where = { year: PERIOD.year, month: PERIOD.month };
  const [enterprises, parks, progress, projects, stages, audit] = await Promise.all([
    db.enterpriseValue.findMany({ where: { ...where, enterprise: { townId } }, select: { enterpriseId: true, indicatorId: true, value: true }, orderBy: [{ enterpriseId: "asc" }, { indicatorId: "asc" }] }),
    db.parkValue.findMany({ where: { ...where, park: { townId } }, orderBy: { parkId: "asc" } }),
    db.projectProgress.findMany({ where: { ...where, project: { townId } }, orderBy: { projectId: "asc" } }),
    db.project.findMany({ where: { townId }, select: { id: true, stage: true, version: true }, orderBy: { id: "asc" } }),
    db.projectStageChange.count({ where: { project: { townId } } }),
    db.auditLog.count({ where: { regionId: townId } }),
  ]);
  return JSON.stringify({ enterprises, parks, progress, projects, stages, audit });
}

const valuesOf = (row: EnterpriseGridRow, raw: Record<string, string>) => ({ id: row.id, token: row.token, values: raw });

async function setReportStatus(status: "DRAFT" | "APPROVED" | null) {
  const db = getPrisma();
  const key = { regionId_year_month: { regionId: townId, ...PERIOD } };
  if (status === null) await db.townReport.deleteMany({ where: { regionId: townId, ...PERIOD } });
  else await db.townReport.upsert({ where: key, create: { regionId: townId, ...PERIOD, status }, update: { status } });
}

beforeAll(async () => {
  await useDemoSnapshot();
  townId = (await getRegionByCode(TOWN))!.id;
  for (const u of ["reporter", "reporter2", "reviewer", "leader"]) users[u] = await caller(u);
}, 180_000);

describe("enterprise grid", () => {
  let row: EnterpriseGridRow;
  let firstToken = "";

  beforeEach(() => setReportStatus(null));

  it("lists the town's 规上 enterprises with last month's YTD and last year's figures", async () => {
    const grid = await getEnterpriseGrid(users.reporter, TOWN, PERIOD);
    expect(grid.fields.map((f) => f.code)).toEqual(["gross_output", "sales_revenue", "profit", "tax"]);
    expect(grid.rows.length).toBeGreaterThan(3);
    expect(grid.rows.every((r) => Object.keys(r.values).length === 0)).toBe(true);
    expect(grid.rows.some((r) => r.previousYtd.gross_output && r.lastYear.gross_output)).toBe(true);
    // The smallest enterprise, so 1.2亿 (12,000万元) stays above its July YTD.
    row = grid.rows.filter((r) => r.previousYtd.gross_output).sort((a, b) => Number(a.previousYtd.gross_output) - Number(b.previousYtd.gross_output))[0];
    expect(Number(row.previousYtd.gross_output)).toBeLessThan(12000);
    firstToken = row.token;
  });

  it("saves typed figures (1.2亿, 1,234.5, full-width digits) with one audit row per figure", async () => {
    const sales = toDecimal(row.previousYtd.sales_revenue ?? "0")!.plus(1000).toFixed(2);
    const saved = await saveEnterpriseGrid(users.reporter, TOWN, PERIOD, [valuesOf(row, { gross_output: "1.2亿", sales_revenue: sales, profit: "３００．５", tax: "" })]);
    expect(saved).toHaveLength(1);
    expect(saved[0].token).not.toBe(firstToken);
    expect(saved[0].values).toEqual({ gross_output: "12000", sales_revenue: toDecimal(sales)!.toFixed(), profit: "300.5" });

    const db = getPrisma();
    const values = await db.enterpriseValue.findMany({ where: { enterpriseId: row.id, ...PERIOD }, select: { value: true, indicator: { select: { code: true } } } });
    expect(Object.fromEntries(values.map((v) => [v.indicator.code, v.value.toString()]))).toEqual({ gross_output: "12000", sales_revenue: toDecimal(sales)!.toFixed(), profit: "300.5" });

    const audit = await db.auditLog.findMany({ where: { entity: "Enterprise", entityId: String(row.id), ...PERIOD }, select: { action: true, field: true, oldValue: true, newValue: true, userId: true } });
    expect(audit).toHaveLength(3);
    expect(audit).toContainEqual({ action: "update", field: `${row.name}·工业总产值`.slice(0, 60), oldValue: null, newValue: "12000", userId: users.reporter.id });
    row = { ...row, token: saved[0].token, values: saved[0].values };
  });

  it("answers unparseable figures with field errors and saves nothing", async () => {
    const before = await stored();
    const error = await refusal(saveEnterpriseGrid(users.reporter, TOWN, PERIOD, [valuesOf(row, { gross_output: "一千二百", sales_revenue: "1,23,4", profit: "", tax: "-5" })]));
    expect(error.code).toBe("bad_request");
    const fieldErrors = (error.details as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual([`${row.id}.gross_output`, `${row.id}.sales_revenue`, `${row.id}.tax`]);
    expect(fieldErrors[`${row.id}.tax`]).toMatch(/入库税金：不能为负数/);
    expect(await stored()).toBe(before);
  });

  it("refuses a YTD below last month's (a logical check) and saves nothing", async () => {
    const before = await stored();
    const below = toDecimal(row.previousYtd.gross_output)!.minus(1).toFixed(2);
    const error = await refusal(saveEnterpriseGrid(users.reporter, TOWN, PERIOD, [valuesOf(row, { gross_output: below, sales_revenue: "", profit: "", tax: "" })]));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toMatch(/小于上月止累计/);
    expect(await stored()).toBe(before);
  });

  it("refuses profit above sales", async () => {
    const error = await refusal(saveEnterpriseGrid(users.reporter, TOWN, PERIOD, [valuesOf(row, { gross_output: "12000", sales_revenue: "100", profit: "200", tax: "" })]));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toMatch(/利润总额.*不能大于销售收入/);
  });

  it("refuses a row saved from a stale grid as a conflict, with the stored figures and who saved them", async () => {
    const before = await stored();
    const error = await refusal(saveEnterpriseGrid(users.reviewer, TOWN, PERIOD, [{ id: row.id, token: firstToken, values: { gross_output: "13000", sales_revenue: "", profit: "", tax: "" } }]));
    expect(error.code).toBe("conflict");
    const details = error.details as { rows: { id: number; token: string; values: Record<string, string> }[]; updatedBy: string };
    expect(details.rows).toEqual([{ id: row.id, token: row.token, values: row.values }]);
    expect(details.updatedBy).toContain("戴南镇填报员");
    expect(error.message).toContain("您的修改均未保存");
    expect(await stored()).toBe(before);
  });

  it("clears a figure when its cell is emptied, and the reviewer may save too", async () => {
    const tax = toDecimal(row.previousYtd.tax ?? "0")!.plus(12).toFixed();
    const saved = await saveEnterpriseGrid(users.reviewer, TOWN, PERIOD, [valuesOf(row, { gross_output: "12000", sales_revenue: row.values.sales_revenue, profit: "", tax })]);
    expect(saved[0].values).toEqual({ gross_output: "12000", sales_revenue: row.values.sales_revenue, tax });
    const audit = await getPrisma().auditLog.findMany({ where: { entity: "Enterprise", entityId: String(row.id), userId: users.reviewer.id }, select: { field: true, oldValue: true, newValue: true } });
    expect(audit.map((a) => [a.field?.split("·")[1], a.oldValue, a.newValue]).sort()).toEqual([["入库税金", null, tax], ["利润总额", "300.5", null]]);
    row = { ...row, token: saved[0].token, values: saved[0].values };
  });

  it("two simultaneous saves of the same row: one wins, the other is a conflict", async () => {
    const rows = (gross: string) => [valuesOf(row, { gross_output: gross, sales_revenue: row.values.sales_revenue, profit: "", tax: row.values.tax })];
    const results = await Promise.allSettled([saveEnterpriseGrid(users.reporter, TOWN, PERIOD, rows("12100")), saveEnterpriseGrid(users.reviewer, TOWN, PERIOD, rows("12200"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(ApiError);
    expect((lost.reason as ApiError).code).toBe("conflict");
    row = (await getEnterpriseGrid(users.reporter, TOWN, PERIOD)).rows.find((r) => r.id === row.id)!;
    expect(["12100", "12200"]).toContain(row.values.gross_output);
  });

  it("is locked once the town's report for the period is approved, for the reporter and the reviewer", async () => {
    await setReportStatus("APPROVED");
    const before = await stored();
    for (const who of ["reporter", "reviewer"]) {
      const error = await refusal(saveEnterpriseGrid(users[who], TOWN, PERIOD, [valuesOf(row, { gross_output: "12500", sales_revenue: "", profit: "", tax: "" })]));
      expect(error.code).toBe("forbidden");
      expect(error.message).toBe(LOCKED_MESSAGE);
    }
    expect((await getEnterpriseGrid(users.reporter, TOWN, PERIOD)).reportStatus).toBe("APPROVED");
    expect(await stored()).toBe(before);
  });

  it("refuses another town's reporter (read and write) and a leader (write)", async () => {
    const before = await stored();
    expect((await refusal(getEnterpriseGrid(users.reporter2, TOWN, PERIOD))).code).toBe("forbidden");
    for (const who of ["reporter2", "leader"]) {
      const error = await refusal(saveEnterpriseGrid(users[who], TOWN, PERIOD, [valuesOf(row, { gross_output: "99999", sales_revenue: "", profit: "", tax: "" })]));
      expect(error.code).toBe("forbidden");
    }
    expect(await stored()).toBe(before);
  });

  it("refuses an enterprise of another town", async () => {
    const other = await getEnterpriseGrid(users.reporter2, "321281101000", PERIOD);
    const before = await stored();
    const error = await refusal(saveEnterpriseGrid(users.reporter, TOWN, PERIOD, [valuesOf(other.rows[0], { gross_output: "1", sales_revenue: "", profit: "", tax: "" })]));
    expect(error.code).toBe("bad_request");
    expect(await stored()).toBe(before);
  });

  it("sums the 规上 enterprises for the town form's prefill panel", async () => {
    const sums = await getEnterpriseSums(users.reporter, (await getRegionByCode(TOWN))!, PERIOD);
    const grid = await getEnterpriseGrid(users.reporter, TOWN, PERIOD);
    expect(sums.aboveScale).toBe(grid.rows.length);
    expect(sums.reported).toBe(1);
    expect(sums.sums).toEqual({ gross_output: row.values.gross_output, sales_revenue: row.values.sales_revenue, tax: row.values.tax });
    // July: every 规上 enterprise reported; the sum is the town's 规上工业总产值 in the seeded report.
    const july = await getEnterpriseSums(users.reporter, (await getRegionByCode(TOWN))!, { year: 2024, month: 7 });
    const report = await getPrisma().reportValue.findFirstOrThrow({ where: { regionId: townId, year: 2024, month: 7, indicator: { code: "above_scale_output" } }, select: { value: true } });
    expect(toDecimal(july.sums.gross_output)!.minus(report.value.toString()).abs().lte(0.01)).toBe(true);
  });
});

describe("park grid", () => {
  beforeEach(() => setReportStatus(null));

  it("saves a park's five figures with audit rows; a partly filled park saves nothing", async () => {
    const grid = await getParkGrid(users.reporter, TOWN, PERIOD);
    expect(grid.rows.length).toBeGreaterThan(0);
    const park = grid.rows[0];
    const prev = park.previous;
    const values = {
      developedArea: toDecimal(prev.developedArea)!.plus(12.5).toFixed(2),
      infrastructureInvestment: toDecimal(prev.infrastructureInvestment)!.plus(300).toFixed(2),
      enterpriseCount: prev.enterpriseCount,
      salesRevenue: `${toDecimal(prev.salesRevenue)!.plus(20000).div(10000).toFixed()}亿`,
      profitTax: toDecimal(prev.profitTax)!.plus(900).toFixed(2),
    };
    const before = await stored();
    const partial = await refusal(saveParkGrid(users.reporter, TOWN, PERIOD, [{ id: park.id, token: park.token, values: { ...values, profitTax: "" } }]));
    expect(partial.code).toBe("bad_request");
    expect((partial.details as { fieldErrors: Record<string, string> }).fieldErrors[`${park.id}.profitTax`]).toMatch(/请填写/);
    expect(await stored()).toBe(before);

    const saved = await saveParkGrid(users.reporter, TOWN, PERIOD, [{ id: park.id, token: park.token, values }]);
    const row = await getPrisma().parkValue.findUniqueOrThrow({ where: { parkId_year_month: { parkId: park.id, ...PERIOD } } });
    expect(row.salesRevenue.toString()).toBe(toDecimal(prev.salesRevenue)!.plus(20000).toFixed());
    expect(row.version).toBe(1);
    expect(await getPrisma().auditLog.count({ where: { entity: "Park", entityId: String(park.id), ...PERIOD } })).toBe(5);

    // The first token is stale now.
    const conflict = await refusal(saveParkGrid(users.reviewer, TOWN, PERIOD, [{ id: park.id, token: park.token, values: { ...values, enterpriseCount: "1" } }]));
    expect(conflict.code).toBe("conflict");
    const again = await saveParkGrid(users.reviewer, TOWN, PERIOD, [{ id: park.id, token: saved[0].token, values: { ...values, enterpriseCount: String(Number(values.enterpriseCount) + 1) } }]);
    expect(again[0].values.enterpriseCount).toBe(String(Number(values.enterpriseCount) + 1));
    expect((await getPrisma().parkValue.findUniqueOrThrow({ where: { parkId_year_month: { parkId: park.id, ...PERIOD } } })).version).toBe(2);
  });

  it("refuses a flow below last month's and a fractional count", async () => {
    const park = (await getParkGrid(users.reporter, TOWN, PERIOD)).rows[0];
    const v = { ...park.values, infrastructureInvestment: "1" };
    expect((await refusal(saveParkGrid(users.reporter, TOWN, PERIOD, [{ id: park.id, token: park.token, values: v }]))).code).toBe("unprocessable");
    const f = await refusal(saveParkGrid(users.reporter, TOWN, PERIOD, [{ id: park.id, token: park.token, values: { ...park.values, enterpriseCount: "12.5" } }]));
    expect(f.code).toBe("bad_request");
  });

  it("is refused to another town's reporter and locked when approved", async () => {
    const park = (await getParkGrid(users.reporter, TOWN, PERIOD)).rows[0];
    expect((await refusal(saveParkGrid(users.reporter2, TOWN, PERIOD, [{ id: park.id, token: park.token, values: park.values }]))).code).toBe("forbidden");
    await setReportStatus("APPROVED");
    expect((await refusal(saveParkGrid(users.reporter, TOWN, PERIOD, [{ id: park.id, token: park.token, values: park.values }]))).message).toBe(LOCKED_MESSAGE);
  });
});

describe("project grid", () => {
  beforeEach(() => setReportStatus(null));

  async function townProjectWithPlan() {
    // A project in 戴南镇 with progress in July (so last month's YTD is known), or any project there.
    const grid = await getProjectGrid(users.reporter, TOWN, PERIOD);
    return { grid, project: grid.rows.find((r) => r.previousYtd !== null) ?? grid.rows[0] };
  }

  it("saves 当年累计完成投资 and a dated stage change, with audit rows and the stage history", async () => {
    const { grid, project } = await townProjectWithPlan();
    expect(project).toBeDefined();
    const ytd = toDecimal(project.previousYtd ?? "0")!.plus(150).toFixed(2);
    const next = project.stage === "IN_PRODUCTION" ? "COMPLETED" : "IN_PRODUCTION";
    const on = project.stageSince && project.stageSince > "2024-08-20" ? project.stageSince : "2024-08-20";
    const historyBefore = await getPrisma().projectStageChange.count({ where: { projectId: project.id } });

    // A date in the future is refused and nothing is written.
    const before = await stored();
    const future = await refusal(saveProjectGrid(users.reporter, TOWN, PERIOD, [{ id: project.id, token: project.token, completedYtd: ytd, stageChange: { stage: next, on: "2999-01-01" } }]));
    expect((future.details as { fieldErrors: Record<string, string> }).fieldErrors[`${project.id}.stageOn`]).toMatch(/不能晚于今天/);
    expect(await stored()).toBe(before);

    const saved = await saveProjectGrid(users.reporter, TOWN, PERIOD, [{ id: project.id, token: project.token, completedYtd: ytd, stageChange: { stage: next, on } }]);
    expect(saved[0].values).toEqual({ stage: next, completedYtd: toDecimal(ytd)!.toFixed() });
    const db = getPrisma();
    const p = await db.project.findUniqueOrThrow({ where: { id: project.id }, select: { stage: true, version: true } });
    expect(p.stage).toBe(next);
    const history = await db.projectStageChange.findMany({ where: { projectId: project.id }, orderBy: { id: "desc" }, take: 1, select: { stage: true, changedOn: true, userId: true } });
    expect(history[0]).toEqual({ stage: next, changedOn: new Date(`${on}T00:00:00Z`), userId: users.reporter.id });
    expect(await db.projectStageChange.count({ where: { projectId: project.id } })).toBe(historyBefore + 1);
    const audit = await db.auditLog.findMany({ where: { entity: "Project", entityId: String(project.id), ...PERIOD }, select: { field: true, newValue: true } });
    expect(audit.map((a) => a.field?.split("·")[1]).sort()).toEqual(["当年累计完成投资", "项目阶段"]);
    expect(grid.today).toBe(chinaToday());

    // The token loaded before the save is stale now.
    expect((await refusal(saveProjectGrid(users.reviewer, TOWN, PERIOD, [{ id: project.id, token: project.token, completedYtd: ytd }]))).code).toBe("conflict");
  });

  it("refuses progress below last month's YTD or above the total investment", async () => {
    const { project } = await townProjectWithPlan();
    const fresh = (await getProjectGrid(users.reporter, TOWN, PERIOD)).rows.find((r) => r.id === project.id)!;
    const over = toDecimal(fresh.totalInvestment)!.plus(1).toFixed(2);
    const error = await refusal(saveProjectGrid(users.reporter, TOWN, PERIOD, [{ id: fresh.id, token: fresh.token, completedYtd: over }]));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toMatch(/不能大于计划总投资/);
    if (fresh.previousYtd && toDecimal(fresh.previousYtd)!.gt(0)) {
      const below = await refusal(saveProjectGrid(users.reporter, TOWN, PERIOD, [{ id: fresh.id, token: fresh.token, completedYtd: "0" }]));
      expect(below.message).toMatch(/小于上月止累计/);
    }
  });

  it("is refused to another town's reporter and locked when approved", async () => {
    const { project } = await townProjectWithPlan();
    const fresh = (await getProjectGrid(users.reporter, TOWN, PERIOD)).rows.find((r) => r.id === project.id)!;
    expect((await refusal(saveProjectGrid(users.reporter2, TOWN, PERIOD, [{ id: fresh.id, token: fresh.token, completedYtd: "1" }]))).code).toBe("forbidden");
    await setReportStatus("APPROVED");
    expect((await refusal(saveProjectGrid(users.reporter, TOWN, PERIOD, [{ id: fresh.id, token: fresh.token, completedYtd: "1" }]))).message).toBe(LOCKED_MESSAGE);
  });
});
