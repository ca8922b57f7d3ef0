// The demo county, seeded into a real database, and the statistics API answering from it.
// Expected figures are recomputed here from the raw rows with plain SQL and decimal.js.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { GET as rankingsGET } from "@/app/api/v1/rankings/route";
import { GET as regionsGET } from "@/app/api/v1/regions/route";
import { GET as seriesGET } from "@/app/api/v1/series/route";
import { getPrisma } from "@/lib/db/client";
import { isValidCreditCode } from "@/lib/enterprises/credit-code";
import { DEMO_COUNTY, LOSS_TO_PROFIT_TOWN, SHRINKING_LOSS_TOWN } from "@/lib/demo/places";
import { seedDemoCounty } from "@/lib/demo/seed";
import type { Cell } from "@/lib/overview/compute";
import { projectBucket } from "@/lib/stats";
import { callApi, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

const Y = 2024;
const M = 7;
const NEW_ZONE = "321281400000";
let token: string;

type Overview = { totals: Record<string, Cell>; children: { region: { code: string; name: string }; values: Record<string, Cell> }[]; timeProgressPercent: number };

async function rawValue(townCode: string, code: string, year: number, month: number): Promise<Decimal | null> {
  const rows = await getPrisma().$queryRaw<{ value: string }[]>`
    SELECT v.value::text AS value FROM "ReportValue" v
    JOIN "Region" r ON r.id = v."regionId" JOIN "Indicator" i ON i.id = v."indicatorId"
    JOIN "TownReport" t ON t.id = v."reportId"
    WHERE r.code = ${townCode} AND i.code = ${code} AND v.year = ${year} AND v.month = ${month} AND t.status IN ('SUBMITTED', 'APPROVED')`;
  return rows[0] ? new Decimal(rows[0].value) : null;
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoCounty(getPrisma(), { throughYear: Y, throughMonth: M });
  token = await createApiToken("reviewer");
}, 180_000);

describe("demo county seed", () => {
  it("has one county with 14 towns, 3 parks, about 300 enterprises with valid unique credit codes", async () => {
    const db = getPrisma();
    const county = await db.region.findUniqueOrThrow({ where: { code: DEMO_COUNTY.code }, select: { id: true, level: true } });
    expect(county.level).toBe("COUNTY");
    const towns = await db.region.findMany({ where: { parentId: county.id }, select: { code: true } });
    expect(towns).toHaveLength(14);
    for (const t of towns) expect(t.code).toMatch(/^321281\d{3}000$/);
    expect(await db.park.count()).toBe(3);
    const codes = (await db.enterprise.findMany({ select: { creditCode: true } })).map((e) => e.creditCode);
    expect(codes.length).toBeGreaterThanOrEqual(280);
    expect(codes.length).toBeLessThanOrEqual(320);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !isValidCreditCode(c))).toEqual([]);
  });

  it("has about 60 projects in every size bucket and several stages, and USD investment records", async () => {
    const db = getPrisma();
    const projects = await db.project.findMany({ select: { totalInvestment: true, stage: true } });
    expect(projects.length).toBeGreaterThanOrEqual(55);
    const buckets = new Set(projects.map((p) => projectBucket(p.totalInvestment.toString())));
    expect([...buckets].sort()).toEqual(["10m_50m", "50m_100m", "ge100m", "ge1b", "lt10m"]);
    expect(new Set(projects.map((p) => p.stage)).size).toBe(6);
    expect(await db.attractionRecord.count({ where: { currency: "USD" } })).toBeGreaterThan(0);
    const rates = await db.period.count({ where: { usdRate: null } });
    expect(rates).toBe(0);
  });

  it("keeps YTD figures consistent: never falling for non-negative flows, 增加值 < 产值, 利税 ≥ 利润", async () => {
    const db = getPrisma();
    const falling = await db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "ReportValue" a
      JOIN "ReportValue" b ON b."regionId" = a."regionId" AND b."indicatorId" = a."indicatorId" AND b.year = a.year AND b.month = a.month - 1
      JOIN "Indicator" i ON i.id = a."indicatorId"
      WHERE i.kind = 'FLOW' AND NOT i."allowNegative" AND a.value < b.value`;
    expect(Number(falling[0].n)).toBe(0);
    const bad = await db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "TownReport" t
      JOIN "ReportValue" go ON go."reportId" = t.id AND go."indicatorId" = (SELECT id FROM "Indicator" WHERE code = 'gross_output')
      JOIN "ReportValue" va ON va."reportId" = t.id AND va."indicatorId" = (SELECT id FROM "Indicator" WHERE code = 'value_added')
      JOIN "ReportValue" pr ON pr."reportId" = t.id AND pr."indicatorId" = (SELECT id FROM "Indicator" WHERE code = 'profit')
      JOIN "ReportValue" pt ON pt."reportId" = t.id AND pt."indicatorId" = (SELECT id FROM "Indicator" WHERE code = 'profit_tax')
      WHERE va.value >= go.value OR pt.value < pr.value`;
    expect(Number(bad[0].n)).toBe(0);
  });

  it("has annual plans for every town and a user for every role", async () => {
    const db = getPrisma();
    const towns = await db.region.findMany({ where: { level: "TOWN" }, select: { id: true } });
    for (const t of towns) expect(await db.annualPlan.count({ where: { regionId: t.id, year: Y } })).toBeGreaterThan(5);
    const roles = (await db.user.findMany({ select: { role: true } })).map((u) => u.role);
    expect(new Set(roles)).toEqual(new Set(["ADMIN", "REVIEWER", "LEADER", "REPORTER", "CITY_REVIEWER", "CITY_LEADER"]));
    // The city's users belong to the city (泰州市), not to the county.
    const cityUsers = await db.user.findMany({ where: { role: { in: ["CITY_REVIEWER", "CITY_LEADER"] } }, select: { region: { select: { level: true, name: true } } } });
    expect(cityUsers.map((u) => u.region)).toEqual([{ level: "CITY", name: "泰州市" }, { level: "CITY", name: "泰州市" }]);
  });
});

