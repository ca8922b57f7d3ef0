// Seeds the demo county (兴化市, 14 towns) into an empty database. Deterministic: the same
// figures on every machine for the same "through" period.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { createRegion, createUser, ensureIndicators, makeCreditCode, type IndicatorIds } from "./factories";
import { enterpriseYtd, generateEnterprises, townProfiles, townYtd, type DemoEnterprise, type TownProfile } from "./figures";
import { deliverLatestOrder } from "./latest-order";
import { DEMO_CITY, DEMO_COUNTY, DEMO_PARKS, DEMO_REQUIRED_INDICATORS, DEMO_TOWNS } from "./places";
import { chinaMonth, previousPeriod } from "@/lib/stats";
import { seedPeerCounties } from "./peers";
import { seedProjects } from "./projects";
import { chinaMonthStart, recordDemoHistory, timeline } from "./history";
import { between, intBetween, makeRng, wan } from "./random";

export const DEMO_USERS = [
  { username: "admin", password: "Admin@2026", role: "ADMIN", displayName: "系统管理员", town: null },
  { username: "reviewer", password: "Review@2026", role: "REVIEWER", displayName: "县局审核员", town: null },
  { username: "leader", password: "Leader@2026", role: "LEADER", displayName: "分管领导", town: null },
  { username: "reporter", password: "Report@2026", role: "REPORTER", displayName: "戴南镇填报员", town: "321281100000" },
  { username: "reporter2", password: "Report@2026", role: "REPORTER", displayName: "张郭镇填报员", town: "321281101000" },
  // The city's users (泰州市): read the whole city, drill into 兴化市 and its towns; the reviewer approves peer counties' own reports.
  { username: "city_reviewer", password: "Review@2026", role: "CITY_REVIEWER", displayName: "市级审核员", town: null, city: true },
  { username: "city_leader", password: "Leader@2026", role: "CITY_LEADER", displayName: "市领导", town: null, city: true },
] as const;

/** The demo's account for a town without a documented one: "town102" for 321281102000. */
export const demoTownReporter = (townCode: string) => `town${townCode.slice(6, 9)}`;

/**
 * `openTowns`: towns whose report for the through month is left unstarted — the demo reporters'
 * open period (a month opens for entry once it has ended, so the through month is the one to fill).
 */
export type SeedOptions = { throughYear: number; throughMonth: number; users?: boolean; openTowns?: string[]; log?: (msg: string) => void; now?: Date };

/** The latest month whose reports are due: the month before today (China time), the newest open for entry. */
export function defaultThrough(now = new Date()): { throughYear: number; throughMonth: number } {
  const { year, month } = previousPeriod(chinaMonth(now));
  return { throughYear: year, throughMonth: month };
}

// Status of each town's report for the latest period (by town index); earlier periods are approved.
// 临城街道 was returned, 周庄镇 is still a draft, 大营镇 has not started; 合陈镇 submitted late.
const LATEST_STATUS: (ReportStatus | null)[] = ["APPROVED", "RETURNED", "APPROVED", "SUBMITTED", "APPROVED", "SUBMITTED", "SUBMITTED", "APPROVED", "APPROVED", "SUBMITTED", "SUBMITTED", "DRAFT", null, "SUBMITTED"];

