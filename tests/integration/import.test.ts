// Import against a real database: the messy workbook's preview, an exact import after fixing it,
// an idempotent re-import, and a commit killed midway that leaves nothing behind.
import * as XLSX from "@e965/xlsx";
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as commitPOST } from "@/app/api/v1/import/jobs/[id]/commit/route";
import { GET as problemsGET } from "@/app/api/v1/import/jobs/[id]/problems/route";
import { GET as jobGET } from "@/app/api/v1/import/jobs/[id]/route";
import { POST as uploadPOST } from "@/app/api/v1/import/jobs/route";
import { loadActiveUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createTownReport, ensureIndicators, makeCreditCode } from "@/lib/demo/factories";
import { commitImport } from "@/lib/import/commit";
import { previewImport } from "@/lib/import/service";
import { LIVE_COMPARABLE_SQL, ROLLUP_COMPARABLE_SQL } from "@/scripts/bench/floor";
import { ENTERPRISE_VALUE_HEADERS, messyWorkbook, TOWN_VALUE_HEADERS, type CellInput } from "../fixtures/import-workbooks";
import { createApiToken } from "../support/api";
import { useDemoSnapshot } from "../support/demo-snapshot";

let token: string;
let messyJob = { id: 0, bad: "", problems: 0 };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function upload(buf: Buffer, kind: string, period: string, name = "data.xlsx") {
  const form = new FormData();
  form.set("kind", kind);
  form.set("period", period);
  form.set("file", new Blob([new Uint8Array(buf)]), name);
  const res = await uploadPOST(new Request("http://localhost/api/v1/import/jobs", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as Json };
}
async function commit(id: number) {
  const res = await commitPOST(new Request(`http://localhost/api/v1/import/jobs/${id}/commit`, { method: "POST", headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: String(id) }) });
  return { status: res.status, body: (await res.json()) as Json };
}
const auditCount = () => getPrisma().auditLog.count();

/** ComparableBase (kept by triggers on EnterpriseValue) equals its definition over the source tables. */
async function expectRollupEqualsDefinition() {
  type Row = { town: number; year: number; month: number; value: string; enterprises: number };
  const rows = async (sql: string) => (await getPrisma().$queryRawUnsafe<Row[]>(sql)).map((r) => `${r.town}|${r.year}|${r.month}|${new Decimal(r.value).toFixed()}|${r.enterprises}`);
  const live = await rows(LIVE_COMPARABLE_SQL);
  expect(live.length).toBeGreaterThan(0);
  expect(await rows(ROLLUP_COMPARABLE_SQL)).toEqual(live);
}

beforeAll(async () => {
  await useDemoSnapshot();
  token = await createApiToken("reviewer", { readOnly: false });
}, 180_000);

/** Four 戴南镇 enterprises with their July YTD, and August figures 10% above. */
async function daiNanEnterprises() {
  const rows = await getPrisma().$queryRaw<{ id: number; creditCode: string; name: string; gross: string; sales: string; tax: string }[]>`
    SELECT e.id, e."creditCode", e.name,
      MAX(CASE WHEN i.code = 'gross_output' THEN v.value END)::text AS gross,
      MAX(CASE WHEN i.code = 'sales_revenue' THEN v.value END)::text AS sales,
      MAX(CASE WHEN i.code = 'tax' THEN v.value END)::text AS tax
    FROM "Enterprise" e JOIN "Region" r ON r.id = e."townId" JOIN "EnterpriseValue" v ON v."enterpriseId" = e.id JOIN "Indicator" i ON i.id = v."indicatorId"
    WHERE r.code = '321281100000' AND v.year = 2024 AND v.month = 7
    GROUP BY e.id HAVING MAX(CASE WHEN i.code = 'gross_output' THEN v.value END) < 10000 ORDER BY e.id LIMIT 4`;
  return rows.map((r) => ({ ...r, aug: { gross: new Decimal(r.gross).times(1.1).toFixed(2), sales: new Decimal(r.sales).times(1.1).toFixed(2), tax: new Decimal(r.tax).times(1.1).toFixed(2) } }));
}

