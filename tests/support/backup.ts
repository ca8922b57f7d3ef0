// What a user would notice after backup and restore: the overview, the audit log, and every table's
// rows (counted, and a digest of their exact text). Plus rows with the values that are easy to mangle.
import { recordAudit } from "@/lib/audit";
import { auditFilterSchema, listTownAudit } from "@/lib/audit/queries";
import { getPrisma } from "@/lib/db/client";
import { getRegionOverview } from "@/lib/overview/query";
import { getRegionByCode } from "@/lib/regions";

export const COUNTY = "321281000000";
export const DAINAN = "321281100000";
export const TRICKY = `引号' 双引号" 反斜杠\\ \\n 换行\n回车\r制表\t 零宽\u200b 表情😀 结尾\\`;

/** Audit entries, an import summary (JSON), a date and the widest decimals, all with awkward text. */
export async function addTrickyRows(): Promise<void> {
  const db = getPrisma();
  const town = await db.region.findUniqueOrThrow({ where: { code: DAINAN }, select: { id: true } });
  const user = await db.user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true, displayName: true, username: true } });
  await recordAudit(db, user, [
    { action: "report.save", entity: "TownReport", entityId: 1, regionId: town.id, year: 2024, month: 1, field: "工业总产值", oldValue: "1.0000", newValue: "-0.0001", reason: TRICKY },
    { action: "report.return", entity: "TownReport", entityId: 1, regionId: town.id, year: 2024, month: 1, reason: null },
  ]);
  await db.auditLog.updateMany({ where: { reason: TRICKY }, data: { at: new Date("2024-02-29T23:59:59.999Z") } });
  await db.importJob.create({
    data: { kind: "town-report", fileName: `${TRICKY}.xlsx`, fileHash: "f".repeat(64), status: "COMMITTED", summary: { note: TRICKY, rows: [1, 2.5, null], nested: { "键'\"\\": true } }, finishedAt: new Date("2024-03-01T00:00:00.001Z") },
  });
  await db.period.upsert({ where: { year_month: { year: 2019, month: 12 } }, create: { year: 2019, month: 12, usdRate: "123456.654321", priceIndex: "-99999.9999" }, update: {} });
  await db.project.updateMany({ where: { townId: town.id }, data: { signedOn: new Date("2023-12-31T00:00:00Z"), totalInvestment: "99999999999999.9999" } });
}

async function tableNames(): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ name: string }[]>`
    SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`;
  return rows.map((r) => r.name);
}

/** Row count and md5 of the rows' text (sorted bytewise, so a server's collation does not matter) per table. */
export async function tableDigests(): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const name of await tableNames()) {
    const [row] = await getPrisma().$queryRawUnsafe<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM "${name}" t`,
    );
    out[name] = row;
  }
  return out;
}

/** The county and a town overview for a period, and the town's audit trail. */
export async function userView(year: number, month: number) {
  const [county, town] = await Promise.all([getRegionByCode(COUNTY), getRegionByCode(DAINAN)]);
  if (!county || !town) return { county: null, town: null, audit: [] };
  return {
    county: await getRegionOverview(county, year, month),
    town: await getRegionOverview(town, year, month),
    audit: await listTownAudit(town.id, auditFilterSchema.parse({})),
  };
}
