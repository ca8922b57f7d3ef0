// `npm run bench` at toy scale: the generator (through Prisma, so it also runs on PGlite), every
// measured case, and the check that makes the floor a fair comparison — the app's overview and the
// hand-written floor query return the same figures. Also keeps the ComparableBase rollup the
// benchmark relies on honest: after edits it still equals its definition.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { currentDatabaseKind, currentPgPool, getPrisma } from "@/lib/db/client";
import { countedStatusesFor, getRegionOverview, OVERVIEW_TUNING } from "@/lib/overview/query";
import { countedStatuses, type Counting } from "@/lib/reports/periods";
import { compareOverviewPaths } from "@/scripts/bench/compare";
import { actualCounts, expectedCounts, generateDataset, type BenchSpec, type SqlRunner } from "@/scripts/bench/dataset";
import { floorFigures, floorOverview, LIVE_COMPARABLE_SQL, overviewFigures, ROLLUP_COMPARABLE_SQL } from "@/scripts/bench/floor";
import { benchCases, loadTargets, timeCase } from "@/scripts/bench/measure";
import { resetDatabase } from "../support/db";

// The floor query counts submitted reports unless the county is approved-only: the overview with submitted ones included.
const WITH_SUBMITTED: Counting = { includeSubmitted: true };

const SPEC: BenchSpec = { counties: 2, townsPerCounty: 3, enterprises: 40, firstYear: 2023, years: 3 };

function prismaRunner(): SqlRunner {
  const db = getPrisma();
  return {
    exec: (sql) => db.$executeRawUnsafe(sql),
    query: <T>(sql: string, params: unknown[] = []) => db.$queryRawUnsafe<T[]>(sql, ...params),
  };
}

type BaseRow = { town: number; year: number; month: number; value: string; enterprises: number };
const normalise = (rows: BaseRow[]) => rows.map((r) => `${r.town}|${r.year}|${r.month}|${new Decimal(r.value).toFixed()}|${r.enterprises}`);

async function expectRollupEqualsDefinition(sql: SqlRunner) {
  const live = normalise(await sql.query<BaseRow>(LIVE_COMPARABLE_SQL));
  expect(live.length).toBeGreaterThan(0);
  expect(normalise(await sql.query<BaseRow>(ROLLUP_COMPARABLE_SQL))).toEqual(live);
}

let sql: SqlRunner;

beforeAll(async () => {
  await resetDatabase();
  sql = prismaRunner();
  await generateDataset(sql, SPEC);
}, 60_000);