describe("enterprise monthly figures", () => {
  let ents: Awaited<ReturnType<typeof daiNanEnterprises>>;
  let fixed: Buffer;
  const row = (i: number, e: (typeof ents)[number], code = e.creditCode): CellInput[] => [i, code, e.name, e.aug.gross, e.aug.sales, "35.5", e.aug.tax];

  beforeAll(async () => {
    ents = await daiNanEnterprises();
    expect(ents).toHaveLength(4);
  });

  it("previews the messy workbook: problems with sheet, row and column; nothing written", async () => {
    const bad = ents[3].creditCode.slice(0, 17) + (ents[3].creditCode[17] === "0" ? "1" : "0");
    const buf = await messyWorkbook({
      title: "戴南镇规上工业企业主要指标（2024年1–8月）",
      headers: ENTERPRISE_VALUE_HEADERS,
      rows: [row(1, ents[0]), [2, ents[1].creditCode, ents[1].name, "1.2亿", ents[1].aug.sales, "35.5", { formula: "E5*0.01", result: Number(ents[1].aug.tax) }], row(3, ents[2]), row(4, ents[3], bad), row(5, ents[0])],
    });
    const before = await getPrisma().enterpriseValue.count();
    const { status, body } = await upload(buf, "enterprise_values", "2024-08");
    expect(status).toBe(201);
    expect(body.committable).toBe(false);
    expect(body.counts).toMatchObject({ create: 3, update: 0, unchanged: 0, errors: 1 });
    expect(body.problems.filter((p: Json) => p.severity === "error")).toEqual([{ sheet: "Sheet1", row: 7, column: "信用代码", severity: "error", value: bad, message: expect.stringContaining("校验位不正确") }]);
    expect(body.problems.map((p: Json) => p.message)).toContain("与第4行完全重复，已忽略");
    expect(await getPrisma().enterpriseValue.count()).toBe(before);
    const refused = await commit(body.jobId);
    expect(refused.status).toBe(422);
    messyJob = { id: body.jobId, bad, problems: body.problems.length };
  });

  it("offers the preview's problems as 问题清单.xlsx, read from the stored job, to its creator only", async () => {
    const get = (auth: string) =>
      problemsGET(new Request(`http://localhost/api/v1/import/jobs/${messyJob.id}/problems`, { headers: { authorization: `Bearer ${auth}` } }), { params: Promise.resolve({ id: String(messyJob.id) }) });
    const res = await get(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("data-问题清单.xlsx");
    const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    expect(wb.SheetNames).toEqual(["问题清单", "说明"]);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets["问题清单"], { header: 1, defval: "" });
    expect(rows[0]).toEqual(["级别", "工作表", "行号", "列", "单元格内容", "问题", "处理建议"]);
    expect(rows).toHaveLength(messyJob.problems + 1);
    const error = rows.find((r) => r[0] === "错误")!;
    expect(error.slice(0, 5)).toEqual(["错误", "Sheet1", 7, "信用代码", messyJob.bad]);
    expect(String(error[5])).toContain("校验位不正确");
    expect(String(error[6])).not.toBe("");
    const duplicate = rows.find((r) => r[5] === "与第4行完全重复，已忽略")!;
    expect(duplicate[6]).toBe("无需处理（该行或该列不导入）");
    // Another user, even one who may import, gets no one else's problems.
    const other = await get(await createApiToken("reporter", { readOnly: false }));
    expect(other.status).toBe(404);
  });

  it("after fixing the bad row imports exactly, audited; the job reports COMMITTED", async () => {
    fixed = await messyWorkbook({
      title: "戴南镇规上工业企业主要指标（2024年1–8月）",
      headers: ENTERPRISE_VALUE_HEADERS,
      rows: [row(1, ents[0]), [2, ents[1].creditCode, ents[1].name, "1.2亿", ents[1].aug.sales, "35.5", { formula: "E5*0.01", result: Number(ents[1].aug.tax) }], row(3, ents[2]), row(4, ents[3])],
    });
    const { body } = await upload(fixed, "enterprise_values", "2024-08");
    expect(body).toMatchObject({ committable: true, counts: { create: 4, errors: 0 } });
    const audits = await auditCount();
    const done = await commit(body.jobId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "COMMITTED", created: 4 });
    const stored = await getPrisma().enterpriseValue.findMany({ where: { enterpriseId: { in: ents.map((e) => e.id) }, year: 2024, month: 8 }, select: { enterpriseId: true, value: true, indicator: { select: { code: true } } } });
    const get = (id: number, code: string) => stored.find((s) => s.enterpriseId === id && s.indicator.code === code)?.value.toString();
    expect(get(ents[0].id, "gross_output")).toBe(new Decimal(ents[0].aug.gross).toString());
    expect(get(ents[1].id, "gross_output")).toBe("12000");
    expect(get(ents[1].id, "tax")).toBe(new Decimal(ents[1].aug.tax).toString());
    expect(get(ents[3].id, "profit")).toBe("35.5");
    expect(stored).toHaveLength(16);
    // One audit entry per enterprise and period (listing its figures), plus one for the job.
    expect((await auditCount()) - audits).toBe(5);
    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { entity: "Enterprise", entityId: String(ents[1].id), year: 2024, month: 8 }, select: { action: true, field: true, newValue: true } });
    expect(entry).toMatchObject({ action: "import", field: "月度数据", newValue: expect.stringContaining("工业总产值：12000") });
    const job = await jobGET(new Request(`http://localhost/api/v1/import/jobs/${body.jobId}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: String(body.jobId) }) });
    expect(await job.json()).toMatchObject({ status: "COMMITTED", rowsTotal: 4, rowsDone: 4 });
  });

  it("re-importing the same file changes nothing and writes no audit rows", async () => {
    const audits = await auditCount();
    const { body } = await upload(fixed, "enterprise_values", "2024-08");
    expect(body.counts).toMatchObject({ create: 0, update: 0, unchanged: 4 });
    expect(body.previouslyCommitted).toMatchObject({ jobId: expect.any(Number) });
    const done = await commit(body.jobId);
    expect(done.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, auditEntries: 0 });
    expect(await auditCount()).toBe(audits);
  });

  it("a corrected figure updates only that value, audited with the stored value, and keeps the 同口径 rollup exact", async () => {
    const corrected = new Decimal(ents[2].aug.gross).plus("12.5").toFixed(2);
    const buf = await messyWorkbook({
      title: "戴南镇规上工业企业主要指标（2024年1–8月）（更正）",
      headers: ENTERPRISE_VALUE_HEADERS,
      rows: [row(1, ents[0]), [2, ents[2].creditCode, ents[2].name, corrected, ents[2].aug.sales, "35.5", ents[2].aug.tax]],
    });
    const { body } = await upload(buf, "enterprise_values", "2024-08");
    expect(body).toMatchObject({ committable: true, counts: { create: 0, update: 1, unchanged: 1, errors: 0 } });
    const audits = await auditCount();
    const done = await commit(body.jobId);
    expect(done.body).toMatchObject({ status: "COMMITTED", created: 0, updated: 1, unchanged: 1, auditEntries: 1 });
    expect((await auditCount()) - audits).toBe(2); // the figure and the job
    const gross = await getPrisma().enterpriseValue.findFirstOrThrow({ where: { enterpriseId: ents[2].id, year: 2024, month: 8, indicator: { code: "gross_output" } }, select: { value: true } });
    expect(gross.value.toString()).toBe(new Decimal(corrected).toString());
    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { entity: "Enterprise", entityId: String(ents[2].id), year: 2024, month: 8, field: "工业总产值" }, select: { oldValue: true, newValue: true } });
    expect(new Decimal(entry.oldValue!).eq(ents[2].aug.gross)).toBe(true);
    expect(entry.newValue).toBe(new Decimal(corrected).toString());
    await expectRollupEqualsDefinition();
  });
});

describe("enterprise register", () => {
  const codes = [makeCreditCode("321281", 800_001), makeCreditCode("321281", 800_002)];
  const headers = ["统一社会信用代码", "企业名称", "所属乡镇", "行业代码", "经济类型", "是否规上"];

  it("re-importing with a new name and blank optional columns updates the name only, audited", async () => {
    const first = await upload(await messyWorkbook({ title: "企业名录", headers, rows: [[codes[0], "兴化市甲有限公司", "戴南镇", "C3311", "国有", "是"], [codes[1], "兴化市乙有限公司", "张郭镇", "C3312", "民营", "否"]] }), "enterprises", "2024-08");
    expect(first.body.counts).toMatchObject({ create: 2, errors: 0 });
    expect((await commit(first.body.jobId)).body).toMatchObject({ status: "COMMITTED", created: 2 });

    const audits = await auditCount();
    const second = await upload(await messyWorkbook({ title: "企业名录", headers: headers.slice(0, 4), rows: [[codes[0], "兴化市甲科技有限公司", "戴南镇", "C3311"], [codes[1], "兴化市乙有限公司", "张郭镇", "C3312"]] }), "enterprises", "2024-08");
    expect(second.body.counts).toMatchObject({ create: 0, update: 1, unchanged: 1, errors: 0 });
    expect((await commit(second.body.jobId)).body).toMatchObject({ status: "COMMITTED", created: 0, updated: 1, unchanged: 1, auditEntries: 1 });
    expect((await auditCount()) - audits).toBe(2);
    const stored = await getPrisma().enterprise.findMany({ where: { creditCode: { in: codes } }, orderBy: { creditCode: "asc" }, select: { creditCode: true, name: true, ownership: true, aboveScale: true, version: true } });
    expect(stored.find((e) => e.creditCode === codes[0])).toMatchObject({ name: "兴化市甲科技有限公司", ownership: "STATE", aboveScale: true, version: 2 });
    expect(stored.find((e) => e.creditCode === codes[1])).toMatchObject({ name: "兴化市乙有限公司", ownership: "PRIVATE", aboveScale: false, version: 1 });
    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { entity: "Enterprise", field: "企业名称", oldValue: "兴化市甲有限公司" }, select: { newValue: true } });
    expect(entry.newValue).toBe("兴化市甲科技有限公司");
  });

  it("a new 规上 enterprise enters the 规上 history, and a change of 是否规上 is recorded too", async () => {
    const history = async (code: string) =>
      getPrisma().enterpriseScaleChange.findMany({ where: { enterprise: { creditCode: code } }, orderBy: [{ year: "asc" }, { month: "asc" }], select: { aboveScale: true, note: true } });
    // Created as 规上 by the first import of the test above; the 规下 one has no history.
    expect(await history(codes[0])).toEqual([{ aboveScale: true, note: "名录导入" }]);
    expect(await history(codes[1])).toEqual([]);
    const up = await upload(await messyWorkbook({ title: "企业名录", headers, rows: [[codes[1], "兴化市乙有限公司", "张郭镇", "C3312", "民营", "是"]] }), "enterprises", "2024-08");
    expect(up.body.counts).toMatchObject({ update: 1, errors: 0 });
    expect((await commit(up.body.jobId)).body).toMatchObject({ status: "COMMITTED", updated: 1 });
    expect(await history(codes[1])).toEqual([{ aboveScale: true, note: "名录导入" }]);
  });
});

describe("town monthly figures", () => {
  it("flags a YTD below last month's and an unknown town; the fixed file creates submitted reports", async () => {
    const db = getPrisma();
    const july = await db.reportValue.findFirstOrThrow({ where: { region: { code: "321281101000" }, year: 2024, month: 7, indicator: { code: "gross_output" } }, select: { value: true } });
    const lower = new Decimal(july.value.toString()).minus(1).toFixed(2);
    const rows = (zhangGuo: string, town = "大垛镇"): CellInput[][] => [
      ["张郭镇", "2024-08", zhangGuo, null, null, null, null, null],
      [town, "2024年1-8月", "5000", null, null, null, null, "3"],
    ];
    const first = await upload(await messyWorkbook({ title: "各乡镇8月数据", headers: TOWN_VALUE_HEADERS, rows: rows(lower) }), "town_values", "2024-08");
    expect(first.body.problems.filter((p: Json) => p.severity === "error").map((p: Json) => [p.row, p.column, p.message])).toEqual([
      [4, "工业总产值", expect.stringContaining("小于上月止累计")],
      [5, "乡镇（街道）", "未知乡镇“大垛镇”：兴化市没有该乡镇（街道）"],
    ]);
    const higher = new Decimal(july.value.toString()).plus("1234.5").toFixed(2);
    const augWork = new Decimal((await db.reportValue.findFirstOrThrow({ where: { region: { code: "321281110000" }, year: 2024, month: 6, indicator: { code: "gross_output" } }, select: { value: true } })).value.toString()).plus(100).toFixed(2);
    const second = await upload(await messyWorkbook({ title: "各乡镇8月数据", headers: TOWN_VALUE_HEADERS, rows: rows(higher, "大营镇").map((r, i) => (i === 1 ? ["大营镇", "2024-08", augWork, null, null, null, null, "3"] : r)) }), "town_values", "2024-08");
    expect(second.body.counts).toMatchObject({ create: 2, errors: 0 });
    expect((await commit(second.body.jobId)).body.status).toBe("COMMITTED");
    const report = await db.townReport.findFirstOrThrow({ where: { region: { code: "321281101000" }, year: 2024, month: 8 }, select: { status: true, values: { select: { value: true, indicator: { select: { code: true } } } } } });
    expect(report.status).toBe("SUBMITTED");
    expect(report.values.map((v) => [v.indicator.code, v.value.toString()])).toEqual([["gross_output", new Decimal(higher).toString()]]);
  });
});

describe("town monthly figures into reports that exist", () => {
  it("updates a draft's figures in place: the version moves by one, the status stays, each change audited with the stored value", async () => {
    const db = getPrisma();
    const ids = await ensureIndicators(db);
    const towns = await db.region.findMany({ where: { code: { in: ["321281100000", "321281102000"] } }, select: { id: true, code: true } });
    const idOf = (code: string) => towns.find((t) => t.code === code)!.id;
    // Two drafts of September: 戴南镇 with two figures, 安丰镇 with one.
    const daiNan = await createTownReport(db, ids, { regionId: idOf("321281100000"), year: 2024, month: 9, status: "DRAFT", values: { gross_output: "90000", sales_revenue: "88000" } });
    const anFeng = await createTownReport(db, ids, { regionId: idOf("321281102000"), year: 2024, month: 9, status: "DRAFT", values: { gross_output: "30000" } });
    const rows: CellInput[][] = [
      ["戴南镇", "2024-09", "91234.5", null, "88000", null, null, null],
      ["安丰镇", "2024-09", "30000", null, "29500", null, null, null],
    ];
    const preview = await upload(await messyWorkbook({ title: "各乡镇9月数据", headers: TOWN_VALUE_HEADERS, rows }), "town_values", "2024-09");
    expect(preview.body.counts).toMatchObject({ create: 0, errors: 0 });
    expect((await commit(preview.body.jobId)).body.status).toBe("COMMITTED");

    const read = async (id: number) => {
      const r = await db.townReport.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, values: { select: { value: true, indicator: { select: { code: true } } } } } });
      return { status: r.status, version: r.version, values: Object.fromEntries(r.values.map((v) => [v.indicator.code, v.value.toString()])) };
    };
    expect(await read(daiNan.id)).toEqual({ status: "DRAFT", version: 2, values: { gross_output: "91234.5", sales_revenue: "88000" } });
    expect(await read(anFeng.id)).toEqual({ status: "DRAFT", version: 2, values: { gross_output: "30000", sales_revenue: "29500" } });
    const audit = await db.auditLog.findMany({ where: { entity: "TownReport", entityId: { in: [String(daiNan.id), String(anFeng.id)] }, action: "import" }, select: { entityId: true, field: true, oldValue: true, newValue: true }, orderBy: { id: "asc" } });
    expect(audit).toEqual([
      { entityId: String(daiNan.id), field: "工业总产值", oldValue: "90000", newValue: "91234.5" },
      { entityId: String(anFeng.id), field: "销售收入（营业收入）", oldValue: null, newValue: "29500" },
    ]);
  });
});

describe("a commit killed midway", () => {
  it("leaves nothing behind: no enterprises, no audit rows; the job is FAILED", async () => {
    const db = getPrisma();
    const reviewer = await db.user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true, sessionVersion: true } });
    const user = (await loadActiveUser(reviewer.id, reviewer.sessionVersion))!;
    const rows: CellInput[][] = Array.from({ length: 5000 }, (_, i) => [makeCreditCode("321281", 900_000 + i), `导入测试企业${i}有限公司`, "戴南镇", "C3311", "民营", "否"]);
    const buf = await messyWorkbook({ title: "企业名录", headers: ["统一社会信用代码", "单位名称", "所属乡镇", "行业代码", "经济类型", "是否规上"], rows });
    const preview = await previewImport(user, { kind: "enterprises", fileName: "名录.xlsx", bytes: buf, period: null });
    expect(preview.counts).toMatchObject({ create: 5000, errors: 0 });
    const [enterprises, audits] = [await db.enterprise.count(), await auditCount()];
    let batches = 0;
    // Killed after the first batch of 5,000 enterprises is written, before the audit entries.
    await expect(commitImport(user, preview.jobId, { afterBatch: () => { if (++batches === 1) throw new Error("killed"); } })).rejects.toThrow("导入失败");
    expect(batches).toBe(1);
    expect(await db.enterprise.count()).toBe(enterprises);
    expect(await auditCount()).toBe(audits);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: preview.jobId }, select: { status: true } })).toEqual({ status: "FAILED" });
  });
});

describe("hostile uploads", () => {
  it("refuses a non-spreadsheet with a Chinese message, not a 500", async () => {
    const { status, body } = await upload(Buffer.from("%PDF-1.4 not a sheet"), "town_values", "2024-08", "x.pdf");
    expect(status).toBe(422);
    expect(body.error.message).toBe("只接受 .xlsx、.xls 或 .csv 文件");
  });
});
