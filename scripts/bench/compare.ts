// Old and new paths of the overview give the same answer. A speed-up of getRegionOverview must not
// change a figure: `npm run bench` compares, before it measures, the overview on the pg pool (the path
// it times on a server) with the overview through Prisma's raw query (the path before decision 005's
// third pass, and PGlite's), whole overviews compared strictly (−0 and 0 differ), over every county, the
// root and a town; the measured period, last month, a January and a December; approved-only and with
// submitted reports; all indicators, one, and the 同口径 one alone. tests/integration/bench-smoke.test.ts
// runs it at toy scale.
import { isDeepStrictEqual } from "node:util";
import { getRegionOverview, OVERVIEW_TUNING } from "../../lib/overview/query";
import type { Counting } from "../../lib/reports/periods";
import { previousPeriod } from "../../lib/stats";
import { listChildRegions, type RegionRef } from "../../lib/regions";
import type { BenchTargets } from "./measure";

export type PathComparison = { compared: number; differences: string[] };

const COUNTINGS: Counting[] = [{ includeSubmitted: false }, { includeSubmitted: true }];
const CODE_SETS: (string[] | undefined)[] = [undefined, ["gross_output"], ["above_scale_output"]];

async function withPool<T>(viaPool: boolean, run: () => Promise<T>): Promise<T> {
  const saved = OVERVIEW_TUNING.viaPool;
  OVERVIEW_TUNING.viaPool = viaPool;
  try {
    return await run();
  } finally {
    OVERVIEW_TUNING.viaPool = saved;
  }
}

/** Compares the two paths; `every` > 1 takes every n-th county (the root and a town are always in). */
export async function compareOverviewPaths(t: BenchTargets, every = 1): Promise<PathComparison> {
  const { year } = t.period;
  const periods = [t.period, previousPeriod(t.period)!, { year, month: 1 }, { year: year - 1, month: 12 }];
  const [town] = await listChildRegions(t.counties[0].id);
  const regions: RegionRef[] = [t.root, ...t.counties.filter((_, i) => i % every === 0), ...(town ? [town] : [])];
  const differences: string[] = [];
  let compared = 0;
  for (const region of regions) {
    for (const p of periods) {
      // The root is large: one counting and all indicators there.
      const cases = region.id === t.root.id ? [{ counting: COUNTINGS[1], codes: undefined }] : COUNTINGS.flatMap((counting) => CODE_SETS.map((codes) => ({ counting, codes })));
      for (const { counting, codes } of cases) {
        const run = () => getRegionOverview(region, p.year, p.month, codes, counting);
        const [viaPool, viaPrisma] = [await withPool(true, run), await withPool(false, run)];
        compared++;
        if (!isDeepStrictEqual(viaPool, viaPrisma)) {
          differences.push(`${region.code} ${p.year}-${p.month} ${counting.includeSubmitted ? "含已报送" : "仅已审核"} ${codes?.join(",") ?? "全部指标"}`);
        }
      }
    }
  }
  return { compared, differences };
}
