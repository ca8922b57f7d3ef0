// Synthetic but internally consistent figures for the demo county (pure: no database).
// Enterprises are generated first; a town's 规上 output is the sum of its 规上 enterprises, so
// 同口径 growth computed from enterprises agrees with the town's own figures.
// Every year has its own monthly pattern, leaning early or late per town (a big order, a plant shut
// for an upgrade, a late harvest): towns' YTD paths cross and their growth rates drift month to
// month, so rankings move between consecutive months as real ones do.
import { between, intBetween, makeRng, pick, type Rng } from "./random";
import { DEMO_TOWNS, INDUSTRIES, LOSS_TO_PROFIT_TOWN, NAME_SUFFIXES, NAME_WORDS, SHRINKING_LOSS_TOWN, type DemoTown } from "./places";

// Share of a year's output produced in each month (sums to 100): slow Spring Festival, strong December.
const MONTH_WEIGHTS = [6.5, 6, 8, 8, 8.5, 9, 8, 8, 8.5, 9, 9.5, 11];

/** Cumulative share of the year reached by the end of each month, 1..12 (month index 0..11). */
export function cumulativeShares(rng: Rng, jitter = 0.15): number[] {
  return accumulate(MONTH_WEIGHTS.map((x) => x * (1 + (rng() - 0.5) * 2 * jitter)));
}

function accumulate(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((x) => (acc += x) / total);
}

/** Largest lean of a year towards its first (< 0) or second (> 0) half; weights stay positive. */
const MAX_TILT = 0.45;

/**
 * One year's cumulative shares from a usual pattern (`habit`, cumulative): each month's weight
 * jittered and leaned by `tilt` (−MAX_TILT…MAX_TILT), January light and December heavy when > 0.
 * Every weight stays positive, so YTD never falls.
 */
export function yearShares(habit: number[], rng: Rng, jitter: number, tilt: number): number[] {
  const lean = Math.max(-MAX_TILT, Math.min(MAX_TILT, tilt));
  return accumulate(habit.map((c, i) => (c - (i === 0 ? 0 : habit[i - 1])) * (1 + (lean * (i - 5.5)) / 5.5) * (1 + (rng() - 0.5) * 2 * jitter)));
}

/**
 * Each town's lean per year (see yearShares), shared by its enterprises and its own figures. Small:
 * ±0.08 moves a town's January 同比 by some ten points and its December 同比 not at all.
 */
export function townTilts(years: number[], seed = 31): Map<string, Record<number, number>> {
  const rng = makeRng(seed);
  return new Map(DEMO_TOWNS.map((t) => [t.code, Object.fromEntries(years.map((y) => [y, between(rng, -0.08, 0.08)]))]));
}

const INTEGER_CODES = new Set(["above_scale_count", "new_above_scale", "employees", "new_private_enterprises", "new_individual_businesses", "attracted_projects"]);

const round2 = (x: number) => Math.round(x * 100) / 100; // generator only: stored as exact 2-decimal strings

export type DemoEnterprise = {
  index: number;
  townCode: string;
  name: string;
  industryCode: string;
  ownership: "PRIVATE" | "STATE" | "FOREIGN" | "HMT";
  parkIndex: number | null;
  /** Annual sales revenue (万元) per year. */
  revenue: Record<number, number>;
  aboveScale: Record<number, boolean>;
  /** Cumulative share of the year's revenue by month, per year. */
  shares: Record<number, number[]>;
  margin: number;
  taxRate: number;
  outputRatio: number;
  firstYear: number;
};

