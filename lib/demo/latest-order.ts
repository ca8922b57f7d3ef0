// Month-end rankings move: the demo county's latest month always has at least one town passing its
// neighbour in 工业总产值, as when one enterprise delivers a large order. Earlier months are untouched,
// so every YTD still only grows and the identities between indicators still hold (pure: no database).
import { enterpriseYtd, type DemoEnterprise, type TownProfile } from "./figures";

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A town's 规上工业总产值 YTD, summed from its 规上 enterprises exactly as the seed reports it. */
export function townAboveScaleOutput(enterprises: DemoEnterprise[], townCode: string, year: number, month: number): number {
  let output = 0;
  for (const e of enterprises) {
    if (e.townCode !== townCode || !e.aboveScale[year]) continue;
    const v = enterpriseYtd(e, year, month);
    if (v) output += v.gross_output;
  }
  return round2(output);
}

/** Adds `amount` (万元 of sales) to one month of an enterprise's year, keeping its other months as they were. */
export function addToMonth(e: DemoEnterprise, year: number, month: number, amount: number) {
  const before = e.revenue[year];
  const after = before + amount;
  e.shares[year] = e.shares[year].map((s, i) => (s * before + (i + 1 >= month ? amount : 0)) / after);
  e.revenue[year] = round2(after);
}

export type LatestOrder = { town: string; passed: string; enterprise: string; amount: number; monthIncrease: number };

/**
 * If no town's 工业总产值 rank differs between last month and `month` among the towns in `counted`,
 * the town just behind its closest neighbour gets a large order in `month` on its biggest 规上
 * enterprise, enough to pass that neighbour by about 0.5%. Mutates that enterprise; returns what it did.
 */
export function deliverLatestOrder(enterprises: DemoEnterprise[], profiles: TownProfile[], year: number, month: number, counted: (townCode: string) => boolean): LatestOrder | null {
  if (month < 2) return null; // January is compared with December: the ranking reshuffles anyway
  const gross = (p: TownProfile, m: number) => townAboveScaleOutput(enterprises, p.town.code, year, m) / p.scaleShare;
  const towns = profiles
    .filter((p) => counted(p.town.code))
    .map((p) => ({ p, previous: gross(p, month - 1), current: gross(p, month) }))
    .filter((t) => t.previous > 0 && t.current > 0)
    .sort((a, b) => b.previous - a.previous);
  const moved = towns.some((t, i) => i > 0 && t.current > towns[i - 1].current);
  if (moved || towns.length < 2) return null;
  // The pair that needs the smallest order relative to the lower town's own month.
  const month_ = (t: (typeof towns)[number]) => t.current - gross(t.p, month - 1 >= 1 ? month - 1 : month);
  const pairs = towns.slice(1).map((lower, i) => ({ upper: towns[i], lower, effort: (towns[i].current * 1.005 - lower.current) / Math.max(1, month_(lower)) }));
  const { upper, lower } = pairs.sort((a, b) => a.effort - b.effort)[0];
  // Shared by the town's three biggest 规上 enterprises, in proportion to their size.
  const biggest = enterprises
    .filter((e) => e.townCode === lower.p.town.code && e.aboveScale[year] && year >= e.firstYear)
    .sort((a, b) => b.revenue[year] - a.revenue[year])
    .slice(0, 3);
  if (biggest.length === 0) return null;
  // Town output is its 规上 output / scaleShare; an enterprise's output is its sales × outputRatio.
  const neededOutput = (upper.current * 1.005 - lower.current) * lower.p.scaleShare;
  const size = biggest.reduce((a, e) => a + e.revenue[year], 0);
  let amount = 0;
  for (const e of biggest) {
    const sales = round2((neededOutput * (e.revenue[year] / size)) / e.outputRatio);
    addToMonth(e, year, month, sales);
    amount += sales;
  }
  return { town: lower.p.town.name, passed: upper.p.town.name, enterprise: biggest[0].name, amount: round2(amount), monthIncrease: round2(neededOutput / lower.p.scaleShare / month_(lower)) };
}
