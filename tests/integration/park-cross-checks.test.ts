// 园区数据核对 (decision 018) on a real database: a park's 销售收入 above its town's reported 销售收入, and a
// park's 入园企业数 far from the enterprises linked to it, are warnings per town for the reviewer; figures
// that agree give none, and other towns' parks are not mixed in.
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { countParkFindings, listParkFindings, parkFindings } from "@/lib/parks/cross-check";
import { getRegionByCode } from "@/lib/regions";
import type { Period } from "@/lib/stats";
import { useDemoSnapshot } from "../support/demo-snapshot";

const TOWN = "321281100000"; // 戴南镇
const OTHER = "321281101000"; // 张郭镇
const PERIOD: Period = { year: 2024, month: 7 };
let townId = 0;
let countyId = 0;
let park = { id: 0, name: "", linked: 0 };
let townSales = "";

async function setPark(figures: { salesRevenue: string; enterpriseCount: number }) {
  await getPrisma().parkValue.upsert({
    where: { parkId_year_month: { parkId: park.id, ...PERIOD } },
    create: { parkId: park.id, ...PERIOD, developedArea: "100", infrastructureInvestment: "50", profitTax: "10", ...figures },
    update: figures,
  });
}

beforeAll(async () => {
  await useDemoSnapshot();
  const town = (await getRegionByCode(TOWN))!;
  townId = town.id;
  countyId = town.parentId!;
  const db = getPrisma();
  const p = await db.park.findFirstOrThrow({ where: { townId }, select: { id: true, name: true, _count: { select: { enterprises: true } } }, orderBy: { id: "asc" } });
  park = { id: p.id, name: p.name, linked: p._count.enterprises };
  const sales = await db.reportValue.findFirstOrThrow({ where: { regionId: townId, ...PERIOD, indicator: { code: "sales_revenue" } }, select: { value: true } });
  townSales = sales.value.toString();
}, 180_000);

describe("park cross-checks", () => {
  it("a park whose figures agree with its town and its enterprises gives no finding", async () => {
    await setPark({ salesRevenue: "1000", enterpriseCount: park.linked });
    const found = await listParkFindings([townId], PERIOD);
    expect((found.get(townId) ?? []).filter((f) => f.parkId === park.id)).toEqual([]);
  });

  it("a park's 销售收入 above its town's is a warning naming both figures", async () => {
    const above = (Number(townSales) + 5000).toFixed(2);
    await setPark({ salesRevenue: above, enterpriseCount: park.linked });
    const mine = (await listParkFindings([townId], PERIOD)).get(townId)!.filter((f) => f.parkId === park.id);
    expect(mine.map((f) => f.rule)).toEqual(["park_sales_above_town"]);
    expect(mine[0].message).toContain(`${park.name}销售收入（`);
    expect(mine[0].message).toContain("超过所在乡镇月报的销售收入（");
    expect(mine[0].message).not.toMatch(/NaN|undefined|null|Infinity/);
  });

  it("入园企业 126 with the linked enterprises far fewer is a warning; the board counts the town", async () => {
    const db = getPrisma();
    // 25 enterprises linked to the park, as in the issue: link the town's first 25 (more if the demo has them)
    const ids = (await db.enterprise.findMany({ where: { townId }, select: { id: true }, orderBy: { id: "asc" }, take: 25 })).map((e) => e.id);
    await db.enterprise.updateMany({ where: { parkId: park.id }, data: { parkId: null } });
    await db.enterprise.updateMany({ where: { id: { in: ids } }, data: { parkId: park.id } });
    await setPark({ salesRevenue: "1000", enterpriseCount: 126 });
    const mine = (await listParkFindings([townId], PERIOD)).get(townId)!.filter((f) => f.parkId === park.id);
    expect(mine).toEqual([
      { parkId: park.id, parkName: park.name, rule: "park_enterprise_count", message: `${park.name}填报入园企业126家，系统中关联该园区的企业${ids.length}家，相差较大，请核实入园企业数或企业所属园区` },
    ]);
    const counts = await countParkFindings(countyId, PERIOD);
    expect(counts[TOWN]).toBeGreaterThanOrEqual(1);
    // another town's parks are its own
    const other = (await getRegionByCode(OTHER))!;
    const theirs = (await listParkFindings([other.id], PERIOD)).get(other.id) ?? [];
    expect(theirs.every((f) => f.parkId !== park.id)).toBe(true);
  });

  it("the count rule needs both a gap of 10 and a factor of 2", () => {
    const base = { id: 1, name: "甲园区", salesRevenue: null };
    expect(parkFindings({ ...base, enterpriseCount: 126, linked: 25 }, null).map((f) => f.rule)).toEqual(["park_enterprise_count"]);
    expect(parkFindings({ ...base, enterpriseCount: 14, linked: 5 }, null)).toEqual([]); // gap 9
    expect(parkFindings({ ...base, enterpriseCount: 30, linked: 18 }, null)).toEqual([]); // factor < 2
    expect(parkFindings({ ...base, enterpriseCount: 0, linked: 12 }, null).map((f) => f.rule)).toEqual(["park_enterprise_count"]);
  });
});
