// Input hygiene through the real routes and services on a real database: names that start like a
// spreadsheet formula leave every CSV as text and every xlsx as a string cell; NUL and other
// characters PostgreSQL or XML cannot hold are dropped from names and 说明, never a 500.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditGET } from "@/app/api/v1/audit/route";
import { GET as bulletinGET } from "@/app/api/v1/bulletin/docx/route";
import { GET as exportGET } from "@/app/api/v1/export/[table]/route";
import { PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { recordAudit } from "@/lib/audit";
import { verifyCredentials } from "@/lib/auth/credentials";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { makeCreditCode } from "@/lib/demo/factories";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { saveEnterprise } from "@/lib/enterprises/service";
import { savePark } from "@/lib/parks/service";
import { saveProject } from "@/lib/projects/service";
import { createUser } from "@/lib/users/service";
import { callApiJson, createApiToken } from "../../support/api";
import { resetDatabase } from "../../support/db";
import { seedSmallCounty, TOWN_A } from "./small-county";

const TOWN = TOWN_A.code;
const FORMULA_NAMES = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "\t制表符开头有限公司"];
let token = "";
const NEGATIVE_NAME = "退税企业有限公司";
let townId = 0;

const userNamed = async (username: string): Promise<CurrentUser> => {
  const u = await getPrisma().user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
  return (await loadActiveUser(u.id, u.sessionVersion))!;
};

/** CSV text → rows of fields (RFC 4180 quoting), BOM and trailing newline removed. */
function parseCsv(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
  return lines.map((l) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, -1));
}

async function exportEnterprises(format: "csv" | "xlsx") {
  const url = `http://localhost/api/v1/export/enterprises?format=${format}&region=${DEMO_COUNTY.code}&period=2024-07&sort=name`;
  const res = await exportGET(new Request(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ table: "enterprises" }) });
  expect(res.status).toBe(200);
  return res;
}

beforeAll(async () => {
  await resetDatabase();
  // Five enterprises with formula-like names; one with a negative 入库税金 (a refund).
  const figures = { gross_output: "500", tax: "3" };
  const a = Object.fromEntries([...FORMULA_NAMES.map((n) => [n, figures]), [NEGATIVE_NAME, { gross_output: "800", tax: "-12.5" }]]);
  const county = await seedSmallCounty({ a, b: { 张郭精密机械有限公司: figures } });
  townId = county.townA;
  token = await createApiToken("reviewer", { readOnly: false });
});