const latestStatus = (i: number, code: string, openTowns: string[] | undefined) => (openTowns?.includes(code) ? null : LATEST_STATUS[i % LATEST_STATUS.length]);

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedDemoCounty(db: Db, opts: SeedOptions) {
  const log = opts.log ?? (() => {});
  const { throughYear: Y, throughMonth: M } = opts;
  const years = [Y - 3, Y - 2, Y - 1, Y];
  const periods = years.flatMap((y) => Array.from({ length: y === Y ? M : 12 }, (_, i) => ({ year: y, month: i + 1 })));
  const ids = await ensureIndicators(db);
  const rng = makeRng(99);

  const city = await createRegion(db, { ...DEMO_CITY, level: "CITY" });
  const county = await createRegion(db, { ...DEMO_COUNTY, level: "COUNTY", parentId: city.id, kind: "县级市" });
  await db.region.update({ where: { id: county.id }, data: { requiredIndicators: [...DEMO_REQUIRED_INDICATORS] } });
  const towns = new Map<string, number>();
  for (const [i, t] of DEMO_TOWNS.entries()) {
    const r = await createRegion(db, { code: t.code, name: t.name, level: "TOWN", parentId: county.id, kind: t.kind, sortOrder: i });
    towns.set(t.code, r.id);
  }
  await db.period.createMany({
    data: periods.map((p) => ({ ...p, usdRate: between(rng, 7.05, 7.3).toFixed(4), priceIndex: between(rng, 97.5, 101.5).toFixed(2) })),
  });
  const usdRate = new Map((await db.period.findMany({ select: { year: true, month: true, usdRate: true } })).map((p) => [`${p.year}-${p.month}`, Number(p.usdRate)]));

  const parkIds: number[] = [];
  for (const p of DEMO_PARKS) {
    const park = await db.park.create({
      data: { name: p.name, level: p.level, townId: towns.get(p.townCode)!, plannedArea: String(p.plannedArea), leadingIndustries: p.industries },
      select: { id: true },
    });
    parkIds.push(park.id);
  }

  log("企业名录与企业月度数据…");
  const enterprises = generateEnterprises(years);
  const profiles = townProfiles(years);
  const counted = new Set(DEMO_TOWNS.filter((t, i) => ["SUBMITTED", "APPROVED"].includes(latestStatus(i, t.code, opts.openTowns) ?? "")).map((t) => t.code));
  const order = deliverLatestOrder(enterprises, profiles, Y, M, (code) => counted.has(code));
  if (order) log(`  ${M}月${order.town}${order.enterprise}交付大额订单，工业总产值超过${order.passed}`);
  const enterpriseIds = await seedEnterprises(db, ids, enterprises, towns, parkIds, years, periods);

  log("招商引资…");
  const attraction = await seedAttraction(db, towns, years, Y, M, usdRate);

  log("乡镇月报…");
  const townFigures = await seedTownReports(db, ids, enterprises, profiles, towns, periods, attraction, Y, M, opts.openTowns, opts.now ?? new Date());
  await seedPlans(db, ids, county.id, towns, Y, M);
  log("泰州市其他县（市、区）…");
  const reference = await db.reportValue.aggregate({ where: { regionId: { in: [...towns.values()] }, indicatorId: ids.get("gross_output")!, year: Y - 1, month: 12 }, _sum: { value: true } });
  await seedPeerCounties(db, ids, city.id, Number(reference._sum.value ?? 0), periods, opts.now ?? new Date());
  await seedCityPlans(db, city.id);
  await seedParkValues(db, parkIds, enterprises, periods, townFigures);
  log("项目…");
  const parkTownIds = DEMO_PARKS.map((p) => towns.get(p.townCode)!);
  const enterpriseTownIds = enterprises.map((e) => towns.get(e.townCode)!);
  await seedProjects(db, { towns, parkIds, parkTownIds, enterpriseIds, enterpriseTownIds, years, Y, M });

  if (opts.users !== false) {
    for (const u of DEMO_USERS) {
      await createUser(db, { ...u, regionId: u.town ? towns.get(u.town)! : "city" in u ? city.id : county.id });
    }
    // Every other town's 填报员 too, so each submitted report names who submitted it (报送人 is never
    // "—"). Their passwords are random and unpublished: an admin sets one on 系统管理 → 用户 to use them.
    const named = new Set<string>(DEMO_USERS.flatMap((u) => (u.town ? [u.town] : [])));
    for (const t of DEMO_TOWNS) {
      if (named.has(t.code)) continue;
      await createUser(db, { username: demoTownReporter(t.code), password: randomBytes(18).toString("base64url"), role: "REPORTER", displayName: `${t.name}填报员`, regionId: towns.get(t.code)! });
    }
  }
  log("填报说明与审计日志…");
  await recordDemoHistory(db, { latest: { year: Y, month: M }, now: opts.now ?? new Date() });
  return { countyId: county.id, towns, periods: periods.length, enterprises: enterprises.length };
}

