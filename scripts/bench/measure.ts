// Timing of the app's own read paths, in process, against whatever database lib/db/client has
// installed: getRegionOverview for a county and for the root, a 36-month getSeries, getRanking —
// and the plain-SQL floor for the same overviews, timed the same way.
import { getRegionOverview } from "../../lib/overview/query";
import { getRanking } from "../../lib/overview/rankings";
import { getSeries } from "../../lib/overview/series";
import { getPrisma } from "../../lib/db/client";
import { getRegionByCode, listChildRegions, type RegionRef } from "../../lib/regions";
import { floorOverview } from "./floor";
import { lastPeriod, periodsOf, ROOT_CODE, type BenchSpec, type Period, type SqlRunner } from "./dataset";

export type Timing = { key: string; label: string; iterations: number; p50: number; p95: number; mean: number; min: number; max: number };

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarise(key: string, label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    key,
    label,
    iterations: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Times a case, and its floor when it has one: the two alternate call by call, so a change in the
 * machine's load during the run (other processes, the database's own housekeeping) hits both alike.
 */
export async function timeCase(c: BenchCase, iterations: number, warmup: number): Promise<Timing[]> {
  const runs = [{ key: c.key, label: c.label, run: c.run }, ...(c.floor ? [{ key: `${c.key}-floor`, ...c.floor }] : [])];
  for (let i = 0; i < warmup; i++) for (const r of runs) await r.run(i);
  const samples = runs.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    for (const [k, r] of runs.entries()) {
      const started = performance.now();
      await r.run(i);
      samples[k].push(performance.now() - started);
    }
  }
  return runs.map((r, k) => summarise(r.key, r.label, samples[k]));
}

type Run = (i: number) => Promise<unknown>;
export type BenchCase = { key: string; label: string; run: Run; floor?: { label: string; run: Run } };

export type BenchTargets = { root: RegionRef; counties: RegionRef[]; period: Period; from: Period; to: Period };

/** The regions and periods the cases read: every county in turn (so no single county stays hot), the last period. */
export async function loadTargets(spec: BenchSpec): Promise<BenchTargets> {
  const root = await getRegionByCode(ROOT_CODE);
  if (!root) throw new Error(`基准数据缺少根区域 ${ROOT_CODE} / no bench root region`);
  const counties = await listChildRegions(root.id);
  const periods = periodsOf(spec);
  return { root, counties, period: lastPeriod(spec), from: periods[0], to: periods[periods.length - 1] };
}

/**
 * The measured cases. `floorSql` runs the floor query (a pg client in `npm run bench`); each case
 * gets the iteration number and picks the county with it, so the overview and its floor read the
 * same counties in the same order.
 */
export async function benchCases(t: BenchTargets, floorSql: SqlRunner): Promise<BenchCase[]> {
  const indicator = await getPrisma().indicator.findUniqueOrThrow({
    where: { code: "gross_output" },
    select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, percentPrecision: true, priceBasis: true },
  });
  const { id: _id, ...overviewIndicator } = indicator;
  const county = (i: number) => t.counties[i % t.counties.length];
  const { year, month } = t.period;
  const months = (t.to.year - t.from.year) * 12 + t.to.month - t.from.month + 1;
  return [
    {
      key: "county",
      label: "县级总览 county overview",
      run: (i) => getRegionOverview(county(i), year, month),
      floor: { label: "县级总览 · SQL 下限 county overview floor", run: (i) => floorOverview(floorSql, county(i).id, year, month) },
    },
    {
      key: "province",
      label: "省级根总览 province-root overview",
      run: () => getRegionOverview(t.root, year, month),
      floor: { label: "省级根总览 · SQL 下限 province-root floor", run: () => floorOverview(floorSql, t.root.id, year, month, 2) },
    },
    { key: "series-county", label: `县 ${months} 个月序列 county ${months}-month series`, run: (i) => getSeries(county(i), indicator, t.from, t.to) },
    { key: "series-province", label: `省 ${months} 个月序列 province ${months}-month series`, run: () => getSeries(t.root, indicator, t.from, t.to) },
    { key: "ranking-county", label: "乡镇增幅排名 towns ranked by growth", run: (i) => getRanking(county(i), t.period, overviewIndicator, "growth") },
    { key: "ranking-province", label: "县区增幅排名 counties ranked by growth", run: () => getRanking(t.root, t.period, overviewIndicator, "growth") },
  ];
}
