// The dashboards' list, drill-down and export queries against the demo county in a real database.
// Expected results come from plain Prisma queries and decimal.js, not from the code under test.
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { listAttraction } from "@/lib/attraction/list";
import { attractionFilterSchema } from "@/lib/attraction/filters";
import { readScope, townIdsOf, type ReadScope } from "@/lib/dashboard/scope";
import { getTierCounts } from "@/lib/dashboard/town";
import { getTrend } from "@/lib/dashboard/trend";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser, makeCreditCode } from "@/lib/demo/factories";
import { seedDemoCounty } from "@/lib/demo/seed";
import { getEnterprise } from "@/lib/enterprises/detail";
import { enterpriseFilterSchema, PAGE_SIZE } from "@/lib/enterprises/filters";
import { listEnterprises } from "@/lib/enterprises/list";
import { saveEnterprise } from "@/lib/enterprises/service";
import { buildCsv } from "@/lib/export/csv";
import { buildExportTable } from "@/lib/export";
import { buildXlsx } from "@/lib/export/xlsx";
import { projectFilterSchema } from "@/lib/projects/filters";
import { listProjects } from "@/lib/projects/list";
import { getRegionByCode } from "@/lib/regions";
import { resetDatabase } from "../support/db";

const period = { year: 2024, month: 7 };
const DAINAN = "321281100000";
let reviewer: CurrentUser;
let reporter: CurrentUser;
let outsider: CurrentUser;
let scope: ReadScope;
let outputId: number;

async function userNamed(username: string): Promise<CurrentUser> {
  const u = await getPrisma().user.findUniqueOrThrow({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, regionId: true, mustChangePassword: true, region: { select: { id: true, code: true, name: true, level: true, parentId: true } } },
  });
  return u;
}

const filters = (q: Record<string, string> = {}) => enterpriseFilterSchema.parse(q);

beforeAll(async () => {
  await resetDatabase();
  const db = getPrisma();
  await seedDemoCounty(db, { throughYear: period.year, throughMonth: period.month });
  // A second county under the same city, with one enterprise and its own reviewer.
  const city = await db.region.findUniqueOrThrow({ where: { code: "321200000000" }, select: { id: true } });
  const other = await createRegion(db, { code: "321291000000", name: "另一县", level: "COUNTY", parentId: city.id });
  const town = await createRegion(db, { code: "321291100000", name: "外县镇", level: "TOWN", parentId: other.id });
  await db.enterprise.create({ data: { creditCode: makeCreditCode("321291", 1), name: "外县企业有限公司", townId: town.id, industryCode: "C3311" } });
  await createUser(db, { username: "outsider", password: "x", role: "REVIEWER", regionId: other.id });
  [reviewer, reporter, outsider] = await Promise.all([userNamed("reviewer"), userNamed("reporter"), userNamed("outsider")]);
  scope = (await readScope(reviewer))!;
  outputId = (await db.indicator.findUniqueOrThrow({ where: { code: "gross_output" }, select: { id: true } })).id;
}, 180_000);

describe("enterprise list", () => {
  it("filters by tier and town exactly as a plain query does", async () => {
    const town = await getPrisma().region.findUniqueOrThrow({ where: { code: DAINAN }, select: { id: true } });
    const expected = await getPrisma().enterprise.findMany({
      where: { townId: town.id, values: { some: { indicatorId: outputId, ...period, value: { gte: 10000 } } } },
      select: { id: true },
    });
    const got = await listEnterprises(townIdsOf(scope), period, filters({ tier: "over100m", town: DAINAN }), { all: true });
    expect(got.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id).sort((a, b) => a - b));
    expect(got.total).toBe(expected.length);
    expect(got.rows.every((r) => new Decimal(r.output!).gte(10000) && r.townCode === DAINAN)).toBe(true);
  });

  it("filters the middle tier by [5000, 10000), 规上 and park", async () => {
    const park = await getPrisma().park.findFirstOrThrow({ where: { name: "戴南不锈钢产业园" }, select: { id: true } });
    const expected = await getPrisma().enterprise.count({
      where: { parkId: park.id, aboveScale: true, values: { some: { indicatorId: outputId, ...period, value: { gte: 5000, lt: 10000 } } } },
    });
    const got = await listEnterprises(townIdsOf(scope), period, filters({ tier: "over50m", park: String(park.id), scale: "above" }));
    expect(got.total).toBe(expected);
  });

  it("paginates: totals, page count, and pages that together are the whole list in output order", async () => {
    const all = await getPrisma().enterprise.count({ where: { townId: { in: townIdsOf(scope) } } });
    const first = await listEnterprises(townIdsOf(scope), period, filters());
    expect(first.total).toBe(all);
    expect(first.pageCount).toBe(Math.ceil(all / PAGE_SIZE));
    expect(first.rows).toHaveLength(PAGE_SIZE);
    const second = await listEnterprises(townIdsOf(scope), period, filters({ page: "2" }));
    expect(second.rows[0].id).not.toBe(first.rows[0].id);
    const outputs = [...first.rows, ...second.rows].map((r) => new Decimal(r.output ?? -1));
    for (let i = 1; i < outputs.length; i++) expect(outputs[i - 1].gte(outputs[i])).toBe(true);
    const beyond = await listEnterprises(townIdsOf(scope), period, filters({ page: "9999" }));
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(all);
  });

  it("counts a town's enterprises by tier consistently with the list", async () => {
    const town = await getPrisma().region.findUniqueOrThrow({ where: { code: DAINAN }, select: { id: true } });
    const counts = await getTierCounts(town.id, period);
    for (const tier of ["over100m", "over50m", "over20m"] as const) {
      const list = await listEnterprises([town.id], period, filters({ tier }));
      expect(counts[tier]).toBe(list.total);
    }
  });
});