async function seedEnterprises(db: Db, ids: IndicatorIds, list: DemoEnterprise[], towns: Map<string, number>, parkIds: number[], years: number[], periods: { year: number; month: number }[]) {
  const Y = years[years.length - 1];
  await db.enterprise.createMany({
    data: list.map((e) => ({
      creditCode: makeCreditCode(DEMO_COUNTY.code.slice(0, 6), e.index + 1),
      name: e.name,
      townId: towns.get(e.townCode)!,
      parkId: e.parkIndex === null ? null : parkIds[e.parkIndex],
      industryCode: e.industryCode,
      ownership: e.ownership,
      aboveScale: e.aboveScale[Y],
    })),
  });
  const rows = await db.enterprise.findMany({ select: { id: true, creditCode: true }, orderBy: { id: "asc" } });
  const idOf = new Map(rows.map((r) => [r.creditCode, r.id]));
  const enterpriseIds = list.map((e) => idOf.get(makeCreditCode(DEMO_COUNTY.code.slice(0, 6), e.index + 1))!);
  const changes = list.flatMap((e, i) =>
    years
      .filter((y) => y >= e.firstYear && (y === e.firstYear ? e.aboveScale[y] : e.aboveScale[y] !== e.aboveScale[y - 1]))
      .map((y) => ({ enterpriseId: enterpriseIds[i], year: y, month: 1, aboveScale: e.aboveScale[y], note: e.aboveScale[y] ? "列统" : "退出规上" })),
  );
  await db.enterpriseScaleChange.createMany({ data: changes });
  const codes = ["gross_output", "sales_revenue", "profit", "tax"] as const;
  const values = list.flatMap((e, i) =>
    periods.flatMap((p) => {
      const v = enterpriseYtd(e, p.year, p.month);
      if (!v) return [];
      return codes.map((c) => ({ enterpriseId: enterpriseIds[i], indicatorId: ids.get(c)!, year: p.year, month: p.month, value: wan(v[c]) }));
    }),
  );
  await chunked(values, 5000, (data) => db.enterpriseValue.createMany({ data }));
  return enterpriseIds;
}

/** Each town's YTD figures by `code:year:month`, whether or not its report for the period was seeded. */
type TownFigures = Map<string, Record<string, string>>;

type AttractionTotals = Map<string, { projects: number; investment: number }[]>; // town code → per-period cumulative, index by year*12+month

async function seedAttraction(db: Db, towns: Map<string, number>, years: number[], Y: number, M: number, usdRate: Map<string, number>) {
  const rng = makeRng(5);
  const totals: AttractionTotals = new Map();
  const rows = [];
  for (const t of DEMO_TOWNS) {
    const perMonth: { projects: number; investment: number }[] = [];
    for (const y of years) {
      if (t.newThisYear && y < Y) continue;
      const n = intBetween(rng, 3, 9);
      for (let k = 0; k < n; k++) {
        const month = intBetween(rng, 1, 12);
        if (y === Y && month > M) continue;
        const usd = rng() < 0.15;
        const planned = usd ? between(rng, 300, 3000) : Math.exp(between(rng, Math.log(800), Math.log(120000)));
        const rate = usd ? usdRate.get(`${y}-${month}`)! : 1;
        rows.push({
          townId: towns.get(t.code)!,
          name: `${t.name}${["智能装备", "新材料", "食品精深加工", "不锈钢深加工", "光伏组件", "电子元件"][k % 6]}项目${y % 100}${String(k + 1).padStart(2, "0")}`,
          investor: usd ? "（港澳台及外资）" : "",
          year: y,
          month,
          currency: usd ? ("USD" as const) : ("CNY" as const),
          plannedAmount: wan(planned),
          arrivedAmount: wan(planned * between(rng, 0.05, 0.6)),
        });
        const key = y * 12 + month;
        perMonth[key] ??= { projects: 0, investment: 0 };
        perMonth[key].projects += 1;
        perMonth[key].investment += Number(wan(planned)) * rate;
      }
    }
    totals.set(t.code, perMonth);
  }
  await db.attractionRecord.createMany({ data: rows });
  return (townCode: string, year: number, month: number) => {
    const perMonth = totals.get(townCode)!;
    let projects = 0;
    let investment = 0;
    for (let m = 1; m <= month; m++) {
      const x = perMonth[year * 12 + m];
      if (x) {
        projects += x.projects;
        investment += x.investment;
      }
    }
    return { projects, investment };
  };
}

