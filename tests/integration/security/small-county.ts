// A small county for the input-hygiene tests: two towns, the users of each role, a few enterprises
// with 2024-07 figures and approved town reports. Seconds to build, where the demo county takes minutes.
import { getPrisma } from "@/lib/db/client";
import { createRegion, createTownReport, createUser, ensureIndicators, makeCreditCode } from "@/lib/demo/factories";
import { DEMO_CITY, DEMO_COUNTY } from "@/lib/demo/places";

export const TOWN_A = { code: "321281100000", name: "戴南镇" };
export const TOWN_B = { code: "321281101000", name: "张郭镇" };

export type SmallCounty = { countyId: number; townA: number; townB: number };

/** `firms` per town: name → 2024-07 YTD { indicator code: value }. */
export async function seedSmallCounty(firms: { a: Record<string, Record<string, string>>; b: Record<string, Record<string, string>> }): Promise<SmallCounty> {
  const db = getPrisma();
  const ids = await ensureIndicators(db);
  const city = await createRegion(db, { ...DEMO_CITY, level: "CITY" });
  const county = await createRegion(db, { ...DEMO_COUNTY, level: "COUNTY", parentId: city.id, kind: "县级市" });
  const townA = (await createRegion(db, { ...TOWN_A, level: "TOWN", parentId: county.id, sortOrder: 0 })).id;
  const townB = (await createRegion(db, { ...TOWN_B, level: "TOWN", parentId: county.id, sortOrder: 1 })).id;
  const users = [
    { username: "admin", role: "ADMIN", regionId: county.id },
    { username: "reviewer", role: "REVIEWER", regionId: county.id },
    { username: "leader", role: "LEADER", regionId: county.id },
    { username: "reporter", role: "REPORTER", regionId: townA },
  ] as const;
  for (const u of users) await createUser(db, { ...u, password: "Test@2026pass" });
  let n = 0;
  for (const [townId, list] of [[townA, firms.a], [townB, firms.b]] as const) {
    await createTownReport(db, ids, { regionId: townId, year: 2024, month: 7, values: { gross_output: "1000" } });
    for (const [name, values] of Object.entries(list)) {
      const firm = await db.enterprise.create({
        data: { name, creditCode: makeCreditCode("321281", ++n), townId, industryCode: "C3311", ownership: "PRIVATE", aboveScale: true },
        select: { id: true },
      });
      await db.enterpriseValue.createMany({ data: Object.entries(values).map(([code, value]) => ({ enterpriseId: firm.id, indicatorId: ids.get(code)!, year: 2024, month: 7, value })) });
    }
  }
  return { countyId: county.id, townA, townB };
}