describe("GET /api/v1/overview", () => {
  let overview: Overview;
  beforeAll(async () => {
    // Submitted reports included: the demo's July story (扭亏为盈, rank moves, 同口径) spans towns not yet approved.
    const res = await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}&period=${Y}-07&include=submitted`, token);
    expect(res.status).toBe(200);
    overview = res.body as unknown as Overview;
  });

  it("answers the documented shape with the time progress of July", () => {
    expect(overview.timeProgressPercent).toBeCloseTo(58.3333, 3);
    expect(overview.children).toHaveLength(14);
    const cell = overview.totals.gross_output;
    for (const key of ["value", "base", "yoyPercent", "lossChange", "increase", "plan", "planCompletionPercent", "scheduleGapPoints", "sharePercent", "rank", "growthRank", "rankChange", "growthRankChange", "contributionPercent", "pullPoints"]) {
      expect(cell).toHaveProperty(key);
    }
  });

  it("computes a town's 同比 from the stored figures exactly", async () => {
    const town = overview.children.find((c) => c.region.name === "戴南镇")!;
    const value = (await rawValue(town.region.code, "sales_revenue", Y, M))!;
    const base = (await rawValue(town.region.code, "sales_revenue", Y - 1, M))!;
    const cell = town.values.sales_revenue;
    expect(cell.value).toBe(value.toFixed());
    expect(cell.base).toBe(base.toFixed());
    expect(cell.yoyPercent).toBeCloseTo(value.minus(base).div(base).times(100).toNumber(), 9);
    expect(cell.baseKind).toBe("reported");
  });

  it("sums the county total exactly from its towns and ranks them", async () => {
    let sum = new Decimal(0);
    for (const c of overview.children) {
      const v = await rawValue(c.region.code, "gross_output", Y, M);
      if (v) sum = sum.plus(v);
    }
    expect(overview.totals.gross_output.value).toBe(sum.toFixed());
    const ranked = overview.children.filter((c) => c.values.gross_output.rank !== null).sort((a, b) => a.values.gross_output.rank! - b.values.gross_output.rank!);
    for (let i = 1; i < ranked.length; i++) {
      expect(new Decimal(ranked[i - 1].values.gross_output.value!).gte(ranked[i].values.gross_output.value!)).toBe(true);
    }
    const shares = overview.children.reduce((a, c) => a + (c.values.gross_output.sharePercent ?? 0), 0);
    expect(shares).toBeCloseTo(100, 9);
  });

  it("describes a negative base in words: 扭亏为盈 and 减亏", () => {
    const lossToProfit = overview.children.find((c) => c.region.code === LOSS_TO_PROFIT_TOWN)!.values.profit;
    expect(Number(lossToProfit.base)).toBeLessThan(0);
    expect(Number(lossToProfit.value)).toBeGreaterThan(0);
    expect(lossToProfit.lossChange).toBe("扭亏为盈");
    expect(lossToProfit.yoyPercent).toBeNull();
    expect(overview.children.find((c) => c.region.code === SHRINKING_LOSS_TOWN)!.values.profit.lossChange).toBe("减亏");
  });

  it("moves towns in the 工业总产值 ranking since last month, by total and by growth", () => {
    const changes = (key: "rankChange" | "growthRankChange") => overview.children.map((c) => c.values.gross_output[key]).filter((x): x is number => x !== null);
    for (const key of ["rankChange", "growthRankChange"] as const) {
      const moved = changes(key);
      expect(moved.some((x) => x > 0), key).toBe(true);
      expect(moved.some((x) => x < 0), key).toBe(true);
      // Each move up is matched by moves down among the same towns.
      expect(moved.reduce((a, b) => a + b, 0), key).toBe(0);
    }
  });

  it("shows null, never NaN, for a town with no figures last year", () => {
    const zone = overview.children.find((c) => c.region.code === NEW_ZONE)!.values.gross_output;
    expect(zone.value).not.toBeNull();
    expect(zone.base).toBeNull();
    expect(zone.yoyPercent).toBeNull();
    expect(zone.growthRank).toBeNull();
  });

  it("uses the comparable (同口径) base for 规上工业总产值, from last year's figures of this year's 规上 enterprises", async () => {
    const town = overview.children.find((c) => c.region.name === "张郭镇")!;
    const rows = await getPrisma().$queryRaw<{ s: string }[]>`
      SELECT SUM(ev.value)::text AS s FROM "EnterpriseValue" ev
      JOIN "Enterprise" e ON e.id = ev."enterpriseId" JOIN "Region" r ON r.id = e."townId"
      JOIN "Indicator" i ON i.id = ev."indicatorId"
      WHERE r.code = ${town.region.code} AND i.code = 'gross_output' AND ev.year = ${Y - 1} AND ev.month = ${M}
        AND (SELECT c."aboveScale" FROM "EnterpriseScaleChange" c WHERE c."enterpriseId" = e.id AND (c.year, c.month) <= (${Y}, ${M}) ORDER BY c.year DESC, c.month DESC LIMIT 1)`;
    const cell = town.values.above_scale_output;
    expect(cell.baseKind).toBe("comparable");
    expect(cell.base).toBe(new Decimal(rows[0].s).toFixed());
  });

  it("never puts NaN, Infinity or undefined in the JSON", async () => {
    const res = await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}&period=${Y}-07`, token);
    expect(res.text).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe("API errors", () => {
  it("400 with a Chinese message on a bad period", async () => {
    const res = await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}&period=2024-13`, token);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("bad_request");
    expect(res.body.error?.message).toContain("统计期应为 YYYY-MM 格式");
  });

  it("401 without credentials, and with a revoked token", async () => {
    expect((await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}`)).status).toBe(401);
    const revoked = await createApiToken("leader");
    await getPrisma().apiToken.updateMany({ where: { name: "test leader" }, data: { revokedAt: new Date() } });
    expect((await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}`, revoked)).status).toBe(401);
  });

  it("403 outside the caller's region, 404 for an unknown region or indicator", async () => {
    const townToken = await createApiToken("reviewer", { regionCode: "321281100000" });
    expect((await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}`, townToken)).status).toBe(403);
    expect((await callApi(overviewGET, `/api/v1/overview?region=321281999000`, token)).status).toBe(404);
    const res = await callApi(rankingsGET, `/api/v1/rankings?region=${DEMO_COUNTY.code}&indicator=no_such&period=${Y}-07`, token);
    expect(res.status).toBe(404);
    expect(res.body.error?.message).toContain("指标");
  });
});

