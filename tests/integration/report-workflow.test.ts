// The month end through the real route handlers and a real database: save (with "1.2亿"),
// conflicts, checks refusing a submit, return, resubmit, approve, lock, reopen, the audit trail
// written with each step, who may do what, and the submission board.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditGET } from "@/app/api/v1/audit/route";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { GET as reportGET, PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { GET as submissionsGET } from "@/app/api/v1/submissions/route";
import { runChecks } from "@/lib/checks";
import { getPrisma } from "@/lib/db/client";
import { loadIndicators } from "@/lib/reports/context";
import { toDecimal } from "@/lib/stats";
import { callApi, callApiJson, createApiToken } from "../support/api";
import { useDemoSnapshot } from "../support/demo-snapshot";

const TOWN = "321281100000"; // 戴南镇
const PERIOD = "2024-08"; // the month after the seeded data: a new report
const path = `/api/v1/reports/${TOWN}/${PERIOD}`;
const params = { town: TOWN, period: PERIOD };
const t: Record<string, string> = {};
let townId = 0;

const put = (token: string, body: unknown) => callApiJson(reportPUT, path, "PUT", body, token, params);
const get = (token: string) => callApiJson(reportGET, path, "GET", undefined, token, params);
const act = (token: string, action: string, body: unknown = {}) => callApiJson(actionPOST, `${path}/${action}`, "POST", body, token, { ...params, action });

async function reportRow() {
  const db = getPrisma();
  const r = await db.townReport.findFirst({ where: { region: { code: TOWN }, year: 2024, month: 8 }, select: { id: true, status: true, version: true, reviewerComment: true } });
  const values = await db.reportValue.findMany({ where: { region: { code: TOWN }, year: 2024, month: 8 }, select: { value: true, indicator: { select: { code: true } } } });
  return { report: r, values: Object.fromEntries(values.map((v) => [v.indicator.code, v.value.toString()])) };
}

const auditCount = () => getPrisma().auditLog.count({ where: { regionId: townId, year: 2024, month: 8 } });

/** A consistent month: last month's YTD plus last year's same single month (stocks: last month's). */
async function plausibleValues() {
  const db = getPrisma();
  const rows = await db.reportValue.findMany({
    where: { region: { code: TOWN }, OR: [{ year: 2024, month: 7 }, { year: 2023, month: { in: [7, 8] } }] },
    select: { year: true, month: true, value: true, indicator: { select: { code: true, kind: true } } },
  });
  const at = (code: string, y: number, m: number) => toDecimal(rows.find((r) => r.indicator.code === code && r.year === y && r.month === m)!.value.toString())!;
  const values: Record<string, string> = {};
  for (const { indicator } of rows.filter((r) => r.year === 2024)) {
    const prev = at(indicator.code, 2024, 7);
    values[indicator.code] = indicator.kind === "STOCK" ? prev.toString() : prev.plus(at(indicator.code, 2023, 8).minus(at(indicator.code, 2023, 7))).toString();
  }
  // Triple the investment: a 同比 far above 50% that needs a 说明.
  values.fixed_asset_investment = toDecimal(values.fixed_asset_investment)!.times(3).toString();
  return values;
}

beforeAll(async () => {
  await useDemoSnapshot();
  townId = (await getPrisma().region.findUniqueOrThrow({ where: { code: TOWN }, select: { id: true } })).id;
  for (const u of ["reporter", "reporter2", "reviewer", "leader"]) t[u] = await createApiToken(u, { readOnly: false });
});

