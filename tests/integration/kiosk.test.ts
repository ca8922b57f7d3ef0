// Kiosk links and the wall's data endpoint against the demo county in a real database: the
// token opens one county read-only, only its hash is stored, revoked/expired/unknown links are
// refused, and the wall answers the county's default period with the overview's own numbers.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as wallGET } from "@/app/api/wall/data/route";
import { newToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { KIOSK_TOKEN_PREFIX } from "@/lib/kiosk";
import { WALL_REFUSED_MESSAGE, type WallData } from "@/lib/kiosk/types";
import { getRegionOverview } from "@/lib/overview/query";
import { getRegionByCode } from "@/lib/regions";
import { formatGrowth, formatPercent, formatScheduleGap, formatYi } from "@/lib/stats";
import { useDemoSnapshot } from "../support/demo-snapshot";

// Server actions read the session and revalidate Next's cache: stand in for both.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { createKioskLink, revokeKioskLink } = await import("@/lib/kiosk/actions");

type Ok = Extract<WallData, { status: "ok" }>;
let countyId: number;

async function sessionUser(username: string): Promise<CurrentUser> {
  const u = await getPrisma().user.findUniqueOrThrow({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, regionId: true, mustChangePassword: true, region: { select: { id: true, code: true, name: true, level: true, parentId: true } } },
  });
  return u;
}

async function callWall(token?: string) {
  const url = `http://localhost/api/wall/data${token === undefined ? "" : `?k=${encodeURIComponent(token)}`}`;
  const response = await wallGET(new Request(url));
  return { status: response.status, body: (await response.json()) as WallData & { error?: { message: string } }, cache: response.headers.get("cache-control") };
}

async function makeLink(data: { expiresAt?: Date | null; revokedAt?: Date | null } = {}) {
  const { token, hash } = newToken(KIOSK_TOKEN_PREFIX);
  const link = await getPrisma().kioskLink.create({ data: { tokenHash: hash, label: "测试大屏", regionId: countyId, ...data }, select: { id: true } });
  return { token, id: link.id };
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

beforeAll(async () => {
  await useDemoSnapshot();
  countyId = (await getRegionByCode(DEMO_COUNTY.code))!.id;
  // The wall shows approved figures of the latest month most towns have approved: approve July's
  // submitted reports (11 of 14 towns) and let this county default at 75%.
  await getPrisma().townReport.updateMany({ where: { year: 2024, month: 7, status: "SUBMITTED" }, data: { status: "APPROVED" } });
  await getPrisma().region.update({ where: { id: countyId }, data: { defaultPeriodShare: 75 } });
}, 180_000);

describe("wall data for a valid kiosk token", () => {
  it("answers the county's latest period with the overview's totals, rankings, trend, projects and parks", async () => {
    const { token } = await makeLink();
    const { status, body, cache } = await callWall(token);
    expect(status).toBe(200);
    expect(cache).toBe("no-store");
    expect(body.status).toBe("ok");
    const data = body as Ok;
    expect(data.county).toEqual({ code: DEMO_COUNTY.code, name: "兴化市" });
    expect(data.period).toEqual({ key: "2024-07", label: "2024年1–7月", monthLabel: "7月" });

    const county = (await getRegionByCode(DEMO_COUNTY.code))!;
    const overview = await getRegionOverview(county, 2024, 7);
    const gross = overview.totals.gross_output;
    const hero = data.kpis.find((k) => k.code === "gross_output")!;
    expect(hero.value).toBe(formatYi(gross.value));
    expect(hero.unit).toBe("亿元");
    expect(hero.growth).toBe(formatGrowth(gross.yoyPercent));
    expect(hero.plan?.completion).toBe(formatPercent(gross.planCompletionPercent));
    expect(hero.plan?.timeProgress).toBe("58.3%");
    expect(hero.plan?.gap).toBe(formatScheduleGap(gross.scheduleGapPoints));
    for (const code of ["above_scale_output", "profit_tax"]) {
      expect(data.kpis.find((k) => k.code === code)?.value).toBe(formatYi(overview.totals[code].value));
    }

    // 总量 ranking in the overview's order, with its rank changes; towns without a value last.
    const expected = overview.children
      .map((c) => ({ name: c.region.name, rank: c.values.gross_output.rank, change: c.values.gross_output.rankChange, value: formatYi(c.values.gross_output.value) }))
      .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
    expect(data.rankings.total.map((r) => r.name)).toEqual(expected.map((e) => e.name));
    expect(data.rankings.total.map((r) => [r.rank, r.change, r.value])).toEqual(expected.map((e) => [e.rank, e.change, e.value]));
    expect(data.totalTowns).toBe(14);
    expect(data.reportedTowns).toBe(overview.children.filter((c) => c.values.gross_output.value !== null).length);
    const growthChanges = new Map(overview.children.map((c) => [c.region.name, c.values.gross_output.growthRankChange]));
    for (const r of data.rankings.growth) expect(r.change).toBe(growthChanges.get(r.name));

    expect(data.trend.rows).toHaveLength(12);
    expect(data.trend.rows[6].currentYtd).toBeCloseTo(Number(gross.value) / 10000, 2);
    expect(data.trend.rows[7].current).toBeNull();
    // Like for like: the latest month compares only the towns that reported it, as 同比 does.
    expect(data.trend.rows[6].lastYearYtd).toBeCloseTo(Number(gross.base) / 10000, 2);
    expect(data.trend.partial).toEqual({ month: 7, towns: data.reportedTowns });
    expect(data.trend.rows[6].current!).toBeGreaterThan(data.trend.rows[5].current! * 0.5);
    expect(data.trend.rows[11].lastYear).not.toBeNull();

    expect(data.projects.length).toBeGreaterThan(0);
    for (const p of data.projects) expect(Number(p.total.replace(/,/g, ""))).toBeGreaterThanOrEqual(1);
    expect(data.parks.map((p) => p.name)).toEqual(["兴化经济开发区", "戴南不锈钢产业园", "张郭镇工业集中区"]);
    expect(JSON.stringify(data)).not.toMatch(/NaN|undefined|Infinity|null%/);
  });

  it("records when the link was last seen, at most once a minute", async () => {
    const { token, id } = await makeLink();
    await callWall(token);
    const first = (await getPrisma().kioskLink.findUniqueOrThrow({ where: { id }, select: { lastSeenAt: true } })).lastSeenAt;
    expect(first).not.toBeNull();
    await callWall(token);
    const second = (await getPrisma().kioskLink.findUniqueOrThrow({ where: { id }, select: { lastSeenAt: true } })).lastSeenAt;
    expect(second?.getTime()).toBe(first!.getTime());
    await getPrisma().kioskLink.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 120_000) } });
    await callWall(token);
    const third = (await getPrisma().kioskLink.findUniqueOrThrow({ where: { id }, select: { lastSeenAt: true } })).lastSeenAt;
    expect(Date.now() - third!.getTime()).toBeLessThan(10_000);
  });
});

