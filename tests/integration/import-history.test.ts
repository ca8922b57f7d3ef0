// History backfill (issue 13 item 6, decision 017): a county-shaped workbook of three years × twelve
// monthly sheets × every town of the demo county, uploaded once as 作为已审核历史数据导入. The months land
// 已审核 with the importer as reviewer, read back through /api/v1/reports equal to the sheet in 万元,
// audited as 历史数据导入 with the checks' warnings kept as 说明; the same file again changes nothing;
// approved months are refused unless the reopen choice is ticked, which is audited with its reason;
// reporters, admins and read-only tokens are refused in Chinese.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as commitPOST } from "@/app/api/v1/import/jobs/[id]/commit/route";
import { POST as uploadPOST } from "@/app/api/v1/import/jobs/route";
import { GET as reportGET } from "@/app/api/v1/reports/[town]/[period]/route";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { seedDemoCounty } from "@/lib/demo/seed";
import { countyXlsx, headerMerges, type Cell, type CountySheet } from "../fixtures/county-workbooks";
import { createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const tokens: Record<string, string> = {};
let towns: { id: number; code: string; name: string }[] = [];

const YEARS = [2017, 2018, 2019];
const key = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
/** The town that grew 70% in 2019: its 2019 figures carry a 同比 warning each month. */
const JUMP = 2;

/** 万元, one decimal: rising month by month and about 10% a year; sales 0.9×, profit 0.05× output. */
function figures(t: number, y: number, m: number, bump = new Decimal(0)) {
  const growth = y === 2019 && t === JUMP ? new Decimal("1.7").times(1.2) : new Decimal(1).plus(new Decimal("0.1").times(y - 2017));
  const gross = new Decimal(1000 * (t + 1) + 100 * m).times(growth).toDecimalPlaces(1).plus(bump);
  return { gross, sales: gross.times("0.9").toDecimalPlaces(1), profit: gross.times("0.05").toDecimalPlaces(1) };
}
const sep = (d: Decimal) => d.toFixed().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const yi = (wan: Decimal) => wan.div(10000).toFixed(); // the 亿元 text a county types
/** The year's 工业总产值 plan, 万元: December's figure × 1.1, whole 万元. 大营镇-like town 3 raised its 2018 plan from July. */
const ADJUSTED = 3;
function plan(t: number, y: number, m = 12) {
  const base = figures(t, y, 12).gross.times("1.1").toDecimalPlaces(0);
  return t === ADJUSTED && y === 2018 && m >= 7 ? base.plus(500) : base;
}

/** One sheet per month: a title, 单位：亿元, 乡镇 | 工业总产值 over 本年累计 / 同比±% / 年计划 | 销售收入 | 利润总额, a 合计 row. */
function workbook(changed: Record<string, Decimal> = {}) {
  const sheets: CountySheet[] = [];
  for (const y of YEARS) {
    for (let m = 1; m <= 12; m++) {
      const rows: Cell[][] = towns.map((town, t) => {
        const f = figures(t, y, m, changed[`${town.name}|${key(y, m)}`]);
        return [town.name, yi(f.gross), "", yi(plan(t, y, m)), yi(f.sales), yi(f.profit)];
      });
      const sum = towns.reduce((s, _, t) => s.plus(figures(t, y, m, changed[`${towns[t].name}|${key(y, m)}`]).gross), new Decimal(0));
      sheets.push({
        name: `${y}年1-${m}月`,
        above: [[`${y}年1-${m}月各乡镇工业主要经济指标完成情况表`], [null, null, null, null, null, "单位：亿元"]],
        header: [["乡镇", "工业总产值", "工业总产值", "工业总产值", "销售收入", "利润总额"], ["乡镇", "本年累计", "同比±%", "年计划", "本年累计", "本年累计"]],
        rows: [["合计", yi(sum), "", null, null, null], ...rows],
        merges: [[1, 1, 1, 6], ...headerMerges(3, 2, [{ row: 0, from: 2, to: 4 }])],
      });
    }
  }
  return countyXlsx(sheets);
}

async function upload(who: string, buf: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("kind", "town_values");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([new Uint8Array(buf)]), "三年历史数据.xlsx");
  const res = await uploadPOST(new Request("http://localhost/api/v1/import/jobs", { method: "POST", body: form, headers: { authorization: `Bearer ${tokens[who]}` } }));
  return { status: res.status, body: (await res.json()) as Json };
}
async function commit(id: number, who = "reviewer") {
  const res = await commitPOST(new Request(`http://localhost/api/v1/import/jobs/${id}/commit`, { method: "POST", headers: { authorization: `Bearer ${tokens[who]}` } }), { params: Promise.resolve({ id: String(id) }) });
  return { status: res.status, body: (await res.json()) as Json };
}
async function served(code: string, period: string): Promise<Json> {
  const res = await reportGET(new Request(`http://localhost/api/v1/reports/${code}/${period}`, { headers: { authorization: `Bearer ${tokens.reviewer}` } }), { params: Promise.resolve({ town: code, period }) });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}