export function generateEnterprises(years: number[], seed = 20240701): DemoEnterprise[] {
  const rng = makeRng(seed);
  // A second stream for the yearly patterns, so names, sizes and industries stay as they were.
  const season = makeRng(seed + 1);
  const tilts = townTilts(years);
  const totalSize = DEMO_TOWNS.reduce((a, t) => a + t.size, 0);
  const out: DemoEnterprise[] = [];
  const drawnNames = new Set<string>();
  const names = new Set<string>();
  for (const town of DEMO_TOWNS) {
    const count = Math.round((300 * town.size) / totalSize);
    for (let i = 0; i < count; i++) {
      // The draws are kept as they always were (so every figure of the demo stays put); the name's
      // ending is then chosen to fit the firm's industry, drawn further down.
      let drawn = "";
      let stem = "";
      do {
        stem = `兴化市${pick(rng, NAME_WORDS)}${pick(rng, NAME_WORDS).slice(0, 1)}`;
        drawn = `${stem}${pick(rng, NAME_SUFFIXES)}`;
      } while (drawnNames.has(drawn));
      drawnNames.add(drawn);
      // Log-uniform size: many small firms, a few big ones (≈ 500万 to 150,000万 a year).
      const base = Math.exp(between(rng, Math.log(500), Math.log(150000)));
      const trend = between(rng, -0.12, 0.28);
      const firstYear = town.newThisYear ? years[years.length - 1] : years[0];
      const revenue: Record<number, number> = {};
      let r = base;
      for (const y of years) {
        revenue[y] = round2(r);
        r *= 1 + trend + between(rng, -0.08, 0.08);
      }
      const aboveScale: Record<number, boolean> = {};
      for (const y of years) aboveScale[y] = (revenue[y - 1] ?? revenue[y]) >= 2000;
      const habit = cumulativeShares(rng);
      const own = between(season, -0.12, 0.12);
      const shares = Object.fromEntries(years.map((y) => [y, yearShares(habit, season, 0.1, tilts.get(town.code)![y] + own)]));
      const parkIndex = town.code === "321281001000" ? 0 : town.code === "321281100000" ? (rng() < 0.6 ? 1 : null) : town.code === "321281101000" ? (rng() < 0.5 ? 2 : null) : null;
      const industry = pick(rng, INDUSTRIES);
      const name = industryName(stem, industry.suffixes, names);
      names.add(name);
      out.push({
        index: out.length,
        townCode: town.code,
        name,
        industryCode: industry.code,
        ownership: rng() < 0.86 ? "PRIVATE" : pick(rng, ["STATE", "FOREIGN", "HMT"] as const),
        parkIndex,
        revenue,
        aboveScale,
        shares,
        margin: between(rng, 0.02, 0.09),
        taxRate: between(rng, 0.025, 0.05),
        outputRatio: between(rng, 0.97, 1.06),
        firstYear,
      });
    }
  }
  return out;
}