describe("refused links", () => {
  it.each([
    ["revoked", { revokedAt: new Date(Date.now() - 1000) }],
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
  ])("a %s link gets 401 and the Chinese refusal", async (_name, data) => {
    const { token } = await makeLink(data);
    const { status, body } = await callWall(token);
    expect(status).toBe(401);
    expect(body.error?.message).toBe(WALL_REFUSED_MESSAGE);
  });

  it("an unknown or missing token gets 401", async () => {
    expect((await callWall("wall_not-a-real-token")).status).toBe(401);
    expect((await callWall()).status).toBe(401);
    expect((await callWall("")).status).toBe(401);
  });

  it("a county without counted reports gets an empty answer, not an error", async () => {
    const db = getPrisma();
    const city = await db.region.findUniqueOrThrow({ where: { id: countyId }, select: { parentId: true } });
    const empty = await db.region.create({ data: { code: "321299000000", name: "新设县", level: "COUNTY", parentId: city.parentId }, select: { id: true } });
    const { token, hash } = newToken(KIOSK_TOKEN_PREFIX);
    await db.kioskLink.create({ data: { tokenHash: hash, label: "空县", regionId: empty.id } });
    const { status, body } = await callWall(token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "empty", county: { code: "321299000000", name: "新设县" } });
  });

  it("a link with a future expiry still works", async () => {
    const { token } = await makeLink({ expiresAt: new Date(Date.now() + 86_400_000) });
    expect((await callWall(token)).status).toBe(200);
  });
});