describe("scope", () => {
  it("a caller from another county sees none of this county's enterprises, projects or exports", async () => {
    const theirs = await readScope(outsider);
    expect(theirs!.towns.map((t) => t.code)).toEqual(["321291100000"]);
    const list = await listEnterprises(townIdsOf(theirs), period, filters({ town: DAINAN }));
    expect(list.total).toBe(0);
    const own = await listEnterprises(townIdsOf(theirs), null, filters());
    expect(own.rows.map((r) => r.name)).toEqual(["外县企业有限公司"]);
    const ours = (await listEnterprises(townIdsOf(scope), period, filters())).rows[0];
    expect(await getEnterprise(ours.id, townIdsOf(theirs))).toBeNull();
    expect((await listProjects(townIdsOf(theirs), period, projectFilterSchema.parse({}))).total).toBe(0);
    const exported = await buildExportTable(outsider, "enterprises", { format: "xlsx" });
    expect(exported.rows.map((r) => r[0])).toEqual(["外县企业有限公司"]);
    await expect(buildExportTable(outsider, "overview", { region: "321281000000" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a town reporter reads the county (as the permissions module says) but cannot edit the registry", async () => {
    const theirs = await readScope(reporter);
    expect(theirs!.root.code).toBe("321281000000");
    expect(theirs!.towns.map((t) => t.code)).not.toContain("321291100000");
    const result = await saveEnterprise(reporter, { name: "测试企业", creditCode: makeCreditCode("321281", 9001), townCode: DAINAN, industryCode: "C3311", ownership: "PRIVATE" });
    expect(result.message).toMatch(/没有权限/);
  });
});

describe("projects and attraction", () => {
  it("filters projects by investment bucket and stage", async () => {
    const expected = await getPrisma().project.count({ where: { townId: { in: townIdsOf(scope) }, totalInvestment: { gte: 10000, lt: 100000 }, stage: "UNDER_CONSTRUCTION" } });
    const got = await listProjects(townIdsOf(scope), period, projectFilterSchema.parse({ bucket: "ge100m", stage: "UNDER_CONSTRUCTION" }));
    expect(got.total).toBe(expected);
    expect(got.total).toBeGreaterThan(0);
  });

  it("converts USD at the rate of the record's own period, exactly", async () => {
    const got = await listAttraction(townIdsOf(scope), period, attractionFilterSchema.parse({ currency: "USD" }), { all: true });
    expect(got.rows.length).toBeGreaterThan(0);
    const rates = await getPrisma().period.findMany({ select: { year: true, month: true, usdRate: true } });
    for (const r of got.rows) {
      const rate = rates.find((p) => p.year === r.year && p.month === r.month)!.usdRate!.toString();
      expect(r.plannedCny).toBe(new Decimal(r.plannedAmount).times(rate).toFixed());
      expect(r.arrivedCny).toBe(new Decimal(r.arrivedAmount).times(rate).toFixed());
      expect(r.currency).toBe("USD");
    }
    const expectedTotal = got.rows.reduce((acc, r) => acc.plus(r.plannedCny!), new Decimal(0));
    expect(got.totals.planned).toBe(expectedTotal.toFixed());
  });
});

describe("export", () => {
  it("writes .xlsx whose numbers (as numbers) are the list's, with a title, unit and period", async () => {
    const params = { format: "xlsx", tier: "over100m", period: "2024-07" };
    const table = await buildExportTable(reviewer, "enterprises", params);
    const wb = new ExcelJS.Workbook();
    const file = await buildXlsx(table);
    await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe("兴化市企业名录");
    expect(String(ws.getCell(2, 1).value)).toContain("万元");
    expect(String(ws.getCell(2, 1).value)).toContain("2024年1–7月");
    const list = await listEnterprises(townIdsOf(scope), period, filters({ tier: "over100m" }), { all: true });
    expect(ws.rowCount).toBe(3 + list.rows.length);
    list.rows.forEach((r, i) => {
      const cell = ws.getCell(4 + i, 7);
      expect(typeof cell.value).toBe("number");
      expect(cell.value).toBe(new Decimal(r.output!).toNumber());
      expect(cell.numFmt).toBe("#,##0.00");
      expect(ws.getCell(4 + i, 2).value).toBe(r.creditCode);
    });
  });

  it("writes CSV in UTF-8 with a BOM and exact decimals", async () => {
    const table = await buildExportTable(reviewer, "overview", { period: "2024-07" });
    const csv = buildCsv(table);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("兴化市合计");
    expect(csv.split("\r\n")[2]).toMatch(/^乡镇,本期累计/);
  });
});

describe("registry editing", () => {
  it("validates the credit code in Chinese, refuses duplicates, and detects a stale version", async () => {
    const bad = await saveEnterprise(reviewer, { name: "测试企业", creditCode: "91321281MA1XXXXXX0", townCode: DAINAN, industryCode: "C3311", ownership: "PRIVATE" });
    expect(bad.fieldErrors?.creditCode?.[0]).toMatch(/统一社会信用代码/);
    const taken = await getPrisma().enterprise.findFirstOrThrow({ select: { creditCode: true } });
    const dup = await saveEnterprise(reviewer, { name: "测试企业", creditCode: taken.creditCode, townCode: DAINAN, industryCode: "C3311", ownership: "PRIVATE" });
    expect(dup.fieldErrors?.creditCode).toEqual(["该统一社会信用代码已存在"]);
    const code = makeCreditCode("321281", 9002);
    const created = await saveEnterprise(reviewer, { name: "新建测试企业", creditCode: code, townCode: DAINAN, industryCode: "c3311", ownership: "PRIVATE", aboveScale: "on" });
    expect(created.id).toBeGreaterThan(0);
    const edit = { id: String(created.id), version: "1", name: "改名测试企业", creditCode: code, townCode: DAINAN, industryCode: "C3311", ownership: "PRIVATE" };
    expect((await saveEnterprise(reviewer, edit)).id).toBe(created.id);
    expect((await saveEnterprise(reviewer, { ...edit, name: "再改一次" })).message).toMatch(/已被他人修改/);
    const audit = await getPrisma().auditLog.findMany({ where: { entity: "enterprise", entityId: String(created.id) }, select: { action: true, field: true, newValue: true } });
    expect(audit.map((a) => a.action)).toContain("create");
    expect(audit).toContainEqual({ action: "update", field: "name", newValue: "改名测试企业" });
    const row = await getPrisma().enterprise.findUniqueOrThrow({ where: { id: created.id }, select: { industryCode: true, aboveScale: true, version: true } });
    expect(row).toEqual({ industryCode: "C3311", aboveScale: false, version: 2 });
  });
});

describe("county trend", () => {
  it("is like for like while towns are still reporting: YTD never falls, 当月 never negative, totals as the towns' sum", async () => {
    const county = (await getRegionByCode("321281000000"))!;
    const trend = (await getTrend(county, period, "gross_output", { includeSubmitted: true }))!;
    // With submitted reports included, 3 of the 14 towns have no counted report for July (returned, draft, missing).
    expect(trend.partial).toEqual({ month: 7, reported: 11, of: 14, childLabel: "个乡镇" });
    // Approved figures only (the default): 5 towns.
    expect((await getTrend(county, period, "gross_output"))!.partial).toEqual({ month: 7, reported: 5, of: 14, childLabel: "个乡镇" });
    expect(trend.rows).toHaveLength(7);
    for (let i = 1; i < trend.rows.length; i++) expect(trend.rows[i].value!).toBeGreaterThanOrEqual(trend.rows[i - 1].value!);
    for (const r of trend.rows) {
      expect(r.monthly!).toBeGreaterThan(0);
      expect(r.lastYearMonthly!).toBeGreaterThan(0);
    }
    // June: the sum over the towns that reported July, from the raw rows.
    const rows = await getPrisma().$queryRaw<{ s: string }[]>`
      SELECT SUM(v.value)::text AS s FROM "ReportValue" v
      WHERE v."indicatorId" = ${outputId} AND v.year = 2024 AND v.month = 6 AND v."regionId" IN (
        SELECT t."regionId" FROM "TownReport" t WHERE t.year = 2024 AND t.month = 7 AND t.status IN ('SUBMITTED', 'APPROVED')
          AND t."regionId" IN (SELECT id FROM "Region" WHERE "parentId" = ${county.id}))`; // the county's towns (the demo city's other counties report too)
    // Scaled to 亿元 without rounding: labels round once, from this number.
    expect(trend.rows[5].value).toBe(new Decimal(rows[0].s).div(10000).toNumber());
  });
});