async function seedTownReports(
  db: Db,
  ids: IndicatorIds,
  enterprises: DemoEnterprise[],
  profiles: TownProfile[],
  towns: Map<string, number>,
  periods: { year: number; month: number }[],
  attraction: (town: string, y: number, m: number) => { projects: number; investment: number },
  Y: number,
  M: number,
  openTowns: string[] | undefined,
  now: Date,
) {
  // The latest month has only just ended: its submissions and reviews happen between its end and now.
  const inPast = timeline(chinaMonthStart(Y, M + 1), new Date(Date.UTC(Y, M, 8, 2)), now);
  const reports: { regionId: number; year: number; month: number; status: ReportStatus; submittedAt: Date | null; reviewedAt: Date | null; reviewerComment: string | null }[] = [];
  const valuesByKey = new Map<string, Record<string, string>>();
  const figures: TownFigures = new Map();
  for (const [ti, p] of profiles.entries()) {
    const mine = enterprises.filter((e) => e.townCode === p.town.code);
    for (const { year, month } of periods) {
      if (p.town.newThisYear && year < Y) continue;
      const isLatest = year === Y && month === M;
      const status = isLatest ? latestStatus(ti, p.town.code, openTowns) : "APPROVED";
      let output = 0;
      let count = 0;
      let newCount = 0;
      for (const e of mine) {
        if (!e.aboveScale[year]) continue;
        const v = enterpriseYtd(e, year, month);
        if (!v) continue;
        output += v.gross_output;
        count += 1;
        if (year > e.firstYear && e.aboveScale[year - 1] === false) newCount += 1;
      }
      const values = townYtd(p, year, month, { output: Math.round(output * 100) / 100, count, newCount }, attraction(p.town.code, year, month));
      // Kept for the parks even when the town has not reported yet: a park's figures are a part of its town's.
      figures.set(`${p.town.code}:${year}:${month}`, values);
      if (!status) continue;
      const regionId = towns.get(p.town.code)!;
      // Submitted by the 3rd of the next month; one latest report comes in late (the 8th).
      const submittedDay = isLatest && ti === 6 ? 8 : 3;
      reports.push({
        regionId,
        year,
        month,
        status,
        submittedAt: status === "DRAFT" ? null : inPast(new Date(Date.UTC(year, month, submittedDay, 2))),
        reviewedAt: status === "APPROVED" || status === "RETURNED" ? inPast(new Date(Date.UTC(year, month, 6, 8))) : null,
        reviewerComment: status === "RETURNED" ? "利润总额与上月差异较大，请核实后重新报送" : null,
      });
      valuesByKey.set(`${regionId}:${year}:${month}`, values);
    }
  }
  const created = await db.townReport.createManyAndReturn({ data: reports, select: { id: true, regionId: true, year: true, month: true } });
  const rows = created.flatMap((r) =>
    Object.entries(valuesByKey.get(`${r.regionId}:${r.year}:${r.month}`)!).map(([code, value]) => ({
      reportId: r.id,
      regionId: r.regionId,
      indicatorId: ids.get(code)!,
      year: r.year,
      month: r.month,
      value,
    })),
  );
  await chunked(rows, 5000, (data) => db.reportValue.createMany({ data }));
  return figures;
}

const PLANNED_CODES = ["gross_output", "above_scale_output", "value_added", "sales_revenue", "profit_tax", "tax", "fixed_asset_investment", "industrial_investment", "new_private_enterprises", "attracted_investment", "funds_arrived"];

/** Annual plans: last year's December YTD × (1 + a target of 6–15%); the county's plan is its towns' sum. */
async function seedPlans(db: Db, ids: IndicatorIds, countyId: number, towns: Map<string, number>, Y: number, M: number) {
  const rng = makeRng(11);
  const years = [Y - 2, Y - 1, Y];
  const dec = await db.reportValue.findMany({
    where: { month: 12, indicator: { code: { in: PLANNED_CODES } } },
    select: { regionId: true, indicatorId: true, year: true, value: true },
  });
  const last = new Map(dec.map((v) => [`${v.regionId}:${v.indicatorId}:${v.year}`, Number(v.value)]));
  // A zone set up this year has no last year: its plan is its own pace so far, over a whole year.
  const latest = await db.reportValue.findMany({
    where: { year: Y, month: M, indicator: { code: { in: PLANNED_CODES } } },
    select: { regionId: true, indicatorId: true, value: true },
  });
  const annualised = new Map(latest.map((v) => [`${v.regionId}:${v.indicatorId}`, (Number(v.value) * 12) / M]));
  const rows: { regionId: number; indicatorId: number; year: number; value: string }[] = [];
  const countySums = new Map<string, number>();
  const newTowns = new Set(DEMO_TOWNS.filter((t) => t.newThisYear).map((t) => towns.get(t.code)));
  for (const regionId of towns.values()) {
    for (const code of PLANNED_CODES) {
      const indicatorId = ids.get(code)!;
      for (const y of years) {
        if (newTowns.has(regionId) && y < Y) continue;
        const prev = last.get(`${regionId}:${indicatorId}:${y - 1}`) ?? annualised.get(`${regionId}:${indicatorId}`) ?? estimateFirstYear(dec, regionId, indicatorId);
        if (prev === null) continue;
        const digits = code === "new_private_enterprises" ? 0 : 2;
        const plan = Number((prev * between(rng, 1.06, 1.15)).toFixed(digits));
        rows.push({ regionId, indicatorId, year: y, value: plan.toFixed(digits) });
        const key = `${indicatorId}:${y}`;
        countySums.set(key, (countySums.get(key) ?? 0) + plan);
      }
    }
  }
  for (const [key, sum] of countySums) {
    const [indicatorId, year] = key.split(":").map(Number);
    rows.push({ regionId: countyId, indicatorId, year, value: sum.toFixed(2) });
  }
  await db.annualPlan.createMany({ data: rows });
}