describe("CSV formula injection", () => {
  it("exports formula-like enterprise names as quoted text, and a negative figure as a number", async () => {
    const rows = parseCsv(await (await exportEnterprises("csv")).text());
    const header = rows[2];
    const name = header.indexOf("企业名称");
    const tax = header.indexOf("入库税金（万元）");
    const names = rows.slice(3).map((r) => r[name]);
    expect(names).toContain(`'=HYPERLINK("http://x","y")`);
    expect(names).toContain("'+1");
    expect(names).toContain("'-2+3");
    expect(names).toContain("'@SUM(A1)");
    expect(names).toContain("'\t制表符开头有限公司");
    for (const n of names) expect(n).not.toMatch(/^[=+\-@\t\r]/);
    const refund = rows.slice(3).find((r) => r[name] === NEGATIVE_NAME)!;
    expect(refund[tax]).toMatch(/^-12\.50*$/);
    expect(Number(refund[tax])).toBe(-12.5);
  });

  it("keeps those names string cells in the xlsx (never a formula) and the negative figure a number", async () => {
    const bytes = Buffer.from(await (await exportEnterprises("xlsx")).arrayBuffer());
    const sheetXml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toContain("<f>");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 3) byName.set(String(row.getCell(1).value), row);
    });
    for (const name of FORMULA_NAMES) {
      const cell = byName.get(name)?.getCell(1);
      expect(cell?.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(name);
    }
    const taxColumn = (ws.getRow(3).values as unknown[]).indexOf("入库税金（万元）");
    expect(byName.get(NEGATIVE_NAME)!.getCell(taxColumn).value).toBe(-12.5);
  });

  it("neutralises formula starters in the audit CSV too, and leaves negative figures numbers", async () => {
    const reviewer = await userNamed("reviewer");
    await recordAudit(getPrisma(), reviewer, [
      { action: "update", entity: "TownReport", entityId: 1, regionId: townId, year: 2024, month: 7, field: "=cmd|'/c calc'!A1", oldValue: "-2+3", newValue: "-12.5", reason: "@SUM(A1)" },
    ]);
    const res = await auditGET(new Request(`http://localhost/api/v1/audit?town=${TOWN}&format=csv`, { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    const row = rows.find((r) => r[5]?.includes("cmd"))!;
    expect(row.slice(5)).toEqual(["'=cmd|'/c calc'!A1", "'-2+3", "-12.5", "'@SUM(A1)"]);
  });
});

describe("NUL and other characters text cannot hold", () => {
  it("drops NUL from a 说明 saved through the report API instead of failing with 500", async () => {
    const path = `/api/v1/reports/${TOWN}/2024-08`;
    const body = { version: 0, values: { gross_output: "100" }, explanations: { gross_output: "新投产\u0000项目拉动\uFFFF" } };
    const res = await callApiJson(reportPUT, path, "PUT", body, token, { town: TOWN, period: "2024-08" });
    expect(res.status).toBe(200);
    const stored = await getPrisma().reportValue.findFirstOrThrow({ where: { regionId: townId, year: 2024, month: 8, indicator: { code: "gross_output" } }, select: { explanation: true } });
    expect(stored.explanation).toBe("新投产项目拉动");
  });

  it("drops NUL, U+FFFE and lone surrogates from names of enterprises, parks, projects and users", async () => {
    const reviewer = await userNamed("reviewer");
    const admin = await userNamed("admin");
    const db = getPrisma();

    const firm = await saveEnterprise(reviewer, { name: "华\u0000鑫\uFFFE机械有限公司", creditCode: makeCreditCode("321281", 9001), townCode: TOWN, parkId: "", industryCode: "C3311", ownership: "PRIVATE" });
    expect(firm).toEqual({ id: expect.any(Number) });
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firm.id! }, select: { name: true } })).name).toBe("华鑫机械有限公司");

    const park = await savePark(reviewer, { name: "戴南\u0000集中区", level: "TOWNSHIP", townCode: TOWN, plannedArea: "100", leadingIndustries: "不锈钢\uD800" });
    expect(park.id).toEqual(expect.any(Number));
    expect(await db.park.findUniqueOrThrow({ where: { id: park.id! }, select: { name: true, leadingIndustries: true } })).toEqual({ name: "戴南集中区", leadingIndustries: "不锈钢" });

    const project = await saveProject(reviewer, { name: "年产\u0000万吨项目", townCode: TOWN, parkId: "", sector: "装备\u0000制造", totalInvestment: "5000", stage: "SIGNED", plannedEndOn: "" });
    expect(project.id).toEqual(expect.any(Number));
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id! }, select: { name: true, sector: true } })).toEqual({ name: "年产万吨项目", sector: "装备制造" });

    const user = await createUser(admin, { username: "nul.user", displayName: "张\u0000三", role: "REPORTER", regionId: String(townId), password: "" });
    expect(user).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { username: "nul.user" }, select: { displayName: true } })).displayName).toBe("张三");
  });

  it("answers a region code with NUL in a query (export, bulletin) with 404, not 500", async () => {
    const headers = { authorization: `Bearer ${token}` };
    const exported = await exportGET(new Request("http://localhost/api/v1/export/enterprises?format=csv&region=3212%0081000000", { headers }), { params: Promise.resolve({ table: "enterprises" }) });
    expect(exported.status).toBe(404);
    const bulletin = await bulletinGET(new Request("http://localhost/api/v1/bulletin/docx?region=%00", { headers }));
    expect(bulletin.status).toBe(404);
    expect(((await bulletin.json()) as { error: { message: string } }).error.message).toContain("不存在");
  });

  it("answers a sign-in with NUL in the username like any unknown name, not with an error", async () => {
    await expect(verifyCredentials(getPrisma(), { username: "adm\u0000in", password: "wrong" }, "203.0.113.9")).resolves.toEqual({ ok: false, error: "invalid" });
  });
});
