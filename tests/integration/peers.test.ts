// Issue 14A: a city of 8 counties whose county figures come in through the city's table of counties
// (a workbook built here, one sheet per month), then the 全市位次 of a county computed from them equals
// a table worked out by hand — ties included — and the 通报 says the same. The county with town detail
// keeps its towns' total: its row of the city's table lands in CityTableFigure only. An unknown
// county row is refused, naming it, and writes nothing.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { GET as rankingsGET } from "@/app/api/v1/rankings/route";
import { composeBulletin } from "@/lib/bulletin/compose";
import { getBulletinData } from "@/lib/bulletin/data";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser, ensureIndicators } from "@/lib/demo/factories";
import { commitCityImport, previewCityImport } from "@/lib/import/city";
import { getRegionOverview } from "@/lib/overview/query";
import { getPeerStanding } from "@/lib/peers/query";
import { peerSentences, peerTable } from "@/lib/peers/text";
import type { Caller } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { countyXlsx, type Cell, type CountySheet } from "../fixtures/county-workbooks";
import { callApi, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

type County = { code: string; name: string; kind: string };
const C = {
  hailing: { code: "321202000000", name: "海陵区", kind: "区" },
  gaogang: { code: "321203000000", name: "高港区", kind: "区" },
  jiangyan: { code: "321204000000", name: "姜堰区", kind: "区" },
  yiyao: { code: "321271000000", name: "医药高新区", kind: "区" },
  xinqu: { code: "321272000000", name: "泰州新区", kind: "区" },
  xinghua: { code: "321281000000", name: "兴化市", kind: "县级市" },
  jingjiang: { code: "321282000000", name: "靖江市", kind: "县级市" },
  taixing: { code: "321283000000", name: "泰兴市", kind: "县级市" },
} satisfies Record<string, County>;

// 工业总产值 (万元) per county: [2023-06, 2024-06, 2023-07, 2024-07]; null: no figure. 兴化市's are its towns' sums.
const GROSS: Record<keyof typeof C, (number | null)[]> = {
  hailing: [800, 880, 1000, 1100], // +10.0%
  gaogang: [900, 900, 1000, 1200], // +20.0%
  jiangyan: [1000, 1050, 1200, 1200], // 0
  yiyao: [500, 600, 600, 1200], // +100%
  xinqu: [null, 250, null, 300], // new: no 同比
  xinghua: [1100, 1300, 1250, 1500], // +20.0% (towns 900 + 600 in July)
  jingjiang: [1500, 1600, 2000, 2200], // +10.0%
  taixing: [1400, 1500, 1800, 2100], // +16.7%
};
const PERIODS = [[2023, 6], [2024, 6], [2023, 7], [2024, 7]] as const;

let city: Caller;
let cityId: number;
const ids: Record<string, number> = {};

/** One month of the city's table: title with the period, 单位 note, 县（市、区） | 工业总产值 | 销售收入, the 全市 row first. */
function monthSheet(k: number, rows: [string, number | null][], total?: number): CountySheet {
  const [y, m] = PERIODS[k];
  const body: Cell[][] = rows.filter(([, v]) => v !== null).map(([name, v]) => [name, v, new Decimal(v!).times("0.95").toFixed(2)]);
  const sum = rows.reduce((s, [, v]) => s.plus(v ?? 0), new Decimal(0));
  return {
    name: `${y}年${m}月`,
    above: [[`${y}年1-${m}月全市分县（市、区）工业主要指标`], ["单位：万元"]],
    header: [["县（市、区）", "工业总产值", "销售收入"]],
    rows: [["全市合计", (total ?? sum.toNumber()), sum.times("0.95").toFixed(2)], ...body],
  };
}

const keys = Object.keys(C) as (keyof typeof C)[];
/** The city's table as the city keeps it: 兴化市 by name with its towns' sum, except July's 1520 (the towns say 1500). */
function cityWorkbook() {
  return countyXlsx(
    PERIODS.map((_, k) =>
      monthSheet(k, keys.map((key) => [key === "taixing" ? "321283000000" : key === "jingjiang" ? "靖江" : C[key].name, key === "xinghua" && k === 3 ? 1520 : GROSS[key][k]])),
    ),
  );
}

async function seedCity() {
  const db = getPrisma();
  const ind = await ensureIndicators(db);
  const c = await createRegion(db, { code: "321200000000", name: "泰州市", level: "CITY" });
  cityId = c.id;
  for (const [i, key] of keys.entries()) ids[key] = (await createRegion(db, { ...C[key], level: "COUNTY", parentId: c.id, sortOrder: i })).id;
  // 兴化市 has town detail: two towns with approved reports; its plan is its own.
  const towns = [
    { code: "321281100000", name: "戴南镇", share: [600, 700, 750, 900] },
    { code: "321281101000", name: "张郭镇", share: [500, 600, 500, 600] },
  ];
  for (const t of towns) {
    const town = await createRegion(db, { code: t.code, name: t.name, level: "TOWN", parentId: ids.xinghua });
    for (const [k, [year, month]] of PERIODS.entries()) {
      await db.townReport.create({
        data: { regionId: town.id, year, month, status: "APPROVED", values: { create: [{ regionId: town.id, indicatorId: ind.get("gross_output")!, year, month, value: String(t.share[k]) }] } },
      });
    }
  }
  await db.annualPlan.create({ data: { regionId: ids.xinghua, indicatorId: ind.get("gross_output")!, year: 2024, value: "2500" } });
  const u = await createUser(db, { username: "city_reviewer_t", password: "Review@2026", role: "CITY_REVIEWER", regionId: c.id });
  await createUser(db, { username: "xinghua_reviewer_t", password: "Review@2026", role: "REVIEWER", regionId: ids.xinghua });
  city = { id: u.id, username: u.username, displayName: "市级审核员", role: "CITY_REVIEWER", regionId: c.id, region: { id: c.id, code: c.code, name: c.name, level: "CITY", parentId: null }, mustChangePassword: false };
}

async function importFile(kind: "city_values" | "city_plans", bytes: Buffer, period: { year: number; month: number } | null = null) {
  const preview = await previewCityImport(city, { kind, fileName: "全市分县表.xlsx", bytes, period });
  return preview;
}

beforeAll(async () => {
  await resetDatabase();
  await seedCity();
}, 120_000);

describe("the city's table of counties in (issue 14A)", () => {
  it("refuses a county row the city lacks, naming it, and writes nothing", async () => {
    const db = getPrisma();
    const before = [await db.townReport.count(), await db.cityTableFigure.count()];
    const bytes = await countyXlsx([monthSheet(3, [["海陵区", 1100], ["某某县", 500]])]);
    const preview = await importFile("city_values", bytes);
    const errors = preview.problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ row: 6, message: "县（市、区）“某某县”不在泰州市的区划中，请先在系统管理中添加或改正名称" })]);
    expect(preview.committable).toBe(false);
    await expect(commitCityImport(city, preview.jobId)).rejects.toThrow("预览中有错误");
    expect([await db.townReport.count(), await db.cityTableFigure.count()]).toEqual(before);
  });

  it("writes peers' county-level reports and keeps 兴化市's row as a cross-check figure only", async () => {
    const preview = await importFile("city_values", await cityWorkbook());
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(preview.sheets?.map((s) => [s.name, s.status, s.period, s.rows, s.totals])).toEqual(PERIODS.map(([y, m], k) => [`${y}年${m}月`, "data", `${y}-0${m}`, k % 2 === 0 ? 7 : 8, 1]));
    // 兴化市's July row disagrees with its towns: said, not written over.
    expect(preview.problems.filter((p) => p.message.includes("本县乡镇汇总"))).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringContaining("工业总产值本县乡镇汇总1,500.00万元，市表1,520.00万元") }),
    ]);
    // The 全市 rows equal the sum of the county rows: no warning about them.
    expect(preview.problems.filter((p) => p.message.startsWith("合计行"))).toEqual([]);
    const done = await commitCityImport(city, preview.jobId);
    expect(done.status).toBe("COMMITTED");

    const db = getPrisma();
    // Rule 2: 兴化市 has no county-level report; its four table figures are in CityTableFigure, July's as the city says.
    expect(await db.townReport.count({ where: { regionId: ids.xinghua } })).toBe(0);
    const table = await db.cityTableFigure.findMany({ where: { regionId: ids.xinghua, indicator: { code: "gross_output" } }, select: { year: true, month: true, value: true }, orderBy: [{ year: "asc" }, { month: "asc" }] });
    expect(table.map((t) => [t.year, t.month, t.value.toString()])).toEqual([[2023, 6, "1100"], [2023, 7, "1250"], [2024, 6, "1300"], [2024, 7, "1520"]]);
    // Rule 1: each peer's figures are a county-level report (submitted by the city reviewer), the short name and the code found their county.
    const jingjiang = await db.reportValue.findFirstOrThrow({ where: { regionId: ids.jingjiang, year: 2024, month: 7, indicator: { code: "gross_output" } }, select: { value: true, report: { select: { status: true } } } });
    expect([jingjiang.value.toString(), jingjiang.report.status]).toEqual(["2200", "SUBMITTED"]);
    expect(await db.townReport.count({ where: { regionId: ids.taixing } })).toBe(4);
    // 兴化市's total in the city's overview is still its towns' sum.
    const overview = await getRegionOverview((await getRegionByCode("321200000000"))!, 2024, 7, ["gross_output"], { includeSubmitted: true });
    expect(overview.children.find((c) => c.region.code === C.xinghua.code)!.values.gross_output.value).toBe("1500");
    expect(overview.totals.gross_output.value).toBe("10800");
    // Audited: the import and each figure.
    expect(await db.auditLog.count({ where: { entity: "CityTableFigure", regionId: ids.xinghua } })).toBe(8); // 4 months × 工业总产值, 销售收入
    expect(await db.auditLog.count({ where: { entity: "ImportJob", action: "import", regionId: cityId } })).toBe(1);
  });

  it("imports peers' annual plans; 兴化市's plan row and the 全市 row are left alone", async () => {
    const sheet: CountySheet = {
      name: "2024年计划",
      above: [["2024年各县（市、区）工业主要指标年度计划"], ["单位：万元"]],
      header: [["县（市、区）", "工业总产值"]],
      rows: [["全市", 20000], ["海陵区", 2000], ["兴化市", 9999], ["高港区", 2400]],
    };
    const preview = await importFile("city_plans", await countyXlsx([sheet]), { year: 2024, month: 12 });
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(preview.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringContaining("兴化市有乡镇明细，其年度计划由本县（市、区）维护")]));
    await commitCityImport(city, preview.jobId);
    const plans = await getPrisma().annualPlan.findMany({ where: { year: 2024 }, select: { regionId: true, value: true } });
    expect(Object.fromEntries(plans.map((p) => [p.regionId, p.value.toString()]))).toEqual({ [ids.hailing]: "2000", [ids.gaogang]: "2400", [ids.xinghua]: "2500" });
  });
});