describe("kiosk link actions", () => {
  it("an admin creates a link: only the SHA-256 of the token is stored, with an audit entry", async () => {
    session.user = await sessionUser("admin");
    const state = await createKioskLink({}, form({ label: "三楼会议室大屏", county: DEMO_COUNTY.code, expiresOn: "" }));
    expect(state.fieldErrors).toBeUndefined();
    const token = new URL(state.link!.path, "http://localhost").searchParams.get("k")!;
    expect(token.startsWith(`${KIOSK_TOKEN_PREFIX}_`)).toBe(true);

    const row = await getPrisma().kioskLink.findFirstOrThrow({ where: { label: "三楼会议室大屏" } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ regionId: countyId, createdById: session.user.id, expiresAt: null, revokedAt: null });
    const audit = await getPrisma().auditLog.findFirst({ where: { entity: "KioskLink", entityId: String(row.id), action: "create" } });
    expect(audit?.newValue).toContain("三楼会议室大屏");
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(token);
    expect((await callWall(token)).status).toBe(200);

    // Revoking ends it at the next refresh; a second revoke is told, not audited again.
    expect(await revokeKioskLink({}, form({ id: String(row.id) }))).toMatchObject({ ok: true });
    expect((await callWall(token)).status).toBe(401);
    expect(await revokeKioskLink({}, form({ id: String(row.id) }))).toEqual({ message: "该链接已撤销" });
    expect(await getPrisma().auditLog.count({ where: { entity: "KioskLink", entityId: String(row.id), action: "revoke" } })).toBe(1);
  });

  it("validates the form: label required, county in scope, expiry a future date", async () => {
    session.user = await sessionUser("admin");
    expect((await createKioskLink({}, form({ label: " ", county: DEMO_COUNTY.code }))).fieldErrors?.label).toBeTruthy();
    expect((await createKioskLink({}, form({ label: "x", county: "110101000000" }))).fieldErrors?.county).toBeTruthy();
    expect((await createKioskLink({}, form({ label: "x", county: DEMO_COUNTY.code, expiresOn: "2020-01-01" }))).fieldErrors?.expiresOn).toBe("到期日期不能早于今天");
    expect((await createKioskLink({}, form({ label: "x", county: DEMO_COUNTY.code, expiresOn: "2099-02-30" }))).fieldErrors?.expiresOn).toBe("到期日期不是有效日期");
    const ok = await createKioskLink({}, form({ label: "到期测试", county: DEMO_COUNTY.code, expiresOn: "2099-12-31" }));
    expect(ok.link).toBeTruthy();
    const row = await getPrisma().kioskLink.findFirstOrThrow({ where: { label: "到期测试" }, select: { expiresAt: true } });
    expect(row.expiresAt?.toISOString()).toBe("2099-12-31T15:59:59.999Z");
  });

  it("only admins may create or revoke links", async () => {
    const { id, token } = await makeLink();
    for (const username of ["reviewer", "leader", "reporter"]) {
      session.user = await sessionUser(username);
      const before = await getPrisma().kioskLink.count();
      expect(await createKioskLink({}, form({ label: "越权", county: DEMO_COUNTY.code }))).toEqual({ message: "没有权限管理大屏链接" });
      expect(await getPrisma().kioskLink.count()).toBe(before);
      expect(await revokeKioskLink({}, form({ id: String(id) }))).toEqual({ message: "没有权限管理大屏链接" });
    }
    session.user = null;
    expect(await revokeKioskLink({}, form({ id: String(id) }))).toEqual({ message: "没有权限管理大屏链接" });
    expect((await callWall(token)).status).toBe(200);
  });
});

describe("rank changes", () => {
  it("a town that overtakes its neighbour this month shows ▲1, the neighbour ▼1", async () => {
    const { token } = await makeLink();
    const before = ((await callWall(token)).body as Ok).rankings.total.filter((r) => r.rank !== null);
    const [upper, lower] = before.slice(-2);
    const db = getPrisma();
    const gross = await db.indicator.findUniqueOrThrow({ where: { code: "gross_output" }, select: { id: true } });
    const valueOf = async (code: string) => {
      const region = await db.region.findUniqueOrThrow({ where: { code }, select: { id: true } });
      return db.reportValue.findFirstOrThrow({ where: { regionId: region.id, indicatorId: gross.id, year: 2024, month: 7 }, select: { id: true, value: true } });
    };
    const u = await valueOf(upper.code);
    const l = await valueOf(lower.code);
    await db.reportValue.update({ where: { id: l.id }, data: { value: u.value.plus(100) } });

    const after = ((await callWall(token)).body as Ok).rankings.total;
    expect(after.find((r) => r.code === lower.code)).toMatchObject({ rank: upper.rank, change: 1 });
    expect(after.find((r) => r.code === upper.code)).toMatchObject({ rank: lower.rank, change: -1 });
    await db.reportValue.update({ where: { id: l.id }, data: { value: l.value } });
  });
});

describe("rolling to a new period", () => {
  it("stays on the month most towns have approved: one early report does not move it, approved or not", async () => {
    const { token } = await makeLink();
    const db = getPrisma();
    const towns = await db.region.findMany({ where: { parentId: countyId }, select: { id: true }, orderBy: { sortOrder: "asc" } });
    const gross = await db.indicator.findUniqueOrThrow({ where: { code: "gross_output" }, select: { id: true } });
    const august = async (townId: number, status: "DRAFT" | "SUBMITTED" | "APPROVED") => {
      const july = await db.reportValue.findFirst({ where: { regionId: townId, indicatorId: gross.id, year: 2024, month: 7 }, select: { value: true } });
      const report = await db.townReport.create({ data: { regionId: townId, year: 2024, month: 8, status }, select: { id: true } });
      if (july) await db.reportValue.create({ data: { reportId: report.id, regionId: townId, indicatorId: gross.id, year: 2024, month: 8, value: july.value.plus(1000) } });
      return report.id;
    };
    const first = await august(towns[0].id, "SUBMITTED");
    expect(((await callWall(token)).body as Ok).period.key).toBe("2024-07");
    await db.townReport.update({ where: { id: first }, data: { status: "APPROVED" } });
    expect(((await callWall(token)).body as Ok).period.key).toBe("2024-07");

    // Once 75% of the towns have approved August reports, the wall moves on.
    for (const t of towns.slice(1, 11)) await august(t.id, "APPROVED");
    const after = (await callWall(token)).body as Ok;
    expect(after.period).toMatchObject({ key: "2024-08", label: "2024年1–8月" });
    expect(after.reportedTowns).toBe(await db.reportValue.count({ where: { indicatorId: gross.id, year: 2024, month: 8 } }));
  });
});
