// "One figure, one answer": a total's 同比 is like for like (a zone new this year counts in the
// total, not in its growth), and the overview API, the wall data and the bulletin show the same
// text for the same town, indicator and period — all through the one presenter.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { composeBulletin } from "@/lib/bulletin/compose";
import { getBulletinData } from "@/lib/bulletin/data";
import { bulletinTables } from "@/lib/bulletin/tables";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { overviewTable } from "@/lib/export/tables-regional";
import { getWallTrend } from "@/lib/kiosk/trend";
import type { WallData } from "@/lib/kiosk/types";
import { getWallData } from "@/lib/kiosk/wall";
import type { Cell } from "@/lib/overview/compute";
import { presentGrowth, presentValue } from "@/lib/present/figure";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { computeForm } from "@/components/report/compute";
import { FigureRow } from "@/components/report/figure-row";
import { loadReportContext } from "@/lib/reports/context";
import { callApi, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";
import { useDemoSnapshot } from "../support/demo-snapshot";

type Overview = {
  period: string;
  totals: Record<string, Cell>;
  growthExcluded: Record<string, string[]>;
  children: { region: { code: string; name: string }; values: Record<string, Cell> }[];
};
type Ok = Extract<WallData, { status: "ok" }>;

const NEW_ZONE = "兴化高新区";
let county: RegionRef;
let wall: Ok;
let overview: Overview;

/** Σ 拉动 of the parts = the total's 同比, Σ 贡献率 = 100%, for every indicator with a growth. */
function expectPartsAddUp(o: Pick<Overview, "totals" | "children">) {
  let checked = 0;
  for (const [code, total] of Object.entries(o.totals)) {
    // No growth, or no change at all (a 贡献率 of a zero increase has no value).
    if (total.yoyPercent === null || total.increase === null || new Decimal(total.increase).isZero()) continue;
    const cells = o.children.map((c) => c.values[code]);
    const pulls = cells.reduce((a, c) => a + (c?.pullPoints ?? 0), 0);
    const shares = cells.reduce((a, c) => a + (c?.contributionPercent ?? 0), 0);
    expect(pulls, `${code}: Σ拉动`).toBeCloseTo(total.yoyPercent, 6);
    expect(shares, `${code}: Σ贡献率`).toBeCloseTo(100, 6);
    // The increase shown for the total is the parts' increase.
    const inc = cells.reduce((a, c) => (c?.increase && c.pullPoints !== null ? a.plus(c.increase) : a), new Decimal(0));
    expect(inc.toFixed(), `${code}: 增量`).toBe(new Decimal(total.increase!).toFixed());
    checked++;
  }
  expect(checked).toBeGreaterThan(3);
}

beforeAll(async () => {
  await useDemoSnapshot();
  county = (await getRegionByCode(DEMO_COUNTY.code))!;
  const data = await getWallData(county);
  if (data.status !== "ok") throw new Error("the demo wall should have data");
  wall = data;
  const token = await createApiToken("reviewer");
  const res = await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}&period=${wall.period.key}`, token);
  expect(res.status).toBe(200);
  overview = res.body as unknown as Overview;
}, 400_000);

describe("a total's growth is like for like", () => {
  it("the demo county: the towns' 拉动 add up to the county's 同比, their 贡献率 to 100%", () => {
    expectPartsAddUp(overview);
  });

  it("the county total still counts 兴化高新区, its growth does not, and the API says so", () => {
    const zone = overview.children.find((c) => c.region.name === NEW_ZONE)!.values.gross_output;
    expect(zone.value).not.toBeNull();
    expect(zone.base).toBeNull();
    const sum = overview.children.reduce((a, c) => (c.values.gross_output.value ? a.plus(c.values.gross_output.value) : a), new Decimal(0));
    expect(overview.totals.gross_output.value).toBe(sum.toFixed());
    const total = overview.totals.gross_output;
    const growth = new Decimal(total.value!).minus(zone.value!).minus(total.base!).div(total.base!).times(100);
    expect(total.yoyPercent).toBeCloseTo(growth.toNumber(), 9);
    for (const code of ["gross_output", "sales_revenue", "profit", "new_private_enterprises"]) expect(overview.growthExcluded[code]).toEqual([NEW_ZONE]);
  });

  it("the wall and the bulletin name the zone the growth leaves out", async () => {
    expect(wall.growthScope).toContain(NEW_ZONE);
    const [year, month] = wall.period.key.split("-").map(Number);
    const { sections } = composeBulletin(await getBulletinData(county, year, month));
    expect(sections[0].paragraphs[0]).toContain(`不含新设（上年同期无数据）的${NEW_ZONE}`);
    // And the export of the towns' table, under its title.
    const table = await overviewTable(county, { year, month }, "gross_output");
    expect(table!.unitNote).toContain(`不含新设（上年同期无数据）的${NEW_ZONE}`);
  });

});

describe("one presenter: the same text on the overview, the wall and in the bulletin", () => {
  const ind = { unit: "万元", precision: 2, percentPrecision: 1 };

  it("a town's 工业总产值 and its 同比 read the same in the overview API, on the wall and in the 通报", async () => {
    const [year, month] = wall.period.key.split("-").map(Number);
    const data = await getBulletinData(county, year, month);
    const [table] = bulletinTables(data);
    for (const town of ["戴南镇", "张郭镇"]) {
      const cell = overview.children.find((c) => c.region.name === town)!.values.gross_output;
      const value = presentValue(cell.value, ind, "yi").text;
      const growth = presentGrowth(cell, 1);
      const byTotal = wall.rankings.total.find((r) => r.name === town)!;
      const byGrowth = wall.rankings.growth.find((r) => r.name === town)!;
      expect(byTotal.value).toBe(value);
      expect(byGrowth.value).toBe(growth.signed);
      expect(byGrowth.tone).toBe(growth.tone);
      const row = table.rows.find((r) => r[0] === town)!;
      expect(row[1]).toBe(presentValue(cell.value, ind).text);
      expect(row[2]).toBe(growth.signed);
    }
  });

  it("the county's headline figures: the wall's KPI cards and the bulletin's first sentence", async () => {
    const [year, month] = wall.period.key.split("-").map(Number);
    const { sections } = composeBulletin(await getBulletinData(county, year, month));
    const headline = sections[0].paragraphs[0];
    for (const code of ["gross_output", "above_scale_output", "profit_tax"]) {
      const total = overview.totals[code];
      const kpi = wall.kpis.find((k) => k.code === code)!;
      const value = presentValue(total.value, ind, "yi");
      const growth = presentGrowth(total, 1);
      expect(kpi.value).toBe(value.text);
      expect(kpi.growth).toBe(growth.words);
      expect(kpi.tone).toBe(growth.tone);
      expect(headline).toContain(`${value.text}${value.unit}，同比${growth.words}`);
    }
  });
});

describe("two bases, one labelled", () => {
  it("张郭镇 规上 同比: the report form shows the overview's 同口径 figure and labels its own 按上报上年数", async () => {
    const [year, month] = wall.period.key.split("-").map(Number);
    const town = overview.children.find((c) => c.region.name === "张郭镇")!;
    const cell = town.values.above_scale_output;
    expect(cell.baseKind).toBe("comparable");
    const region = (await getRegionByCode(town.region.code))!;
    const ctx = await loadReportContext(getPrisma(), region.id, year, month);
    expect(new Decimal(ctx.comparableBase.above_scale_output).toFixed()).toBe(new Decimal(cell.base!).toFixed());
    const view = { ...ctx, period: { year, month, key: wall.period.key } };
    const row = computeForm(view, ctx.values, ctx.explanations).rows.find((r) => r.indicator.code === "above_scale_output")!;
    const shown = (p: number | null) => presentGrowth({ yoyPercent: p, lossChange: null }, 1).percent;
    expect(shown(row.comparableYoy!.yoy)).toBe(shown(cell.yoyPercent));
    // The reported base gives another figure: it is labelled wherever the form shows it.
    expect(shown(row.yoy)).not.toBe(shown(cell.yoyPercent));
    const html = renderToStaticMarkup(
      createElement("table", null, createElement("tbody", null, createElement(FigureRow, {
        row, editable: false, explanation: "", returned: false, lastYear: ctx.lastYear.above_scale_output ?? null, previousYtd: null, plan: null,
        onChange: () => {}, onExplain: () => {}, onEnter: () => {},
      }))),
    );
    expect(html).toContain("按上报上年数");
    expect(html).toContain(`同口径 <span class="num text-up">${shown(cell.yoyPercent)}</span>`);
  });
});

describe("the wall's trend", () => {
  it("has no 当月 for a stock (从业人员): only the period-end figure", async () => {
    const employees = await getPrisma().indicator.findUniqueOrThrow({ where: { code: "employees" }, select: { id: true, kind: true } });
    expect(employees.kind).toBe("STOCK");
    const [year, month] = wall.period.key.split("-").map(Number);
    const { rows } = await getWallTrend(county.id, employees, { year, month });
    expect(rows.slice(0, month).every((r) => r.currentYtd !== null)).toBe(true);
    expect(rows.every((r) => r.current === null && r.lastYear === null)).toBe(true);
  });
});

// Last: it replaces the demo county with the generated bench data.
describe("the bench data", () => {
  it("the bench data: parts add up in every county, with a town that has no figures last year", async () => {
    const { generateDataset } = await import("@/scripts/bench/dataset");
    const { loadTargets } = await import("@/scripts/bench/measure");
    const { getRegionOverview } = await import("@/lib/overview/query");
    await resetDatabase();
    const db = getPrisma();
    const spec = { counties: 2, townsPerCounty: 3, enterprises: 40, firstYear: 2023, years: 2 };
    await generateDataset({ exec: (s) => db.$executeRawUnsafe(s), query: <T>(s: string, p: unknown[] = []) => db.$queryRawUnsafe<T[]>(s, ...p) }, spec);
    const targets = await loadTargets(spec);
    const { year, month } = targets.period;
    // One town new this year: no figures last year.
    const town = await db.region.findFirstOrThrow({ where: { parentId: targets.counties[0].id }, select: { id: true, name: true }, orderBy: { id: "asc" } });
    await db.reportValue.deleteMany({ where: { regionId: town.id, year: year - 1 } });
    for (const c of targets.counties) {
      const o = await getRegionOverview(c, year, month);
      expectPartsAddUp(o);
      if (c.id === targets.counties[0].id) expect(o.growthExcluded.gross_output).toEqual([town.name]);
    }
  }, 180_000);
});
