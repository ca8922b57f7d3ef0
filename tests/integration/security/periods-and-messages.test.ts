// What the API answers to input it cannot use, through the real routes on a real database: periods
// before 2000 are refused (nothing written), every message is Chinese and says what is wrong,
// absurd figures never reach the checks, an export's `region` scopes register tables, and a
// reporter asking for the bulletin is told 无权限 rather than that the county does not exist.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditGET } from "@/app/api/v1/audit/route";
import { GET as bulletinGET } from "@/app/api/v1/bulletin/docx/route";
import { POST as checksPOST } from "@/app/api/v1/checks/route";
import { GET as exportGET } from "@/app/api/v1/export/[table]/route";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { PUT as reportPUT, GET as reportGET } from "@/app/api/v1/reports/[town]/[period]/route";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { callApi, callApiJson, createApiToken } from "../../support/api";
import { resetDatabase } from "../../support/db";
import { seedSmallCounty, TOWN_A, TOWN_B } from "./small-county";

const t: Record<string, string> = {};
const ENGLISH = /\b(Invalid|Too big|Too small|expected|received|Required)\b/i;

const put = (period: string, body: unknown, token = t.reviewer) => callApiJson(reportPUT, `/api/v1/reports/${TOWN_A.code}/${period}`, "PUT", body, token, { town: TOWN_A.code, period });

async function checks(body: string) {
  const request = new Request("http://localhost/api/v1/checks", { method: "POST", headers: { authorization: `Bearer ${t.reviewer}`, "content-type": "application/json" }, body });
  const res = await checksPOST(request);
  return { status: res.status, body: (await res.json()) as { error?: { message: string }; errors?: unknown[]; warnings?: { message: string }[] } };
}

beforeAll(async () => {
  await resetDatabase();
  const figures = { gross_output: "500", tax: "3" };
  await seedSmallCounty({ a: { 戴南不锈钢有限公司: figures, 戴南机械有限公司: figures }, b: { 张郭精密机械有限公司: figures } });
  for (const u of ["reviewer", "reporter"]) t[u] = await createApiToken(u, { readOnly: false });
});

describe("periods before 2000", () => {
  it("refuses PUT /reports/<town>/1899-12 with a Chinese 400 and writes nothing", async () => {
    const res = await put("1899-12", { version: 0, values: { gross_output: "100" } });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe("统计期不能早于2000年1月");
    expect(await getPrisma().townReport.count({ where: { year: { lt: 2000 } } })).toBe(0);
    expect(await getPrisma().auditLog.count()).toBe(0);
  });

  it("refuses the same period when reading, in query parameters and in exports", async () => {
    const read = await callApiJson(reportGET, `/api/v1/reports/${TOWN_A.code}/1999-12`, "GET", undefined, t.reviewer, { town: TOWN_A.code, period: "1999-12" });
    expect(read.status).toBe(400);
    expect(read.body.error?.message).toContain("不能早于2000年1月");
    const overview = await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}&period=1899-12`, t.reviewer);
    expect(overview.status).toBe(400);
    expect(overview.body.error?.message).toContain("不能早于2000年1月");
    const exported = await exportGET(new Request(`http://localhost/api/v1/export/enterprises?format=csv&period=1899-12`, { headers: { authorization: `Bearer ${t.reviewer}` } }), { params: Promise.resolve({ table: "enterprises" }) });
    expect(exported.status).toBe(400);
    expect(((await exported.json()) as { error: { message: string } }).error.message).toContain("不能早于2000年1月");
  });
});

describe("Chinese messages that say what is wrong", () => {
  it.each([["0"], [-1], [1.5]])("answers version %j with what a version must be", async (version) => {
    const res = await put("2024-08", { version, values: {} });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain("version 必须是非负整数");
    expect(res.body.error?.message).not.toContain("缺少");
  });

  it("still says 缺少 version when it is missing", async () => {
    const res = await put("2024-08", { values: {} });
    expect(res.body.error?.message).toContain("缺少 version");
  });

  it("has no English in zod's own messages (a too long filter value)", async () => {
    const res = await callApi(auditGET, `/api/v1/audit?town=${TOWN_A.code}&action=${"x".repeat(41)}`, t.reviewer);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe("action：最多40个字");
    const union = await put("2024-08", { version: 0, values: { gross_output: true } });
    expect(union.status).toBe(400);
    expect(union.body.error?.message).not.toMatch(ENGLISH);
    expect(union.body.error?.message).toMatch(/^values\.gross_output：应为数字或文本/);
  });
});

describe("absurd figures in /api/v1/checks", () => {
  it.each([['"1e309"'], ["1e309"], ['"99999999999999999"'], ['"1e5"']])("refuses gross_output %s with a Chinese field error, no growth computed", async (value) => {
    const res = await checks(`{"region":"${TOWN_A.code}","period":"2024-08","values":{"gross_output":${value}}}`);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/工业总产值：(请输入数字|数值过大)|values\.gross_output：/);
    expect(res.body.error?.message).not.toMatch(ENGLISH);
    expect(res.body.warnings).toBeUndefined();
  });

  it("still checks an ordinary figure", async () => {
    const res = await checks(`{"region":"${TOWN_A.code}","period":"2024-08","values":{"gross_output":"1.2亿"}}`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeInstanceOf(Array);
  });
});

describe("export region and bulletin permission", () => {
  it("scopes the enterprises export to the region asked for", async () => {
    const csv = async (region: string) => {
      const res = await exportGET(new Request(`http://localhost/api/v1/export/enterprises?format=csv&period=2024-07&region=${region}`, { headers: { authorization: `Bearer ${t.reviewer}` } }), { params: Promise.resolve({ table: "enterprises" }) });
      expect(res.status).toBe(200);
      const lines = (await res.text()).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
      return { title: lines[0], firms: lines.slice(3).map((l) => l.split(",")[0]) };
    };
    expect((await csv(DEMO_COUNTY.code)).firms.sort()).toEqual(["张郭精密机械有限公司", "戴南不锈钢有限公司", "戴南机械有限公司"].sort());
    const town = await csv(TOWN_B.code);
    expect(town.firms).toEqual(["张郭精密机械有限公司"]);
    expect(town.title).toContain(TOWN_B.name);
  });

  it("tells a reporter 无权限 for the bulletin, whatever region they name", async () => {
    for (const q of ["", `?region=${DEMO_COUNTY.code}`, "?region=999999000000", `?region=${TOWN_A.code}`]) {
      const res = await callApi(bulletinGET, `/api/v1/bulletin/docx${q}`, t.reporter);
      expect(res.status, q).toBe(403);
      expect(res.body.error?.message, q).toContain("没有权限");
    }
  });
});