const errorsOf = (body: Json) => body.problems.filter((p: Json) => p.severity === "error");
const audits = (where: object = {}) => getPrisma().auditLog.count({ where });

let file: Buffer;
let firstJob = 0;

beforeAll(async () => {
  await resetDatabase();
  const db = getPrisma();
  await seedDemoCounty(db, { throughYear: 2024, throughMonth: 7 });
  for (const u of ["reviewer", "reporter", "admin", "leader"]) tokens[u] = await createApiToken(u, { readOnly: false });
  tokens.readonly = await createApiToken("reviewer", { readOnly: true });
  towns = await db.region.findMany({ where: { level: "TOWN", parent: { code: DEMO_COUNTY.code } }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  file = await workbook();
}, 600_000);

describe("history backfill (作为已审核历史数据导入)", () => {
  it("36 monthly sheets × every town land 已审核, equal to the sheet in 万元, audited as 历史数据导入, warnings kept as 说明; the 年计划 column becomes the years' plans", async () => {
    const n = YEARS.length * 12 * towns.length;
    const p = YEARS.length * towns.length;
    const { status, body } = await upload("reviewer", file, { history: "1" });
    expect(status).toBe(201);
    expect(errorsOf(body)).toEqual([]);
    expect(body.sheets).toHaveLength(36);
    expect(body.counts).toMatchObject({ create: n + p, update: 0, errors: 0 });
    expect(body.history).toEqual({ approved: [], reopen: null });
    const warned = body.problems.filter((p: Json) => p.column === "工业总产值" && /同比/.test(p.message) && p.message.includes("记入该指标的说明"));
    expect(warned.map((p: Json) => p.sheet).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `2019年1-${i + 1}月`).sort());

    const adjusted = body.problems.filter((x: Json) => x.column === "工业总产值·年计划");
    expect(adjusted.map((x: Json) => [x.sheet, x.severity, x.message])).toEqual([
      ["2018年1-7月", "warning", `${towns[ADJUSTED].name}2018年的年计划与工作表“2018年1-6月”第${5 + ADJUSTED + 1}行不同（${sep(plan(ADJUSTED, 2018, 6))} → ${sep(plan(ADJUSTED, 2018, 7))}），按最后一个月的年计划导入`],
    ]);
    const done = await commit(body.jobId);
    expect(done.body).toMatchObject({ status: "COMMITTED", created: n + p, updated: 0 });
    firstJob = body.jobId;

    const reviewer = await getPrisma().user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true } });
    const reports = await getPrisma().townReport.findMany({ where: { year: { in: YEARS } }, select: { status: true, reviewerId: true, submittedAt: true, reviewedAt: true, reviewerComment: true } });
    expect(reports).toHaveLength(n);
    expect(reports.every((r) => r.status === "APPROVED" && r.reviewerId === reviewer.id && r.submittedAt && r.reviewedAt && r.reviewerComment === "历史数据导入")).toBe(true);

    for (const [t, town] of towns.entries()) {
      for (const y of YEARS) {
        for (const m of t === JUMP ? Array.from({ length: 12 }, (_, i) => i + 1) : [1, 7, 12]) {
          const got = await served(town.code, key(y, m));
          const want = figures(t, y, m);
          expect(got.status).toBe("APPROVED");
          expect([got.values.gross_output, got.values.sales_revenue, got.values.profit].map((v: string) => new Decimal(v).toFixed())).toEqual([want.gross.toFixed(), want.sales.toFixed(), want.profit.toFixed()]);
          if (t === JUMP && y === 2019) expect(got.explanations.gross_output).toMatch(/^历史数据导入时的核实性审核提示：.*同比/);
          else expect(got.explanations.gross_output).toBeUndefined();
        }
      }
    }

    // The 年计划 column: each town's plan per year (the latest month's where it changed), audited.
    const plans = await getPrisma().annualPlan.findMany({ where: { year: { in: YEARS }, indicator: { code: "gross_output" } }, select: { regionId: true, year: true, value: true } });
    expect(plans).toHaveLength(p);
    for (const [t, town] of towns.entries()) {
      for (const y of YEARS) expect([town.name, y, plans.find((x) => x.regionId === town.id && x.year === y)?.value.toString()]).toEqual([town.name, y, new Decimal(plan(t, y)).toFixed()]);
    }
    const reason = `历史数据导入（导入任务 #${firstJob}）`;
    expect(await audits({ reason, entity: "AnnualPlan", field: "工业总产值" })).toBe(p);
    expect(await audits({ reason, field: "状态", newValue: "已审核" })).toBe(n);
    expect(await audits({ reason, entity: "TownReport", field: "工业总产值" })).toBe(n);
    expect(await audits({ reason, field: "工业总产值（说明）" })).toBe(12);
    expect(await audits({ entity: "ImportJob", entityId: String(firstJob), field: "乡镇月报数据（历史数据导入）" })).toBe(1);
  });

  it("a month imported as history is locked: an ordinary import of it is refused with today's message", async () => {
    const town = towns[0];
    const { body } = await upload("reviewer", await countyXlsx([{ name: "2018年1-5月", above: [["单位：万元"]], header: [["乡镇", "工业总产值"]], rows: [[town.name, "99999"]] }]));
    expect(errorsOf(body).map((p: Json) => p.message)).toEqual([`${town.name}2018年1–5月月报已审核通过并锁定，不能通过导入修改；如需更正请先退回或重新打开`]);
  });

  it("the same file again changes nothing and says so", async () => {
    const before = { audits: await audits(), versions: await getPrisma().townReport.aggregate({ where: { year: { in: YEARS } }, _sum: { version: true } }) };
    const { body } = await upload("reviewer", file, { history: "1" });
    expect(errorsOf(body)).toEqual([]);
    expect(body.counts).toMatchObject({ create: 0, update: 0, unchanged: YEARS.length * 12 * towns.length + YEARS.length * towns.length });
    expect(body.previouslyCommitted).toMatchObject({ jobId: firstJob });
    expect(body.history).toEqual({ approved: [], reopen: null });
    expect((await commit(body.jobId)).body).toMatchObject({ status: "COMMITTED", created: 0, updated: 0, auditEntries: 0 });
    expect(await audits()).toBe(before.audits);
    expect(await getPrisma().townReport.aggregate({ where: { year: { in: YEARS } }, _sum: { version: true } })).toEqual(before.versions);
  });

  it("approved months are refused without the reopen choice, overwritten with it, and the reopen is audited with its reason", async () => {
    const [a, b] = [towns[1], towns[4]];
    const changed = { [`${a.name}|2017-03`]: new Decimal(10), [`${b.name}|2018-11`]: new Decimal("20.5") };
    const edited = await workbook(changed);

    const refused = await upload("reviewer", edited, { history: "1" });
    expect(refused.body.history.approved.map((x: Json) => x.label)).toEqual([`${a.name}2017年1–3月`, `${b.name}2018年1–11月`]);
    expect(errorsOf(refused.body).map((p: Json) => [p.sheet, p.message])).toEqual([
      ["2017年1-3月", `${a.name}2017年1–3月月报已审核通过并锁定，不能通过导入修改；如需更正请先退回或重新打开`],
      ["2018年1-11月", `${b.name}2018年1–11月月报已审核通过并锁定，不能通过导入修改；如需更正请先退回或重新打开`],
    ]);
    expect(refused.body.committable).toBe(false);
    expect((await commit(refused.body.jobId)).status).toBe(422);

    const noReason = await upload("reviewer", edited, { history: "1", reopen: "1" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe("请填写重新打开并覆盖已审核月份的原因");

    const chosen = await upload("reviewer", edited, { history: "1", reopen: "1", reopenReason: "按县统计局核定数更正" });
    expect(errorsOf(chosen.body)).toEqual([]);
    expect(chosen.body.history).toEqual({ approved: refused.body.history.approved, reopen: { reason: "按县统计局核定数更正" } });
    expect(chosen.body.actions.filter((x: Json) => x.op === "update").map((x: Json) => x.changes[0])).toEqual([
      { field: "状态", old: "已审核", new: "已审核（重新打开并覆盖）" },
      { field: "状态", old: "已审核", new: "已审核（重新打开并覆盖）" },
    ]);
    expect((await commit(chosen.body.jobId)).body).toMatchObject({ status: "COMMITTED", created: 0, updated: 2 });

    const ta = towns.indexOf(a);
    const got = await served(a.code, "2017-03");
    expect(got.status).toBe("APPROVED");
    expect(new Decimal(got.values.gross_output).toFixed()).toBe(figures(ta, 2017, 3, new Decimal(10)).gross.toFixed());
    const reopens = await getPrisma().auditLog.findMany({ where: { action: "reopen", year: { in: YEARS } }, select: { regionId: true, year: true, month: true, oldValue: true, reason: true }, orderBy: { regionId: "asc" } });
    expect(reopens).toEqual([
      { regionId: a.id, year: 2017, month: 3, oldValue: "已审核", reason: `重新打开并覆盖已审核月份（历史数据导入，导入任务 #${chosen.body.jobId}）：按县统计局核定数更正` },
      { regionId: b.id, year: 2018, month: 11, oldValue: "已审核", reason: `重新打开并覆盖已审核月份（历史数据导入，导入任务 #${chosen.body.jobId}）：按县统计局核定数更正` },
    ].sort((x, y) => x.regionId - y.regionId));
    const overwrite = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "import", regionId: a.id, year: 2017, month: 3, field: "工业总产值", reason: `历史数据导入（导入任务 #${chosen.body.jobId}）` }, select: { oldValue: true, newValue: true } });
    expect([new Decimal(overwrite.oldValue!).toFixed(), overwrite.newValue]).toEqual([figures(ta, 2017, 3).gross.toFixed(), figures(ta, 2017, 3, new Decimal(10)).gross.toFixed()]);
  });

  it("only the county's reviewers: reporters, admins, leaders and read-only tokens are refused (403, in Chinese); nothing is written", async () => {
    const before = await audits();
    const reporter = await upload("reporter", file, { history: "1" });
    expect([reporter.status, reporter.body.error.message]).toEqual([403, "没有作为已审核历史数据导入的权限：历史数据由县局审核员导入"]);
    const reporterReopen = await upload("reporter", file, { history: "1", reopen: "1", reopenReason: "想覆盖" });
    expect(reporterReopen.status).toBe(403);
    for (const who of ["admin", "leader", "readonly"]) {
      const r = await upload(who, file, { history: "1" });
      expect([who, r.status, r.body.error.message]).toEqual([who, 403, expect.stringMatching(/权限/)]);
    }
    const withoutHistory = await upload("reviewer", file, { reopen: "1", reopenReason: "覆盖" });
    expect([withoutHistory.status, withoutHistory.body.error.message]).toEqual([400, "只有作为已审核历史数据导入时，才能选择重新打开并覆盖已审核的月份"]);
    const plans = await upload("reviewer", file, { history: "1", kind: "plans" });
    expect(plans.status).toBe(400);
    expect(await audits()).toBe(before);
  });
});
