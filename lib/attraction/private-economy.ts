import "server-only";
// 民营经济 by town: 新发展私营企业, 个体工商户, 新增民营注册资本, from the same overview engine.
import { getRegionOverview } from "@/lib/overview/query";
import type { RegionRef } from "@/lib/regions";
import type { Period } from "@/lib/stats";

export const PRIVATE_CODES = ["new_private_enterprises", "new_individual_businesses", "new_private_capital"];

export async function getPrivateEconomy(county: RegionRef, period: Period) {
  const o = await getRegionOverview(county, period.year, period.month, PRIVATE_CODES);
  return { indicators: o.indicators, totals: o.totals, towns: o.children.map((c) => ({ code: c.region.code, name: c.region.name, values: c.values })) };
}
