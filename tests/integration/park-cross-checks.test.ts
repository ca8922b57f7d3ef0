// 园区数据核对 (decision 018) on a real database. The demo's parks agree with their towns in every
// period (the first thing a customer sees does not contradict itself). A town's reporter who then types a
// park's 销售收入 above the town's, or an 入园企业数 far from the enterprises linked to the park, gives the
// reviewer a warning per town; figures put right again give none, and other towns' parks are not mixed in.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getParkGrid, saveParkGrid } from "@/lib/entries/parks";
import { countParkFindings, ENTERPRISE_COUNT_GAP, listParkFindings, parkFindings } from "@/lib/parks/cross-check";
import { getRegionByCode } from "@/lib/regions";
import { toDecimal, type Period } from "@/lib/stats";
import { useDemoSnapshot } from "../support/demo-snapshot";

const TOWN = "321281100000"; // 戴南镇, the demo reporter's town
const OTHER = "321281101000"; // 张郭镇
const PERIOD: Period = { year: 2024, month: 7 };
let townId = 0;
let countyId = 0;
let reporter: CurrentUser;
let park = { id: 0, name: "", linked: 0 };
let townSales = "";

/** The town's reporter saves the park's row of the 园区 tab, as the grid's server action does. */
async function enterPark(figures: { salesRevenue?: string; enterpriseCount?: string }) {
  const row = (await getParkGrid(reporter, TOWN, PERIOD)).rows.find((r) => r.id === park.id)!;
  await saveParkGrid(reporter, TOWN, PERIOD, [{ id: row.id, token: row.token, values: { ...row.values, ...figures } }]);
}

const mine = async () => ((await listParkFindings([townId], PERIOD)).get(townId) ?? []).filter((f) => f.parkId === park.id);

beforeAll(async () => {
  await useDemoSnapshot();
  const town = (await getRegionByCode(TOWN))!;
  townId = town.id;
  countyId = town.parentId!;
  const db = getPrisma();
  const u = await db.user.findUniqueOrThrow({ where: { username: "reporter" }, select: { id: true, sessionVersion: true } });
  reporter = (await loadActiveUser(u.id, u.sessionVersion))!;
  const p = await db.park.findFirstOrThrow({ where: { townId }, select: { id: true, name: true, _count: { select: { enterprises: true } } }, orderBy: { id: "asc" } });
  park = { id: p.id, name: p.name, linked: p._count.enterprises };
  const sales = await db.reportValue.findFirstOrThrow({ where: { regionId: townId, ...PERIOD, indicator: { code: "sales_revenue" } }, select: { value: true } });
  townSales = sales.value.toString();
}, 180_000);

/** The July report was approved in the demo; returned to the town, its 园区 tab is open to the reporter again. */
const reopen = () => getPrisma().townReport.update({ where: { regionId_year_month: { regionId: townId, ...PERIOD } }, data: { status: "RETURNED" } });

