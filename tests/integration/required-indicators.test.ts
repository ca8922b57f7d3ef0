// The admin's 必填指标 settings (/admin/required) on a real database: saved with an audit entry,
// read back in form order, unknown codes and another admin's change refused in Chinese with nothing
// written, other roles refused; and what is saved is what a town's report must fill.
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { getRegionByCode } from "@/lib/regions";
import { loadReportContext } from "@/lib/reports/context";
import { listRequiredSettings, saveRequiredIndicators } from "@/lib/reports/required";
import { useDemoSnapshot } from "../support/demo-snapshot";

const users: Record<string, CurrentUser> = {};
let countyId = 0;

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}
const stored = async () => (await getPrisma().region.findUniqueOrThrow({ where: { id: countyId }, select: { requiredIndicators: true } })).requiredIndicators;
const audits = () => getPrisma().auditLog.count({ where: { entity: "Region", field: "必填指标" } });

beforeAll(async () => {
  await useDemoSnapshot();
  countyId = (await getRegionByCode(DEMO_COUNTY.code))!.id;
  for (const name of ["admin", "reviewer", "reporter"]) {
    const u = await getPrisma().user.findUniqueOrThrow({ where: { username: name }, select: { id: true, sessionVersion: true } });
    users[name] = (await loadActiveUser(u.id, u.sessionVersion))!;
  }
}, 180_000);

describe("必填指标 settings", () => {
  it("lists the town form's indicators and the county's current list", async () => {
    const { indicators, counties } = await listRequiredSettings(users.admin);
    expect(indicators.map((i) => i.code)).toContain("gross_output");
    expect(counties).toEqual([{ code: DEMO_COUNTY.code, name: expect.any(String), required: expect.arrayContaining(["gross_output", "sales_revenue"]) }]);
  });

  it("an admin's change is stored in form order and audited with the names before and after", async () => {
    const before = await stored();
    const n = await audits();
    const r = await saveRequiredIndicators(users.admin, { county: DEMO_COUNTY.code, codes: ["tax", "gross_output"], previous: before });
    expect(r.changed).toBe(true);
    expect(await stored()).toEqual(["gross_output", "tax"]);
    expect(await audits()).toBe(n + 1);
    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { entity: "Region", field: "必填指标" }, orderBy: { id: "desc" }, select: { userId: true, oldValue: true, newValue: true, regionId: true } });
    expect(entry).toMatchObject({ userId: users.admin.id, regionId: countyId, newValue: "工业总产值、入库税金" });
    expect(entry.oldValue).toContain("销售收入");
    // the same list again writes nothing
    expect((await saveRequiredIndicators(users.admin, { county: DEMO_COUNTY.code, codes: ["gross_output", "tax"], previous: ["gross_output", "tax"] })).changed).toBe(false);
    expect(await audits()).toBe(n + 1);
  });

  it("a town's report then requires exactly that list", async () => {
    const town = (await getRegionByCode("321281100000"))!;
    const ctx = await loadReportContext(getPrisma(), town.id, 2024, 8);
    expect([...ctx.required].sort()).toEqual(["gross_output", "tax"]);
  });

  it("refuses unknown indicators and a change made meanwhile by another admin, writing nothing", async () => {
    const n = await audits();
    const bad = await refusal(saveRequiredIndicators(users.admin, { county: DEMO_COUNTY.code, codes: ["gross_output", "no_such"], previous: ["gross_output", "tax"] }));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain("no_such");
    const stale = await refusal(saveRequiredIndicators(users.admin, { county: DEMO_COUNTY.code, codes: ["gross_output"], previous: ["gross_output", "sales_revenue"] }));
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/^其他管理员已修改.*必填指标（现为：工业总产值、入库税金）/);
    expect(await stored()).toEqual(["gross_output", "tax"]);
    expect(await audits()).toBe(n);
  });

  it("only an admin may read or change them", async () => {
    for (const who of ["reviewer", "reporter"]) {
      expect((await refusal(listRequiredSettings(users[who]))).status).toBe(403);
      expect((await refusal(saveRequiredIndicators(users[who], { county: DEMO_COUNTY.code, codes: [], previous: ["gross_output", "tax"] }))).status).toBe(403);
    }
    expect(await stored()).toEqual(["gross_output", "tax"]);
  });
});
