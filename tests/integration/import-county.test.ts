// Workbooks counties already keep, imported end to end: upload → preview → commit → the figures read
// back through /api/v1/reports equal what the sheet says, in 万元. Shapes: a two-level merged header
// with 合计 first and a 同比 typo; a three-level header with 上年同期 and 合计 last; units in the title,
// a note row, a header cell and a cell; 36 monthly sheets; an .xls; a peer-county sheet; a unit slip.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as commitPOST } from "@/app/api/v1/import/jobs/[id]/commit/route";
import { POST as uploadPOST } from "@/app/api/v1/import/jobs/route";
import { GET as reportGET } from "@/app/api/v1/reports/[town]/[period]/route";
import { getPrisma } from "@/lib/db/client";
import { countyXls, countyXlsx, headerMerges, type Cell, type CountySheet } from "../fixtures/county-workbooks";
import { createApiToken } from "../support/api";
import { useDemoSnapshot } from "../support/demo-snapshot";

let token: string;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function upload(buf: Buffer, name: string, opts: { period?: string; sheets?: unknown } = {}) {
  const form = new FormData();
  form.set("kind", "town_values");
  form.set("period", opts.period ?? "2024-08");
  if (opts.sheets) form.set("sheets", JSON.stringify(opts.sheets));
  form.set("file", new Blob([new Uint8Array(buf)]), name);
  const res = await uploadPOST(new Request("http://localhost/api/v1/import/jobs", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as Json };
}
async function commit(id: number) {
  const res = await commitPOST(new Request(`http://localhost/api/v1/import/jobs/${id}/commit`, { method: "POST", headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: String(id) }) });
  return { status: res.status, body: (await res.json()) as Json };
}
/** A town's figures as /api/v1/reports serves them. */
async function served(code: string, period: string): Promise<Record<string, string>> {
  const res = await reportGET(new Request(`http://localhost/api/v1/reports/${code}/${period}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ town: code, period }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as Json).values;
}
const errorsOf = (body: Json) => body.problems.filter((p: Json) => p.severity === "error");

type Town = { code: string; name: string };
const TOWNS: Record<string, Town> = {};
/** Stored figures of a town, 万元. */
async function stored(name: string, year: number, month: number, code: string): Promise<Decimal> {
  const v = await getPrisma().reportValue.findFirstOrThrow({ where: { region: { name }, year, month, indicator: { code } }, select: { value: true } });
  return new Decimal(v.value.toString());
}
const yi = (wan: Decimal) => wan.div(10000).toFixed(); // 万元 → the 亿元 text a county types
const pct1 = (x: Decimal) => x.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);

beforeAll(async () => {
  await useDemoSnapshot();
  token = await createApiToken("reviewer", { readOnly: false });
  for (const t of await getPrisma().region.findMany({ where: { level: "TOWN" }, select: { code: true, name: true } })) TOWNS[t.name] = t;
}, 240_000);

/** 乡镇 | 工业总产值 over 本年累计, 同比±% | 销售收入 over 本年累计, 同比±%, under a title and a unit note. */
function twoLevel(name: string, title: string, note: string, rows: Cell[][]): CountySheet {
  return {
    name,
    above: [[title], [null, null, null, null, note]],
    header: [["乡镇", "工业总产值", "工业总产值", "销售收入", "销售收入"], ["乡镇", "本年累计", "同比±%", "本年累计", "同比±%"]],
    rows,
    merges: [[1, 1, 1, 4], ...headerMerges(3, 2, [{ row: 0, from: 2, to: 3 }, { row: 0, from: 4, to: 5 }])],
  };
}

describe("a county's own sheet (issue 13)", () => {
  it("two-level merged header, 单位：亿元, 合计 first, text figures: stored in 万元; a 同比 typo is a warning naming both figures", async () => {
    const names = ["昭阳街道", "临城街道", "戴南镇"];
    const towns = await Promise.all(names.map(async (n) => {
      const gross = (await stored(n, 2024, 7, "gross_output")).times(1.15).toDecimalPlaces(1);
      const sales = (await stored(n, 2024, 7, "sales_revenue")).times(1.12).toDecimalPlaces(1);
      const lyGross = await stored(n, 2023, 8, "gross_output");
      const lySales = await stored(n, 2023, 8, "sales_revenue");
      return { n, gross, sales, yoyGross: pct1(gross.minus(lyGross).div(lyGross).times(100)), yoySales: pct1(sales.minus(lySales).div(lySales).times(100)) };
    }));
    const typo = towns[2];
    const sum = (k: "gross" | "sales") => towns.reduce((s, t) => s.plus(t[k]), new Decimal(0));
    const rows: Cell[][] = [
      ["合计", yi(sum("gross")), "", yi(sum("sales")), ""],
      ...towns.map((t) => [t.n, yi(t.gross), t === typo ? pct1(new Decimal(t.yoyGross).plus(3)) : t.yoyGross, yi(t.sales), t.yoySales]),
    ];
    const buf = await countyXlsx([twoLevel("8月", "2024年1-8月各乡镇工业主要经济指标完成情况表", "单位：亿元", rows)]);
    const { status, body } = await upload(buf, "各乡镇8月.xlsx", { period: "2024-06" });
    expect(status).toBe(201);
    expect(errorsOf(body)).toEqual([]);
    expect(body.sheets).toEqual([expect.objectContaining({ name: "8月", status: "data", period: "2024-08", periodFrom: "title", rows: 3, totals: 1, headerRows: "第3–4行", unit: "亿元（单位说明行）" })]);
    const crossWarnings = body.problems.filter((p: Json) => /表中|合计行/.test(p.message) && !p.message.includes("核实性审核"));
    expect(crossWarnings).toEqual([{
      sheet: "8月", row: 8, column: "工业总产值·同比", severity: "warning",
      message: expect.stringMatching(new RegExp(`^同比与表中数据不符：表中为${pct1(new Decimal(typo.yoyGross).plus(3)).replace(/\.0$/, "")}%，按本年累计.*计算为${typo.yoyGross.replace(/\.0$/, "")}`)),
    }]);
    expect((await commit(body.jobId)).body.status).toBe("COMMITTED");
    for (const t of towns) {
      const v = await served(TOWNS[t.n].code, "2024-08");
      expect(new Decimal(v.gross_output).eq(t.gross)).toBe(true);
      expect(new Decimal(v.sales_revenue).eq(t.sales)).toBe(true);
    }
  });

  it("three-level header, unit in a header cell beside a 金额单位：亿元 note, 上年同期 checked against the stored year, 合计 last and off", async () => {
    const names = ["张郭镇", "合陈镇"];
    const towns = await Promise.all(names.map(async (n) => ({
      n,
      gross: (await stored(n, 2024, 7, "gross_output")).times(1.2).toDecimalPlaces(0),
      ly: await stored(n, 2023, 8, "gross_output"),
      profit: (await stored(n, 2024, 7, "profit")).abs().plus(10).toDecimalPlaces(0),
    })));
    const sheet: CountySheet = {
      name: "Sheet1",
      above: [["2024年1-8月各乡镇工业经济主要指标"], ["金额单位：亿元"]],
      header: [
        ["乡镇", "主要经济指标", "主要经济指标", "主要经济指标"],
        ["乡镇", "工业总产值（万元）", "工业总产值（万元）", "利润总额"],
        ["乡镇", "本年累计", "上年同期", "本年累计"],
      ],
      rows: [
        ...towns.map((t, i) => [t.n, t.gross.toFixed(), (i === 1 ? t.ly.plus(500) : t.ly).toFixed(), yi(t.profit)]),
        ["全市合计", towns.reduce((s, t) => s.plus(t.gross), new Decimal(1000)).toFixed(), null, null],
      ],
      merges: headerMerges(3, 3, [{ row: 0, from: 2, to: 4 }, { row: 1, from: 2, to: 3 }]),
    };
    const { body } = await upload(await countyXlsx([sheet]), "三级表头.xlsx");
    expect(errorsOf(body)).toEqual([]);
    expect(body.sheets[0]).toMatchObject({ headerRows: "第3–5行", rows: 2, totals: 1 });
    expect(body.sheets[0].columns.filter((c: Json) => c.imported).map((c: Json) => [c.target, c.unit])).toEqual([["乡镇", "—"], ["工业总产值", "万元（表头）"], ["利润总额", "亿元（单位说明行）"]]);
    const notes = body.problems.filter((p: Json) => p.message.startsWith("上年同期") || p.message.startsWith("合计行"));
    expect(notes.map((p: Json) => [p.row, p.column, p.message])).toEqual([
      [7, "工业总产值·上年同期", expect.stringMatching(/^上年同期与系统中2023年1–8月的数据不符：表中为.*；导入不会修改上年数据/)],
      [8, "工业总产值", expect.stringMatching(/^合计行与各乡镇之和不一致：.*相差1,000万元/)],
    ]);
    expect((await commit(body.jobId)).body.status).toBe("COMMITTED");
    for (const t of towns) {
      const v = await served(TOWNS[t.n].code, "2024-08");
      expect(new Decimal(v.gross_output).eq(t.gross)).toBe(true);
      expect(new Decimal(v.profit).eq(t.profit)).toBe(true);
    }
    // Last year's figure was compared, never overwritten.
    expect((await stored("合陈镇", 2023, 8, "gross_output")).eq(towns[1].ly)).toBe(true);
  });

  it("unit in the title (亿元) and in a cell (万): the cell's own unit wins", async () => {
    const a = (await stored("永丰镇", 2024, 7, "gross_output")).times(1.1).toDecimalPlaces(2);
    const b = (await stored("陈堡镇", 2024, 7, "gross_output")).times(1.1).toDecimalPlaces(2);
    const sheet: CountySheet = { name: "2024.8", above: [["各乡镇工业总产值完成情况（亿元）"]], header: [["乡镇", "工业总产值"]], rows: [["永丰镇", yi(a)], ["陈堡镇", `${b.toFixed()}万`]] };
    const { body } = await upload(await countyXlsx([sheet]), "标题单位.xlsx", { period: "2024-05" });
    expect(errorsOf(body)).toEqual([]);
    expect(body.sheets[0]).toMatchObject({ period: "2024-08", periodFrom: "name", unit: "亿元（标题）" });
    expect((await commit(body.jobId)).body.status).toBe("COMMITTED");
    expect(new Decimal((await served(TOWNS["永丰镇"].code, "2024-08")).gross_output).eq(a)).toBe(true);
    expect(new Decimal((await served(TOWNS["陈堡镇"].code, "2024-08")).gross_output).eq(b)).toBe(true);
  });

  it("亿元 figures with no unit stated: a warning on the column names the likely unit", async () => {
    const names = ["竹泓镇", "沙沟镇", "周庄镇"];
    const rows = await Promise.all(names.map(async (n) => [n, yi((await stored(n, 2024, 7, "gross_output")).times(1.1).toDecimalPlaces(0))]));
    const { body } = await upload(await countyXlsx([{ name: "8月", above: [["2024年1-8月各乡镇工业总产值"]], header: [["乡镇", "工业总产值"]], rows }]), "无单位.xlsx");
    expect(body.problems).toContainEqual({ sheet: "8月", row: null, column: "工业总产值", severity: "warning", message: expect.stringContaining("表中单位可能是亿元") });
  });

  it("36 monthly sheets (and a notes sheet) in one workbook: each sheet's period from its name or title, every figure stored", async () => {
    const names = ["沙沟镇", "周庄镇", "大营镇"];
    const value = (t: number, y: number, m: number) => new Decimal(1000 * (t + 1)).plus(100 * m).plus((y - 2016) * 50).plus("0.5");
    const sheets: CountySheet[] = [];
    for (const y of [2016, 2017, 2018]) {
      for (let m = 1; m <= 12; m++) {
        const name = y === 2016 ? `${y}.${m}` : y === 2017 ? `${y}年1-${m}月` : `${m}月`;
        const title = y === 2018 ? `${y}年1-${m}月各乡镇工业主要经济指标完成情况表` : "各乡镇工业主要经济指标完成情况表";
        sheets.push({ name, above: [[title], ["单位：万元"]], header: [["乡镇", "工业总产值"]], rows: [["合计", names.reduce((s, _, t) => s.plus(value(t, y, m)), new Decimal(0)).toFixed()], ...names.map((n, t) => [n, value(t, y, m).toFixed()])] });
      }
    }
    const { body } = await upload(await countyXlsx(sheets, { notes: true }), "三年月报.xlsx");
    expect(errorsOf(body)).toEqual([]);
    expect(body.sheets).toHaveLength(37);
    expect(body.sheets[0]).toMatchObject({ name: "填表说明", status: "skipped" });
    expect(body.sheets.slice(1).map((s: Json) => [s.period, s.rows, s.totals])).toEqual(
      [2016, 2017, 2018].flatMap((y) => Array.from({ length: 12 }, (_, i) => [`${y}-${String(i + 1).padStart(2, "0")}`, 3, 1])),
    );
    expect(body.counts).toMatchObject({ create: 108, errors: 0 });
    expect((await commit(body.jobId)).body.status).toBe("COMMITTED");
    for (const y of [2016, 2017, 2018]) {
      for (const m of [1, 6, 12]) {
        for (const [t, n] of names.entries()) expect((await served(TOWNS[n].code, `${y}-${String(m).padStart(2, "0")}`)).gross_output).toBe(value(t, y, m).toFixed());
      }
    }
  });

  it("an Excel 97–2003 .xls reads like the .xlsx", async () => {
    const rows: Cell[][] = [["安丰镇", "1.23456", "", "1.1", ""], ["戴窑镇", "0.98765", "", "0.9", ""]];
    const buf = countyXls([twoLevel("2025年1-3月", "各乡镇工业主要经济指标完成情况表", "单位：亿元", rows)]);
    const { body } = await upload(buf, "老表.xls");
    expect(errorsOf(body)).toEqual([]);
    expect(body.sheets[0]).toMatchObject({ period: "2025-03", periodFrom: "name", rows: 2 });
    expect((await commit(body.jobId)).body.status).toBe("COMMITTED");
    expect(await served(TOWNS["安丰镇"].code, "2025-03")).toMatchObject({ gross_output: "12345.6", sales_revenue: "11000" });
    expect(await served(TOWNS["戴窑镇"].code, "2025-03")).toMatchObject({ gross_output: "9876.5", sales_revenue: "9000" });
  });

  it("a sheet of the county's peers is refused as a 县区表; nothing is written", async () => {
    const sheet: CountySheet = { name: "全市", above: [["2024年1-8月全市各县（市、区）工业主要指标"]], header: [["县（市、区）", "工业总产值"]], rows: [["兴化市", "300"], ["高邮市", "250"], ["宝应县", "200"]] };
    const before = await getPrisma().townReport.count();
    const { body } = await upload(await countyXlsx([sheet]), "全市.xlsx");
    expect(body.committable).toBe(false);
    expect(errorsOf(body).map((p: Json) => [p.sheet, p.message.slice(0, 5)])).toEqual([["全市", "这是县区表"]]);
    expect((await commit(body.jobId)).status).toBe(422);
    expect(await getPrisma().townReport.count()).toBe(before);
  });

  it("a period the sheet states two ways is a question; the answer chosen in the preview settles it", async () => {
    const gross = (await stored("周庄镇", 2024, 7, "gross_output")).plus(10);
    const sheet: CountySheet = { name: "9月", above: [["2024年1-8月各乡镇工业主要经济指标"], ["单位：万元"]], header: [["乡镇", "工业总产值"]], rows: [["周庄镇", gross.toFixed()]] };
    const first = await upload(await countyXlsx([sheet]), "问.xlsx");
    expect(first.body.sheets[0].question).toMatchObject({ kind: "period" });
    expect(errorsOf(first.body)).toEqual([{ sheet: "9月", row: null, column: null, severity: "error", message: expect.stringContaining("请在预览中为该表选择统计期") }]);
    const second = await upload(await countyXlsx([sheet]), "问.xlsx", { sheets: { "9月": { period: "2024-08" } } });
    expect(errorsOf(second.body)).toEqual([]);
    expect(second.body.sheets[0]).toMatchObject({ period: "2024-08", periodFrom: "choice" });
    expect(second.body.committable).toBe(true);
  });
});