describe("park cross-checks", () => {
  it("the demo's parks agree with their towns and their enterprises in every period: no finding anywhere", async () => {
    const db = getPrisma();
    const towns = (await db.region.findMany({ where: { parentId: countyId, level: "TOWN" }, select: { id: true } })).map((t) => t.id);
    const periods = await db.parkValue.findMany({ distinct: ["year", "month"], select: { year: true, month: true }, orderBy: [{ year: "asc" }, { month: "asc" }] });
    expect(periods.length).toBe(12 * 3 + 7);
    for (const period of periods) {
      const found = await listParkFindings(towns, period);
      expect([...found.values()].flat().map((f) => `${period.year}-${period.month} ${f.message}`)).toEqual([]);
    }
    // …and not by a hair: a park's 销售收入 is roughly half to four fifths of its town's, its 入园企业数 the
    // linked enterprises and a few more, in every period the town reported.
    const [parks, sales] = await Promise.all([
      db.park.findMany({ select: { townId: true, _count: { select: { enterprises: true } }, values: { select: { year: true, month: true, salesRevenue: true, profitTax: true, enterpriseCount: true } } } }),
      db.reportValue.findMany({ where: { indicator: { code: "sales_revenue" }, regionId: { in: towns } }, select: { regionId: true, year: true, month: true, value: true } }),
    ]);
    const townSalesOf = new Map(sales.map((s) => [`${s.regionId}:${s.year}:${s.month}`, toDecimal(s.value.toString())!]));
    expect(parks.length).toBe(3);
    let compared = 0;
    for (const p of parks) {
      expect(p._count.enterprises).toBeGreaterThan(0);
      for (const v of p.values) {
        expect(v.enterpriseCount - p._count.enterprises).toBeGreaterThanOrEqual(1);
        expect(v.enterpriseCount - p._count.enterprises).toBeLessThanOrEqual(5);
        const town = townSalesOf.get(`${p.townId}:${v.year}:${v.month}`);
        if (!town) continue;
        const share = toDecimal(v.salesRevenue.toString())!.div(town);
        expect(share.gte(0.45) && share.lte(0.8), `${v.year}-${v.month}: ${share.toFixed(3)}`).toBe(true);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(3 * 40);
  });

  it("the reporter types the park's 销售收入 above the town's: a warning naming both figures, gone when put right", async () => {
    await reopen();
    const before = (await getParkGrid(reporter, TOWN, PERIOD)).rows.find((r) => r.id === park.id)!.values;
    expect(await mine()).toEqual([]);
    await enterPark({ salesRevenue: toDecimal(townSales)!.plus(5000).toFixed(2) });
    const found = await mine();
    expect(found.map((f) => f.rule)).toEqual(["park_sales_above_town"]);
    expect(found[0].message).toContain(`${park.name}销售收入（`);
    expect(found[0].message).toContain("超过所在乡镇月报的销售收入（");
    expect(found[0].message).not.toMatch(/NaN|undefined|null|Infinity/);
    expect((await countParkFindings(countyId, PERIOD))[TOWN]).toBe(1);

    await enterPark({ salesRevenue: before.salesRevenue });
    expect(await mine()).toEqual([]);
    expect((await countParkFindings(countyId, PERIOD))[TOWN]).toBeUndefined();
  });

  it("入园企业 far more than the enterprises linked to the park is a warning; the board counts the town, not another", async () => {
    await reopen();
    const count = park.linked * 3 + ENTERPRISE_COUNT_GAP.atLeast;
    await enterPark({ enterpriseCount: String(count) });
    expect(await mine()).toEqual([
      { parkId: park.id, parkName: park.name, rule: "park_enterprise_count", message: `${park.name}填报入园企业${count}家，系统中关联该园区的企业${park.linked}家，相差较大，请核实入园企业数或企业所属园区` },
    ]);
    const counts = await countParkFindings(countyId, PERIOD);
    expect(counts).toEqual({ [TOWN]: 1 });
    // another town's parks are its own
    const other = (await getRegionByCode(OTHER))!;
    expect((await listParkFindings([other.id], PERIOD)).get(other.id) ?? []).toEqual([]);
  });

  it("the count rule needs both a gap of 10 and a factor of 2", () => {
    const base = { id: 1, name: "甲园区", salesRevenue: null };
    expect(parkFindings({ ...base, enterpriseCount: 126, linked: 25 }, null).map((f) => f.rule)).toEqual(["park_enterprise_count"]);
    expect(parkFindings({ ...base, enterpriseCount: 14, linked: 5 }, null)).toEqual([]); // gap 9
    expect(parkFindings({ ...base, enterpriseCount: 30, linked: 18 }, null)).toEqual([]); // factor < 2
    expect(parkFindings({ ...base, enterpriseCount: 0, linked: 12 }, null).map((f) => f.rule)).toEqual(["park_enterprise_count"]);
  });
});
