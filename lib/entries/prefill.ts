import "server-only";
// The sums of a town's 规上 enterprises for a period, for the town form's "按企业合计预填" panel.
import { getPrisma } from "@/lib/db/client";
import type { Caller } from "@/lib/permissions";
import type { RegionRef } from "@/lib/regions";
import type { Period } from "@/lib/stats";
import { listAboveScale, loadEnterpriseFields } from "./enterprises";
import type { EnterpriseSums } from "./prefill-rules";
import { assertCanView } from "./scope";
import { canonical } from "./token";

export async function getEnterpriseSums(user: Caller, town: RegionRef, period: Period): Promise<EnterpriseSums> {
  await assertCanView(user, town);
  const db = getPrisma();
  const [fields, listed] = await Promise.all([loadEnterpriseFields(db), listAboveScale(db, town.id, period)]);
  const ids = listed.map((e) => e.id);
  const codes = fields.map((f) => f.code);
  if (ids.length === 0 || fields.length === 0) return { aboveScale: ids.length, reported: 0, sums: {}, codes };
  const [sums, reported] = await Promise.all([
    db.enterpriseValue.groupBy({
      by: ["indicatorId"],
      where: { enterpriseId: { in: ids }, indicatorId: { in: fields.map((f) => f.id) }, year: period.year, month: period.month },
      _sum: { value: true },
    }),
    db.enterpriseValue.findMany({
      where: { enterpriseId: { in: ids }, indicatorId: { in: fields.map((f) => f.id) }, year: period.year, month: period.month },
      distinct: ["enterpriseId"],
      select: { enterpriseId: true },
    }),
  ]);
  const codeOf = new Map(fields.map((f) => [f.id, f.code]));
  return {
    aboveScale: ids.length,
    reported: reported.length,
    sums: Object.fromEntries(sums.filter((s) => s._sum.value !== null).map((s) => [codeOf.get(s.indicatorId)!, canonical(s._sum.value)!])),
    codes,
  };
}