describe("全市位次 from the imported figures", () => {
  const period = { year: 2024, month: 7 };
  const counting = { includeSubmitted: true };

  // By hand, July 2024 (总量 10,800万元): 靖江 2200 (1), 泰兴 2100 (2), 兴化 1500 (3), 高港 = 姜堰 = 医药高新区 1200 (4, 4, 4),
  // 海陵 1100 (7), 泰州新区 300 (8). 增幅: 医药高新区 100% (1), 高港 = 兴化 20% (2, 2), 泰兴 16.7% (4), 海陵 = 靖江 10% (5, 5),
  // 姜堰 0 (7), 泰州新区 none. June: 靖江 1, 泰兴 2, 兴化 3, 姜堰 4, 高港 5, 海陵 6, 医药高新区 7, 新区 8;
  // June growth: 医药高新区 20% (1), 兴化 18.2% (2), 海陵 10% (3), 泰兴 7.1% (4), 靖江 6.7% (5), 姜堰 5% (6), 高港 0 (7).
  const HAND: Record<keyof typeof C, [rank: number | null, growthRank: number | null, rankChange: number | null, growthRankChange: number | null, share: string]> = {
    jingjiang: [1, 5, 0, 0, "20.370"],
    taixing: [2, 4, 0, 0, "19.444"],
    xinghua: [3, 2, 0, 0, "13.889"],
    gaogang: [4, 2, 1, 5, "11.111"],
    jiangyan: [4, 7, 0, -1, "11.111"],
    yiyao: [4, 1, 3, 0, "11.111"],
    hailing: [7, 5, -1, -2, "10.185"],
    xinqu: [8, null, 0, null, "2.778"],
  };

  it("ranks and shares of every county equal the hand-computed table, ties included", async () => {
    for (const key of keys) {
      const s = (await getPeerStanding((await getRegionByCode(C[key].code))!, period, counting))!;
      const g = s.indicators.find((i) => i.indicator.code === "gross_output")!;
      const [rank, growthRank, change, growthChange, share] = HAND[key];
      expect([key, g.cell.rank, g.cell.growthRank, g.cell.rankChange, g.cell.growthRankChange, new Decimal(g.cell.sharePercent!).toFixed(3)]).toEqual([key, rank, growthRank, change, growthChange, share]);
      expect([g.ranked, g.rankedByGrowth, s.countyCount]).toEqual([8, 7, 8]);
    }
  });

  it("says the county's place in words, with its plan against 时序进度; the table lists the counties in rank order", async () => {
    const xinghua = (await getRegionByCode(C.xinghua.code))!;
    const s = (await getPeerStanding(xinghua, period, counting))!;
    expect(peerSentences(s)).toEqual(["我市乡镇工业经济总量在8个县（市、区）中名列第3位，与上月持平，占全市的13.9%；增幅名列第2位（同比增长20.0%），与上月持平；完成年计划的60.0%，超时序进度1.7个百分点。"]);
    const gaogang = (await getPeerStanding((await getRegionByCode(C.gaogang.code))!, period, counting))!;
    expect(peerSentences(gaogang)[0]).toBe("我区乡镇工业经济总量在8个县（市、区）中名列第4位，比上月前移1位，占全市的11.1%；增幅名列第2位（同比增长20.0%），比上月前移5位；完成年计划的50.0%，超时序进度-8.3个百分点。".replace("超时序进度-8.3", "落后时序进度8.3"));
    const t = peerTable(s, 7)!;
    expect(t.rows.map((r) => [r[0], r[5], r[6]])).toEqual([
      ["靖江市", "第1位", "第5位"], ["泰兴市", "第2位", "第4位"], ["兴化市", "第3位", "第2位"],
      ["高港区", "第4位", "第2位"], ["姜堰区", "第4位", "第7位"], ["医药高新区", "第4位", "第1位"],
      ["海陵区", "第7位", "第5位"], ["泰州新区", "第8位", "—"],
    ]);
    expect(t.totalRow.slice(0, 2)).toEqual(["泰州市合计", "1.08"]);
    expect(t.rows[t.own][0]).toBe("兴化市");
  });

  it("the API: a city's rankings rank its counties (ties share a place, no growth last); a county's overview carries its 全市位次", async () => {
    const cityToken = await createApiToken("city_reviewer_t");
    const res = await callApi(rankingsGET, "/api/v1/rankings?region=321200000000&period=2024-07&indicator=gross_output&by=growth&include=submitted", cityToken);
    expect(res.status).toBe(200);
    const items = res.body.items as { rank: number | null; region: { name: string } }[];
    expect(items.map((i) => [i.region.name, i.rank])).toEqual([
      ["医药高新区", 1], ["高港区", 2], ["兴化市", 2], ["泰兴市", 4], ["海陵区", 5], ["靖江市", 5], ["姜堰区", 7], ["泰州新区", null],
    ]);
    const countyToken = await createApiToken("xinghua_reviewer_t");
    const own = await callApi(overviewGET, `/api/v1/overview?region=${C.xinghua.code}&period=2024-07&include=submitted`, countyToken);
    expect(own.status).toBe(200);
    const peers = own.body.peers as { city: { name: string }; countyCount: number; indicators: { code: string; ranked: number; cell: { rank: number; growthRank: number; sharePercent: number } }[] };
    expect([peers.city.name, peers.countyCount, peers.indicators[0].code, peers.indicators[0].ranked]).toEqual(["泰州市", 8, "gross_output", 8]);
    expect([peers.indicators[0].cell.rank, peers.indicators[0].cell.growthRank, new Decimal(peers.indicators[0].cell.sharePercent).toFixed(3)]).toEqual([3, 2, "13.889"]);
  });

  it("the county's 通报 carries the sentence and the table; a county without figures gets neither, never 第null位", async () => {
    const xinghua = (await getRegionByCode(C.xinghua.code))!;
    const data = await getBulletinData(xinghua, 2024, 7);
    const text = composeBulletin(data).sections.flatMap((s) => s.paragraphs).join("\n");
    // The bulletin counts approved figures only, as the county's own dashboards do; approve the city's table first.
    expect(text).not.toContain("县（市、区）中名列");
    expect(text).not.toMatch(/null|NaN|undefined/);
    await getPrisma().townReport.updateMany({ where: { status: "SUBMITTED" }, data: { status: "APPROVED" } });
    const approved = composeBulletin(await getBulletinData(xinghua, 2024, 7));
    const overall = approved.sections.find((s) => s.heading === "一、总体情况")!;
    expect(overall.paragraphs[1]).toBe("我市乡镇工业经济总量在8个县（市、区）中名列第3位，与上月持平，占全市的13.9%；增幅名列第2位（同比增长20.0%），与上月持平；完成年计划的60.0%，超时序进度1.7个百分点。");
    // A month nobody reported: no sentence at all.
    const empty = composeBulletin(await getBulletinData(xinghua, 2024, 9));
    expect(JSON.stringify(empty)).not.toContain("县（市、区）中名列");
    expect(JSON.stringify(empty)).not.toMatch(/第null位|undefined|NaN/);
  });
});