/** A new zone with no figures at all: plan from the county's average town of the indicator. */
function estimateFirstYear(dec: { regionId: number; indicatorId: number; value: unknown }[], regionId: number, indicatorId: number): number | null {
  const same = dec.filter((v) => v.indicatorId === indicatorId && v.regionId !== regionId).map((v) => Number(v.value));
  if (same.length === 0) return null;
  return (same.reduce((a, b) => a + b, 0) / same.length) * 0.3;
}

/**
 * Parks' monthly figures that agree with their towns (the 园区数据核对 of decision 018 finds nothing in the
 * demo): 销售收入 and 利税 are a steady share of the town's own YTD figures (a park is a part of its town;
 * the share moves a little from year to year, never within one), and 入园企业数 is the enterprises linked to
 * the park plus a few small firms not in the register. 已开发面积 and 基础设施投资 grow on their own.
 */
/** The city's own plan, as a city bureau sets it: the sum of its counties' plans, where every county has one. */
async function seedCityPlans(db: Db, cityId: number) {
  const counties = await db.region.findMany({ where: { parentId: cityId, level: "COUNTY" }, select: { id: true } });
  const sums = await db.annualPlan.groupBy({ by: ["indicatorId", "year"], where: { regionId: { in: counties.map((c) => c.id) } }, _sum: { value: true }, _count: { _all: true } });
  const rows = sums.filter((g) => g._count._all === counties.length && g._sum.value !== null).map((g) => ({ regionId: cityId, indicatorId: g.indicatorId, year: g.year, value: g._sum.value! }));
  await db.annualPlan.createMany({ data: rows });
}

async function seedParkValues(db: Db, parkIds: number[], enterprises: DemoEnterprise[], periods: { year: number; month: number }[], towns: TownFigures) {
  const rng = makeRng(3);
  // A stream of its own, so the areas and investments drawn from `rng` stay as they were.
  const shares = makeRng(4);
  const rows = parkIds.flatMap((parkId, i) => {
    const townCode = DEMO_PARKS[i].townCode;
    const linked = enterprises.filter((e) => e.parkIndex === i).length;
    const scale = [1, 0.55, 0.18][i] ?? 0.2;
    let area = [14000, 6200, 2100][i] ?? 1500;
    let unregistered = [3, 2, 1][i] ?? 1;
    const base = [0.66, 0.58, 0.5][i] ?? 0.5;
    const yearShare = new Map([...new Set(periods.map((p) => p.year))].map((y, k) => [y, base + k * 0.02 + between(shares, -0.01, 0.01)]));
    const profitFactor = between(shares, 0.92, 1.05);
    return periods.map((p) => {
      area += between(rng, 0, 60);
      if (rng() < 0.15) unregistered = Math.min(unregistered + 1, 5);
      const share = (p.month / 12) * (0.95 + rng() * 0.02);
      const yearFactor = 1 + (p.year - periods[0].year) * 0.08;
      const town = towns.get(`${townCode}:${p.year}:${p.month}`)!;
      const part = yearShare.get(p.year)!;
      return {
        parkId,
        year: p.year,
        month: p.month,
        developedArea: area.toFixed(2),
        infrastructureInvestment: wan(scale * 42000 * yearFactor * share),
        enterpriseCount: linked + unregistered,
        salesRevenue: wan(Number(town.sales_revenue) * part),
        profitTax: wan(Number(town.profit_tax) * part * profitFactor),
      };
    });
  });
  await db.parkValue.createMany({ data: rows });
}