describe("report workflow", () => {
  let version = 0;
  let values: Record<string, string> = {};

  it("saves typed figures: 1.2亿 is stored as 12000 万元, with audit rows old → new", async () => {
    const res = await put(t.reporter, { version: 0, values: { gross_output: "1.2亿", value_added: "30,000" } });
    expect(res.status).toBe(200);
    const stored = await reportRow();
    expect(stored.report?.status).toBe("DRAFT");
    expect(toDecimal(stored.values.gross_output)!.eq(12000)).toBe(true);
    expect(toDecimal(stored.values.value_added)!.eq(30000)).toBe(true);
    version = res.body.version as number;
    const audit = await getPrisma().auditLog.findMany({ where: { regionId: townId, year: 2024, month: 8 }, select: { action: true, field: true, oldValue: true, newValue: true } });
    expect(audit).toContainEqual({ action: "create", field: null, oldValue: null, newValue: null });
    expect(audit.find((a) => a.field === "工业总产值")).toMatchObject({ action: "update", oldValue: null });
    expect(toDecimal(audit.find((a) => a.field === "工业总产值")!.newValue)!.eq(12000)).toBe(true);
  });

  it("answers an unparseable figure with a Chinese field error and saves nothing", async () => {
    const before = await reportRow();
    const res = await put(t.reporter, { version, values: { gross_output: "一千二百" } });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/工业总产值/);
    expect(await reportRow()).toEqual(before);
  });

  it("refuses a period that has not begun yet with a Chinese message, and creates nothing", async () => {
    const now = new Date(Date.now() + 8 * 3600 * 1000);
    const next = now.getUTCMonth() === 11 ? `${now.getUTCFullYear() + 1}-01` : `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 2).padStart(2, "0")}`;
    const futureParams = { town: TOWN, period: next };
    const reports = await getPrisma().townReport.count();
    const res = await callApiJson(reportPUT, `/api/v1/reports/${TOWN}/${next}`, "PUT", { version: 0, values: { gross_output: "100" } }, t.reporter, futureParams);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/尚未到来，不能填报/);
    expect(await getPrisma().townReport.count()).toBe(reports);
  });

  it("refuses a stale version with 409, the current values, and changes nothing", async () => {
    const before = await reportRow();
    const audits = await auditCount();
    const res = await put(t.reporter, { version: version - 1, values: { gross_output: "99" } });
    expect(res.status).toBe(409);
    const details = res.body.error!.details!;
    expect(details.version).toBe(version);
    expect(toDecimal((details.values as Record<string, string>).gross_output)!.eq(12000)).toBe(true);
    expect(details.updatedBy).toBe("戴南镇填报员");
    expect(await reportRow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses a submit with logical errors (422) and changes nothing", async () => {
    const before = await reportRow();
    const audits = await auditCount();
    const res = await act(t.reporter, "submit", { version });
    expect(res.status).toBe(422);
    const errors = (res.body.error!.details as { errors: { rule: string }[] }).errors.map((e) => e.rule);
    expect(errors).toContain("value_added_above_output");
    expect(await reportRow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("needs a 说明 for each verification warning: 422 without, submitted with", async () => {
    values = await plausibleValues();
    let res = await put(t.reporter, { version, values });
    expect(res.status).toBe(200);
    version = res.body.version as number;
    const indicators = await loadIndicators(getPrisma());
    const report = await get(t.reporter);
    const checks = runChecks({ month: 8, indicators, values, previousYtd: report.body.previousYtd as Record<string, string>, lastYear: report.body.lastYear as Record<string, string>, plans: report.body.plans as Record<string, string> });
    expect(checks.errors).toEqual([]);
    expect(checks.warnings.map((w) => w.indicator)).toContain("fixed_asset_investment");

    res = await act(t.reporter, "submit", { version });
    expect(res.status).toBe(422);
    expect((res.body.error!.details as { missingExplanations: { indicator: string }[] }).missingExplanations.map((w) => w.indicator)).toContain("fixed_asset_investment");
    expect((await reportRow()).report?.status).toBe("DRAFT");

    const explanations = Object.fromEntries(checks.warnings.map((w) => [w.indicator, "新开工两个技改项目，投资集中入账"]));
    res = await put(t.reporter, { version, values, explanations });
    expect(res.status).toBe(200);
    res = await act(t.reporter, "submit", { version: res.body.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("SUBMITTED");
    version = res.body.version as number;
  });

  it("a submitted report cannot be edited by its reporter (403)", async () => {
    const res = await put(t.reporter, { version, values: { gross_output: "1" } });
    expect(res.status).toBe(403);
  });

  it("the reviewer returns it only with a comment; the reporter resubmits", async () => {
    let res = await act(t.reviewer, "return", { version });
    expect(res.status).toBe(400);
    res = await act(t.reviewer, "return", { version, comment: "固定资产投资增幅过大，请核实" });
    expect(res.status).toBe(200);
    expect((await reportRow()).report).toMatchObject({ status: "RETURNED", reviewerComment: "固定资产投资增幅过大，请核实" });
    version = res.body.version as number;

    values.fixed_asset_investment = toDecimal(values.fixed_asset_investment)!.div(3).toDecimalPlaces(2).toString();
    res = await put(t.reporter, { version, values });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("RETURNED");
    res = await act(t.reporter, "submit", { version: res.body.version });
    expect(res.status).toBe(200);
    version = res.body.version as number;
  });

  it("approval locks the report: any PUT is 403 and the values stay", async () => {
    const res = await act(t.reviewer, "approve", { version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("APPROVED");
    version = res.body.version as number;
    const before = await reportRow();
    for (const who of ["reporter", "reviewer"]) {
      const denied = await put(t[who], { version, values: { gross_output: "1" } });
      expect(denied.status).toBe(403);
      expect(denied.body.error?.message).toMatch(/锁定/);
    }
    expect(await reportRow()).toEqual(before);
  });

  it("reopening needs a reason and is audited", async () => {
    let res = await act(t.reviewer, "reopen", { version });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/原因/);
    res = await act(t.reporter, "reopen", { version, reason: "自行打开" });
    expect(res.status).toBe(403);
    res = await act(t.reviewer, "reopen", { version, reason: "市局要求更正用电量" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("RETURNED");
  });

  it("every step left its audit rows", async () => {
    const rows = await getPrisma().auditLog.findMany({ where: { regionId: townId, year: 2024, month: 8 }, select: { action: true, field: true, oldValue: true, newValue: true, reason: true, actor: true }, orderBy: { id: "asc" } });
    const steps = rows.filter((r) => r.field === "状态").map((r) => [r.action, r.oldValue, r.newValue]);
    expect(steps).toEqual([
      ["submit", "草稿", "已报送"],
      ["return", "已报送", "已退回"],
      ["submit", "已退回", "已报送"],
      ["approve", "已报送", "已审核"],
      ["reopen", "已审核", "已退回"],
    ]);
    expect(rows.find((r) => r.action === "return")).toMatchObject({ reason: "固定资产投资增幅过大，请核实", actor: "县局审核员（reviewer）" });
    expect(rows.find((r) => r.action === "reopen")?.reason).toBe("市局要求更正用电量");
    expect(rows.some((r) => r.field === "固定资产投资（说明）" && r.newValue === "新开工两个技改项目，投资集中入账")).toBe(true);
    const gross = rows.filter((r) => r.field === "工业总产值");
    expect(gross.length).toBe(2);
    expect(toDecimal(gross[1].oldValue)!.eq(12000)).toBe(true);
  });
});

describe("who may touch 戴南镇's report", () => {
  it("张郭镇's reporter can neither read nor write it (403)", async () => {
    expect((await get(t.reporter2)).status).toBe(403);
    expect((await put(t.reporter2, { version: 0, values: { gross_output: "1" } })).status).toBe(403);
    expect((await act(t.reporter2, "submit", {})).status).toBe(403);
  });

  it("a leader reads but cannot write", async () => {
    const before = await reportRow();
    expect((await get(t.leader)).status).toBe(200);
    const res = await put(t.leader, { version: before.report?.version ?? 0, values: { gross_output: "1" } });
    expect(res.status).toBe(403);
    expect(await reportRow()).toEqual(before);
  });
});

describe("submission board and audit export", () => {
  it("shows the seeded latest period: 合陈镇 late, 大营镇 not started, consistent counts", async () => {
    const res = await callApi(submissionsGET, "/api/v1/submissions?region=321281000000&period=2024-07", t.reviewer);
    expect(res.status).toBe(200);
    const towns = res.body.towns as { name: string; state: string; timeliness: string | null }[];
    const counts = res.body.counts as Record<string, number>;
    expect(towns).toHaveLength(14);
    expect(towns.find((x) => x.name === "合陈镇")).toMatchObject({ state: "SUBMITTED", timeliness: "LATE" });
    expect(towns.find((x) => x.name === "大营镇")).toMatchObject({ state: "NOT_STARTED", timeliness: "OVERDUE" });
    expect(towns.find((x) => x.name === "周庄镇")?.state).toBe("DRAFT");
    expect(towns.find((x) => x.name === "临城街道")?.state).toBe("RETURNED");
    expect(counts).toMatchObject({ total: 14, APPROVED: 5, SUBMITTED: 6, RETURNED: 1, DRAFT: 1, NOT_STARTED: 1, submitted: 11, onTime: 10, late: 1, overdue: 3 });
    expect(counts.NOT_STARTED + counts.DRAFT + counts.SUBMITTED + counts.RETURNED + counts.APPROVED).toBe(counts.total);
    expect(res.body.onTimeRate).toBe(71.4);
  });

  it("is for county staff only, and needs a valid period", async () => {
    expect((await callApi(submissionsGET, "/api/v1/submissions?region=321281000000&period=2024-07", t.reporter)).status).toBe(403);
    expect((await callApi(submissionsGET, "/api/v1/submissions?region=321281000000&period=2024-7", t.reviewer)).status).toBe(400);
  });

  it("exports a town's audit trail as CSV with a BOM, filtered by action", async () => {
    const response = await auditGET(new Request(`http://localhost/api/v1/audit?town=${TOWN}&format=csv&action=return`, { headers: { authorization: `Bearer ${t.reviewer}` } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("时间,操作人,操作");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("退回");
    expect(lines[1]).toContain("固定资产投资增幅过大，请核实");
    const denied = await callApi(auditGET, `/api/v1/audit?town=${TOWN}`, t.reporter2);
    expect(denied.status).toBe(403);
  });
});