describe("a county whose towns are not all counted", () => {
  it("states no place (panel note, no sentence, no table) while a town's report is returned", async () => {
    const db = getPrisma();
    const town = await db.region.findUniqueOrThrow({ where: { code: "321281101000" }, select: { id: true } });
    await db.townReport.update({ where: { regionId_year_month: { regionId: town.id, year: 2024, month: 7 } }, data: { status: "RETURNED" } });
    try {
      const xinghua = (await getRegionByCode(C.xinghua.code))!;
      const s = (await getPeerStanding(xinghua, { year: 2024, month: 7 }))!;
      expect(s.partial).toEqual({ reported: 1, of: 2 });
      expect(peerSentences(s)).toEqual([]);
      const text = composeBulletin(await getBulletinData(xinghua, 2024, 7)).sections.flatMap((x) => x.paragraphs).join("\n");
      expect(text).not.toContain("县（市、区）中名列");
    } finally {
      await db.townReport.update({ where: { regionId_year_month: { regionId: town.id, year: 2024, month: 7 } }, data: { status: "APPROVED" } });
    }
  });
});

describe("the city grid (issue 14A)", () => {
  const period = { year: 2024, month: 8 };

  it("a peer's row is its county-level report (versioned, audited); 兴化市's row only ever a city-table figure; a stale row conflicts", async () => {
    const { getCityGrid, saveCityGrid } = await import("@/lib/peers/grid");
    const db = getPrisma();
    const grid = await getCityGrid(city, period);
    expect(grid.rows.map((r) => [r.name, r.kind])).toEqual(keys.map((k) => [C[k].name, k === "xinghua" ? "detailed" : "peer"]));
    const hailing = grid.rows.find((r) => r.code === C.hailing.code)!;
    const xinghua = grid.rows.find((r) => r.code === C.xinghua.code)!;
    expect([hailing.version, hailing.status]).toEqual([0, null]);

    const first = await saveCityGrid(city, period, [
      { code: C.hailing.code, version: 0, values: { gross_output: "1,250.5", sales_revenue: "0.12亿" } },
      { code: C.xinghua.code, version: 0, values: { gross_output: "1600" }, seen: xinghua.values },
    ]);
    expect(first).toEqual({ saved: [C.hailing.code, C.xinghua.code], errors: {} });
    const report = await db.townReport.findUniqueOrThrow({ where: { regionId_year_month: { regionId: ids.hailing, ...period } }, select: { version: true, status: true, values: { select: { value: true, indicator: { select: { code: true } } } } } });
    expect([report.version, report.status, Object.fromEntries(report.values.map((v) => [v.indicator.code, v.value.toString()]))]).toEqual([1, "DRAFT", { gross_output: "1250.5", sales_revenue: "1200" }]);
    // Rule 2 on the grid: 兴化市 has no report of its own, its figure is the city table's.
    expect(await db.townReport.count({ where: { regionId: ids.xinghua } })).toBe(0);
    expect((await db.cityTableFigure.findFirstOrThrow({ where: { regionId: ids.xinghua, ...period }, select: { value: true } })).value.toString()).toBe("1600");
    expect(await db.auditLog.count({ where: { regionId: ids.hailing, year: 2024, month: 8, field: "工业总产值" } })).toBe(1);
    expect(await db.auditLog.count({ where: { regionId: ids.xinghua, year: 2024, month: 8, entity: "CityTableFigure" } })).toBe(1);

    // The same screen saved again (stale version 0, stale table value null): both refused, nothing changed.
    const stale = await saveCityGrid(city, period, [
      { code: C.hailing.code, version: 0, values: { gross_output: "999" } },
      { code: C.xinghua.code, version: 0, values: { gross_output: "1700" }, seen: xinghua.values },
    ]);
    expect(stale.saved).toEqual([]);
    expect(stale.errors[C.hailing.code]).toMatch(/^海陵区：.*版本 1/);
    expect(stale.errors[C.xinghua.code]).toBe("兴化市：工业总产值的市表数已被他人改为1600，请刷新后再改");
    // Bad input: a clear message, nothing written.
    const bad = await saveCityGrid(city, period, [{ code: C.hailing.code, version: 1, values: { gross_output: "一千" } }]);
    expect(bad.errors[C.hailing.code]).toMatch(/^海陵区：.*工业总产值/);
    expect((await db.reportValue.findFirstOrThrow({ where: { regionId: ids.hailing, ...period, indicator: { code: "gross_output" } }, select: { value: true } })).value.toString()).toBe("1250.5");
  });

  it("only the city's reviewers: a county reviewer gets 403", async () => {
    const { getCityGrid } = await import("@/lib/peers/grid");
    const u = await getPrisma().user.findUniqueOrThrow({ where: { username: "xinghua_reviewer_t" }, select: { id: true, username: true, role: true, regionId: true } });
    const county: Caller = { ...u, displayName: "县局审核员", region: { id: ids.xinghua, code: C.xinghua.code, name: C.xinghua.name, level: "COUNTY", parentId: cityId }, mustChangePassword: false };
    await expect(getCityGrid(county, period)).rejects.toThrow("没有权限");
  });
});
