import "server-only";
// 园区数据核对 (decision 018): a park's figures against its town's report and the enterprises linked to
// it. Warnings for the reviewer (report page, review board); they never block 报送 or 审核通过.
import { getPrisma } from "@/lib/db/client";
import { presentValue } from "@/lib/present/figure";
import { toDecimal, type Period } from "@/lib/stats";

export type ParkFinding = {
  parkId: number;
  parkName: string;
  rule: "park_sales_above_town" | "park_enterprise_count";
  message: string;
};

/** 入园企业数 against the enterprises linked in the system: far apart when they differ by both. */
export const ENTERPRISE_COUNT_GAP = { atLeast: 10, factor: 2 } as const;

const WAN = { unit: "万元", precision: 2 };

type ParkFigures = { id: number; name: string; salesRevenue: string | null; enterpriseCount: number | null; linked: number };

/** The findings for one park, given its town's reported 销售收入 (null when the town has none). Pure. */
export function parkFindings(park: ParkFigures, townSales: string | null): ParkFinding[] {
  const out: ParkFinding[] = [];
  const sales = toDecimal(park.salesRevenue);
  const town = toDecimal(townSales);
  if (sales !== null && town !== null && sales.gt(town)) {
    const p = presentValue(sales, WAN);
    const t = presentValue(town, WAN);
    out.push({
      parkId: park.id,
      parkName: park.name,
      rule: "park_sales_above_town",
      message: `${park.name}销售收入（${p.text}${p.unit}）超过所在乡镇月报的销售收入（${t.text}${t.unit}），园区应为乡镇的一部分，请核实园区或乡镇数据`,
    });
  }
  const count = park.enterpriseCount;
  if (count !== null) {
    const [low, high] = count < park.linked ? [count, park.linked] : [park.linked, count];
    if (high - low >= ENTERPRISE_COUNT_GAP.atLeast && high >= low * ENTERPRISE_COUNT_GAP.factor) {
      out.push({
        parkId: park.id,
        parkName: park.name,
        rule: "park_enterprise_count",
        message: `${park.name}填报入园企业${count}家，系统中关联该园区的企业${park.linked}家，相差较大，请核实入园企业数或企业所属园区`,
      });
    }
  }
  return out;
}

/**
 * The period's park findings of each town, by town id. Two queries for any number of towns; the
 * caller has checked that the user may read these towns.
 */
export async function listParkFindings(townIds: readonly number[], period: Period): Promise<Map<number, ParkFinding[]>> {
  const out = new Map<number, ParkFinding[]>();
  if (townIds.length === 0) return out;
  const db = getPrisma();
  const ids = [...townIds];
  const [parks, sales] = await Promise.all([
    db.park.findMany({
      where: { townId: { in: ids } },
      select: {
        id: true,
        name: true,
        townId: true,
        values: { where: { year: period.year, month: period.month }, select: { salesRevenue: true, enterpriseCount: true } },
        _count: { select: { enterprises: true } },
      },
      orderBy: { id: "asc" },
    }),
    db.reportValue.findMany({
      where: { regionId: { in: ids }, year: period.year, month: period.month, indicator: { code: "sales_revenue" } },
      select: { regionId: true, value: true },
    }),
  ]);
  const townSales = new Map(sales.map((s) => [s.regionId, s.value.toString()]));
  for (const p of parks) {
    const v = p.values[0];
    if (!v) continue;
    const found = parkFindings(
      { id: p.id, name: p.name, salesRevenue: v.salesRevenue.toString(), enterpriseCount: v.enterpriseCount, linked: p._count.enterprises },
      townSales.get(p.townId) ?? null,
    );
    if (found.length > 0) out.set(p.townId, [...(out.get(p.townId) ?? []), ...found]);
  }
  return out;
}

/** The number of park findings of each town of a county in the period, by town code (the review board). */
export async function countParkFindings(countyId: number, period: Period): Promise<Record<string, number>> {
  const towns = await getPrisma().region.findMany({ where: { parentId: countyId, level: "TOWN" }, select: { id: true, code: true } });
  const found = await listParkFindings(towns.map((t) => t.id), period);
  return Object.fromEntries(towns.filter((t) => found.has(t.id)).map((t) => [t.code, found.get(t.id)!.length]));
}
