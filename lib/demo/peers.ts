// The other counties of 泰州市, known only from the city's monthly table (county-level figures, no
// town detail): rule 1 of docs/decisions/016-city-and-peer-counties.md — a TownReport with its
// ReportValues at the county's own regionId, and AnnualPlans at the county. Sized against 兴化市's
// own total so the 全市位次 reads plausibly; growth varies so the ranks differ (高港区 declines this
// year, so growth ranks and the bulletin's 下降 words have a case). Deterministic.
import type { Db } from "@/lib/db/client";
import { createRegion, type IndicatorIds } from "./factories";
import { chinaMonthStart, timeline } from "./history";
import { between, makeRng, wan } from "./random";

/** size: gross output relative to 兴化市's last full year; growth: this year's 同比 of gross output. */
export const DEMO_PEER_COUNTIES = [
  { code: "321202000000", name: "海陵区", kind: "区", size: 0.62, growth: 0.115 },
  { code: "321203000000", name: "高港区", kind: "区", size: 0.95, growth: -0.035 },
  { code: "321204000000", name: "姜堰区", kind: "区", size: 0.86, growth: 0.041 },
  { code: "321282000000", name: "靖江市", kind: "县级市", size: 1.36, growth: 0.062 },
  { code: "321283000000", name: "泰兴市", kind: "县级市", size: 1.24, growth: 0.098 },
] as const;

/** Share of the year's output done by the end of each month (a slow February, a strong December). */
const MONTH_WEIGHTS = [0.075, 0.06, 0.085, 0.083, 0.084, 0.086, 0.082, 0.083, 0.087, 0.085, 0.086, 0.104];
const CUMULATIVE = MONTH_WEIGHTS.map((_, i) => MONTH_WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));

/** Per indicator: its ratio to gross output (a range; each county × year draws once). */
const RATIOS: Record<string, [number, number]> = {
  above_scale_output: [0.78, 0.88],
  value_added: [0.22, 0.27],
  sales_revenue: [0.95, 1.02],
  invoiced_sales: [0.82, 0.9],
  profit: [0.045, 0.07],
  tax: [0.024, 0.034],
  industrial_investment: [0.11, 0.19],
};
const PLANNED = ["gross_output", "above_scale_output", "value_added", "sales_revenue", "profit_tax", "tax", "industrial_investment"];

/**
 * Creates the peer counties under `cityId` with approved county-level reports for every period and
 * plans for the last three years. `reference`: 兴化市's gross output (万元) of the last full year.
 */
export async function seedPeerCounties(db: Db, ids: IndicatorIds, cityId: number, reference: number, periods: { year: number; month: number }[], now: Date) {
  const rng = makeRng(214);
  const years = [...new Set(periods.map((p) => p.year))].sort();
  const Y = years[years.length - 1];
  const M = Math.max(...periods.filter((p) => p.year === Y).map((p) => p.month));
  // The latest month has only just ended: the city's table came in and was approved between its end and now.
  const inPast = timeline(chinaMonthStart(Y, M + 1), new Date(Date.UTC(Y, M, 8, 2)), now);
  const reports: { regionId: number; year: number; month: number; status: "APPROVED"; submittedAt: Date; reviewedAt: Date }[] = [];
  const figures = new Map<string, Record<string, string>>();
  const plans: { regionId: number; indicatorId: number; year: number; value: string }[] = [];
  for (const [i, peer] of DEMO_PEER_COUNTIES.entries()) {
    const region = await createRegion(db, { code: peer.code, name: peer.name, level: "COUNTY", parentId: cityId, kind: peer.kind, sortOrder: i + 1 });
    // Annual gross output per year: last full year = size × reference; earlier years grow 5–11% a year.
    const annual = new Map<number, number>([[Y - 1, peer.size * reference]]);
    for (let y = Y - 2; y >= years[0]; y--) annual.set(y, annual.get(y + 1)! / between(rng, 1.05, 1.11));
    annual.set(Y, annual.get(Y - 1)! * (1 + peer.growth));
    const ratios = new Map(years.map((y) => [y, Object.fromEntries(Object.entries(RATIOS).map(([code, [lo, hi]]) => [code, between(rng, lo, hi)]))]));
    for (const { year, month } of periods) {
      const gross = annual.get(year)! * CUMULATIVE[month - 1];
      const r = ratios.get(year)!;
      const v: Record<string, string> = { gross_output: wan(gross) };
      for (const code of Object.keys(RATIOS)) v[code] = wan(gross * r[code]);
      v.profit_tax = wan(Number(v.profit) + Number(v.tax));
      figures.set(`${region.id}:${year}:${month}`, v);
      reports.push({ regionId: region.id, year, month, status: "APPROVED", submittedAt: inPast(new Date(Date.UTC(year, month, 4, 2))), reviewedAt: inPast(new Date(Date.UTC(year, month, 7, 8))) });
    }
    for (const y of years.slice(1)) {
      const december = figures.get(`${region.id}:${y - 1}:12`);
      if (!december) continue;
      const target = between(rng, 1.06, 1.12);
      for (const code of PLANNED) plans.push({ regionId: region.id, indicatorId: ids.get(code)!, year: y, value: wan(Number(december[code]) * target) });
    }
  }
  const created = await db.townReport.createManyAndReturn({ data: reports, select: { id: true, regionId: true, year: true, month: true } });
  const values = created.flatMap((r) =>
    Object.entries(figures.get(`${r.regionId}:${r.year}:${r.month}`)!).map(([code, value]) => ({ reportId: r.id, regionId: r.regionId, indicatorId: ids.get(code)!, year: r.year, month: r.month, value })),
  );
  for (let i = 0; i < values.length; i += 5000) await db.reportValue.createMany({ data: values.slice(i, i + 5000) });
  await db.annualPlan.createMany({ data: plans });
}