describe("GET /api/v1/series, /rankings, /regions", () => {
  it("returns each month with last year beside it and 当月 values that add back up to YTD", async () => {
    const res = await callApi(seriesGET, `/api/v1/series?region=${DEMO_COUNTY.code}&indicator=gross_output&from=${Y}-01&to=${Y}-07`, token);
    expect(res.status).toBe(200);
    const points = res.body.points as { period: string; value: string; lastYear: string; monthly: string }[];
    expect(points.map((p) => p.period)).toEqual(["01", "02", "03", "04", "05", "06", "07"].map((m) => `${Y}-${m}`));
    const summed = points.reduce((a, p) => a.plus(p.monthly), new Decimal(0));
    expect(summed.toFixed()).toBe(new Decimal(points[6].value).toFixed());
    expect(points.every((p) => p.lastYear !== null)).toBe(true);
  });

  it("ranks towns by growth with unranked towns last", async () => {
    const res = await callApi(rankingsGET, `/api/v1/rankings?region=${DEMO_COUNTY.code}&period=${Y}-07&indicator=gross_output&by=growth`, token);
    expect(res.status).toBe(200);
    const items = res.body.items as { rank: number | null; yoyPercent: number | null; region: { code: string } }[];
    expect(items[0].rank).toBe(1);
    expect(items.at(-1)!.region.code).toBe(NEW_ZONE);
    expect(items.at(-1)!.rank).toBeNull();
    const ranked = items.filter((i) => i.rank !== null);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].yoyPercent!).toBeGreaterThanOrEqual(ranked[i].yoyPercent!);
  });

  it("lists the regions the caller may read", async () => {
    const res = await callApi(regionsGET, "/api/v1/regions", token);
    const regions = res.body.regions as { code: string; parentCode: string | null }[];
    expect(regions[0].code).toBe(DEMO_COUNTY.code);
    expect(regions).toHaveLength(15);
  });
});