/** The first of the industry's name endings not yet taken for this stem; a number when all are. */
function industryName(stem: string, suffixes: readonly string[], taken: Set<string>): string {
  for (const suffix of suffixes) if (!taken.has(stem + suffix)) return stem + suffix;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}${suffixes[0]}`)) return `${stem}${n}${suffixes[0]}`;
}

/** An enterprise's YTD figures for a period, or null before it reports. */
export function enterpriseYtd(e: DemoEnterprise, year: number, month: number) {
  if (year < e.firstYear || e.revenue[year] === undefined) return null;
  const share = e.shares[year][month - 1];
  const sales = round2(e.revenue[year] * share);
  return {
    gross_output: round2(sales * e.outputRatio),
    sales_revenue: sales,
    profit: round2(sales * e.margin),
    tax: round2(sales * e.taxRate),
  };
}

export type TownProfile = {
  town: DemoTown;
  scaleShare: number;
  valueAddedRatio: number;
  salesRatio: number;
  taxRate: number;
  margin: Record<number, number>;
  investment: Record<number, number>;
  newPrivate: Record<number, number>;
  newIndividual: Record<number, number>;
  newCapital: Record<number, number>;
  fundsArrived: Record<number, number>;
  employeesPerWan: number;
  /** Cumulative shares per year: registrations and employees follow the town's year… */
  shares: Record<number, number[]>;
  /** …investment is lumpier (projects start and pay out unevenly). */
  investmentShares: Record<number, number[]>;
};

export function townProfiles(years: number[], seed = 7): TownProfile[] {
  const rng = makeRng(seed);
  const season = makeRng(seed + 1);
  const tilts = townTilts(years);
  return DEMO_TOWNS.map((town) => {
    const margin: Record<number, number> = {};
    const investment: Record<number, number> = {};
    const newPrivate: Record<number, number> = {};
    const newIndividual: Record<number, number> = {};
    const newCapital: Record<number, number> = {};
    const fundsArrived: Record<number, number> = {};
    let inv = town.size * between(rng, 30000, 60000);
    for (const y of years) {
      margin[y] = between(rng, 0.035, 0.075);
      investment[y] = round2(inv);
      inv *= between(rng, 0.85, 1.3);
      newPrivate[y] = intBetween(rng, 60, 260) * town.size;
      newIndividual[y] = intBetween(rng, 200, 800) * town.size;
      newCapital[y] = round2(town.size * between(rng, 20000, 80000));
      fundsArrived[y] = round2(town.size * between(rng, 8000, 40000));
    }
    const last = years[years.length - 1];
    if (town.code === LOSS_TO_PROFIT_TOWN) {
      margin[last - 1] = -0.021;
      margin[last] = 0.018;
    }
    if (town.code === SHRINKING_LOSS_TOWN) {
      margin[last - 1] = -0.034;
      margin[last] = -0.012;
    }
    // Drawn in the order they always were, so the demo county's other figures stay the same.
    const fixed = {
      scaleShare: between(rng, 0.78, 0.9),
      valueAddedRatio: between(rng, 0.21, 0.29),
      salesRatio: between(rng, 0.93, 1.02),
      taxRate: between(rng, 0.028, 0.045),
    };
    const employeesPerWan = between(rng, 0.012, 0.02);
    const habit = cumulativeShares(rng, 0.08);
    const tilt = tilts.get(town.code)!;
    return {
      town,
      ...fixed,
      margin,
      investment,
      newPrivate,
      newIndividual,
      newCapital,
      fundsArrived,
      employeesPerWan,
      shares: Object.fromEntries(years.map((y) => [y, yearShares(habit, season, 0.05, tilt[y])])),
      investmentShares: Object.fromEntries(years.map((y) => [y, yearShares(habit, season, 0.25, between(season, -0.3, 0.3))])),
    };
  });
}

/**
 * A town's YTD figures for a period, keyed by indicator code, as exact 2-decimal strings.
 * `aboveScale` is the town's 规上 enterprises' summed output for the period; `attraction` the
 * projects signed so far this year and their planned investment (万元, converted).
 */
export function townYtd(
  p: TownProfile,
  year: number,
  month: number,
  scale: { output: number; count: number; newCount: number },
  attraction: { projects: number; investment: number },
): Record<string, string> {
  const share = p.shares[year][month - 1];
  const aboveScaleOutput = scale.output;
  const gross = round2(aboveScaleOutput / p.scaleShare);
  const sales = round2(gross * p.salesRatio);
  const profit = round2(sales * p.margin[year]);
  const tax = round2(sales * p.taxRate);
  const fai = round2(p.investment[year] * p.investmentShares[year][month - 1]);
  const v: Record<string, number> = {
    gross_output: gross,
    above_scale_output: aboveScaleOutput,
    value_added: round2(gross * p.valueAddedRatio),
    sales_revenue: sales,
    invoiced_sales: round2(sales * 0.91),
    profit,
    profit_tax: round2(profit + tax),
    tax,
    fixed_asset_investment: fai,
    industrial_investment: round2(fai * 0.72),
    electricity: round2(gross * 0.021),
    above_scale_count: scale.count,
    new_above_scale: scale.newCount,
    employees: Math.round((gross / share) * p.employeesPerWan),
    new_private_enterprises: Math.floor(p.newPrivate[year] * share),
    new_individual_businesses: Math.floor(p.newIndividual[year] * share),
    new_private_capital: round2(p.newCapital[year] * share),
    attracted_projects: attraction.projects,
    attracted_investment: round2(attraction.investment),
    funds_arrived: round2(p.fundsArrived[year] * share),
  };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, INTEGER_CODES.has(k) ? String(x) : x.toFixed(2)]));
}