describe("bench smoke run", () => {
  it("generates the planned rows", async () => {
    expect(await actualCounts(sql, SPEC)).toEqual(expectedCounts(SPEC));
  });

  it("times every case, and the overview shows exactly the floor query's figures", async () => {
    const targets = await loadTargets(SPEC);
    expect(targets.counties).toHaveLength(SPEC.counties);
    for (const c of await benchCases(targets, sql)) {
      for (const t of await timeCase(c, 3, 1)) {
        expect(t.iterations).toBe(3);
        expect(Number.isFinite(t.p95) && t.p95 >= t.p50).toBe(true);
      }
    }
    const { year, month } = targets.period;
    for (const [region, depth] of [...targets.counties.map((c) => [c, 1] as const), [targets.root, 2] as const]) {
      const overview = overviewFigures(await getRegionOverview(region, year, month, undefined, WITH_SUBMITTED));
      const floor = floorFigures(await floorOverview(sql, region.id, year, month, depth));
      expect(overview.size).toBe(floor.size);
      expect(overview).toEqual(floor);
    }
    // The generated month end has drafts, and 同口径 bases where towns reported: both paths are exercised.
    const county = await getRegionOverview(targets.counties[0], year, month, undefined, WITH_SUBMITTED);
    expect(county.children.some((c) => c.values.above_scale_output.baseKind === "comparable")).toBe(true);

    // A city's sums split in two parallel statements (from 500 towns on) give the same overview.
    const whole = await getRegionOverview(targets.root, year, month, undefined, WITH_SUBMITTED);
    const saved = OVERVIEW_TUNING.splitFrom;
    OVERVIEW_TUNING.splitFrom = 1;
    try {
      expect(await getRegionOverview(targets.root, year, month, undefined, WITH_SUBMITTED)).toEqual(whole);
    } finally {
      OVERVIEW_TUNING.splitFrom = saved;
    }
  });

  it("answers the same on the pg pool as through Prisma (the bench's old-vs-new comparison)", async () => {
    // On a PostgreSQL server the overview's statements go to the pg pool under Prisma; on PGlite both are Prisma's.
    expect(currentPgPool() !== undefined).toBe(currentDatabaseKind() === "postgres");
    const { compared, differences } = await compareOverviewPaths(await loadTargets(SPEC));
    expect(differences).toEqual([]);
    // 2 counties × 4 periods × 6 (countings × indicator sets), a town likewise, the root × 4 periods.
    expect(compared).toBe(3 * 4 * 6 + 4);
  });

  it("counts what countedStatuses counts, for an approved-only county too", async () => {
    const db = getPrisma();
    const targets = await loadTargets(SPEC);
    const { year, month } = targets.period;
    const [a] = targets.counties;
    // One of its reports only submitted, not yet approved.
    const town = await db.region.findFirstOrThrow({ where: { parentId: a.id }, select: { id: true }, orderBy: { id: "asc" } });
    await db.townReport.update({ where: { regionId_year_month: { regionId: town.id, year, month } }, data: { status: "SUBMITTED" } });
    const before = await getRegionOverview(a, year, month, undefined, WITH_SUBMITTED);
    for (const approvedOnly of [false, true]) {
      await db.region.update({ where: { id: a.id }, data: { approvedOnly } });
      expect(await countedStatuses(a.id, WITH_SUBMITTED)).toEqual(countedStatusesFor(approvedOnly));
      const overview = await getRegionOverview(a, year, month, undefined, WITH_SUBMITTED);
      expect(overviewFigures(overview)).toEqual(floorFigures(await floorOverview(sql, a.id, year, month)));
      // Approved-only leaves the submitted report out.
      if (approvedOnly) expect(overviewFigures(overview)).not.toEqual(overviewFigures(before));
    }
  });

  it("counts a value by its own report's status, wherever that report is", async () => {
    // Every writer stores a value with its report's town and period, and the overview's county query
    // uses that to look statuses up by report; it must still be exact when a value says otherwise.
    const db = getPrisma();
    const targets = await loadTargets(SPEC);
    const { year, month } = targets.period;
    const county = targets.counties[1];
    const towns = await db.region.findMany({ where: { parentId: county.id }, select: { id: true }, orderBy: { id: "asc" } });
    const reports = await db.townReport.findMany({ where: { regionId: { in: towns.map((t) => t.id) }, year, month }, select: { id: true, regionId: true, status: true } });
    const draft = await db.townReport.create({ data: { regionId: towns[0].id, year: year + 1, month, status: "DRAFT" }, select: { id: true } });
    const elsewhere = await db.townReport.findFirstOrThrow({ where: { status: "APPROVED", year: year - 1, month: 1 }, select: { id: true } });
    const gross = await db.indicator.findUniqueOrThrow({ where: { code: "gross_output" }, select: { id: true } });
    const counted = reports.filter((r) => r.status === "APPROVED");
    expect(counted.length).toBeGreaterThan(1);
    const before = await getRegionOverview(county, year, month, undefined, WITH_SUBMITTED);
    // A counted town's value now belongs to a draft (of another period); another's to an approved report elsewhere.
    await db.reportValue.updateMany({ where: { reportId: counted[0].id, indicatorId: gross.id }, data: { reportId: draft.id } });
    await db.reportValue.deleteMany({ where: { reportId: elsewhere.id, indicatorId: gross.id } });
    await db.reportValue.updateMany({ where: { reportId: counted[1].id, indicatorId: gross.id }, data: { reportId: elsewhere.id } });
    const overview = await getRegionOverview(county, year, month, undefined, WITH_SUBMITTED);
    expect(overviewFigures(overview)).toEqual(floorFigures(await floorOverview(sql, county.id, year, month)));
    expect(overview.totals.gross_output.value).not.toBe(before.totals.gross_output.value);
  });

  it("keeps the 同口径 rollup equal to its definition through edits", async () => {
    const db = getPrisma();
    await expectRollupEqualsDefinition(sql);
    const gross = await db.indicator.findUniqueOrThrow({ where: { code: "gross_output" }, select: { id: true } });
    const [a, b] = await db.enterprise.findMany({ select: { id: true, townId: true }, orderBy: { id: "asc" }, take: 2 });
    const otherTown = await db.region.findFirstOrThrow({ where: { level: "TOWN", id: { not: a.townId } }, select: { id: true } });

    // A corrected figure, a deleted one, an upsert the way the import writes them.
    await db.enterpriseValue.updateMany({ where: { enterpriseId: a.id, indicatorId: gross.id, year: 2024 }, data: { value: "12345.6789" } });
    await db.enterpriseValue.deleteMany({ where: { enterpriseId: b.id, indicatorId: gross.id, year: 2024, month: { in: [3, 4] } } });
    await db.$executeRawUnsafe(
      `INSERT INTO "EnterpriseValue" ("enterpriseId", "indicatorId", year, month, value)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::numeric[])
       ON CONFLICT ("enterpriseId", "indicatorId", year, month) DO UPDATE SET value = EXCLUDED.value`,
      [b.id, b.id], [gross.id, gross.id], [2024, 2024], [3, 5], ["777.0000", "888.5000"],
    );
    await expectRollupEqualsDefinition(sql);

    // Leaving 规上 mid-year, then coming back; an enterprise moving town; one deleted with its figures.
    await db.enterpriseScaleChange.create({ data: { enterpriseId: a.id, year: 2025, month: 6, aboveScale: false } });
    await expectRollupEqualsDefinition(sql);
    await db.enterpriseScaleChange.upsert({
      where: { enterpriseId_year_month: { enterpriseId: a.id, year: 2025, month: 6 } },
      create: { enterpriseId: a.id, year: 2025, month: 6, aboveScale: true },
      update: { aboveScale: true },
    });
    await db.enterprise.update({ where: { id: b.id }, data: { townId: otherTown.id } });
    await expectRollupEqualsDefinition(sql);
    await db.enterprise.delete({ where: { id: a.id } });
    await expectRollupEqualsDefinition(sql);
  });
});
