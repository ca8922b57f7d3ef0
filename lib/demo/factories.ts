// Builders for records, shared by the demo seed and the tests so both create data the same way.
import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/client";
import { INDICATORS } from "@/lib/indicators/catalog";
import { creditCodeCheckChar } from "@/lib/enterprises/credit-code";
import type { Role, RegionLevel, ReportStatus } from "@/lib/generated/prisma/client";

export type IndicatorIds = Map<string, number>;

export async function ensureIndicators(db: Db): Promise<IndicatorIds> {
  for (const [i, def] of INDICATORS.entries()) {
    const data = {
      name: def.name,
      unit: def.unit,
      kind: def.kind,
      precision: def.precision,
      allowNegative: def.allowNegative ?? false,
      integerOnly: def.integerOnly ?? false,
      isMoney: def.isMoney ?? false,
      priceBasis: def.priceBasis ?? "CURRENT",
      onEnterpriseForm: def.onEnterpriseForm ?? false,
      sortOrder: i,
    };
    await db.indicator.upsert({ where: { code: def.code }, create: { code: def.code, ...data }, update: {} });
  }
  const rows = await db.indicator.findMany({ select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function createRegion(
  db: Db,
  input: { code: string; name: string; level: RegionLevel; parentId?: number | null; kind?: string; sortOrder?: number },
) {
  return db.region.create({
    data: {
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: input.parentId ?? null,
      kind: input.kind ?? (input.level === "TOWN" ? "镇" : input.level === "COUNTY" ? "县" : "市"),
      sortOrder: input.sortOrder ?? 0,
    },
    select: { id: true, code: true, name: true, level: true, parentId: true },
  });
}

/** bcrypt cost 10: ≈ 70 ms per hash with bcryptjs, enough for a sign-in form. */
export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export async function createUser(
  db: Db,
  input: { username: string; password: string; role: Role; regionId: number | null; displayName?: string; disabled?: boolean },
) {
  return db.user.create({
    data: {
      username: input.username,
      displayName: input.displayName ?? input.username,
      role: input.role,
      regionId: input.regionId,
      passwordHash: await hashPassword(input.password),
      disabled: input.disabled ?? false,
    },
    select: { id: true, username: true, role: true, regionId: true },
  });
}

/** A town report with its YTD values ({ indicatorCode: "1234.56" }). */
export async function createTownReport(
  db: Db,
  ids: IndicatorIds,
  input: { regionId: number; year: number; month: number; status?: ReportStatus; values: Record<string, string | number> },
) {
  const status = input.status ?? "APPROVED";
  const report = await db.townReport.create({
    data: {
      regionId: input.regionId,
      year: input.year,
      month: input.month,
      status,
      submittedAt: status === "DRAFT" ? null : new Date(Date.UTC(input.year, input.month, 3)),
    },
    select: { id: true },
  });
  await db.reportValue.createMany({
    data: Object.entries(input.values).map(([code, value]) => {
      const indicatorId = ids.get(code);
      if (indicatorId === undefined) throw new Error(`unknown indicator ${code}`);
      return { reportId: report.id, regionId: input.regionId, indicatorId, year: input.year, month: input.month, value: String(value) };
    }),
  });
  return report;
}

export async function createPlan(db: Db, ids: IndicatorIds, input: { regionId: number; code: string; year: number; value: string | number }) {
  const indicatorId = ids.get(input.code);
  if (indicatorId === undefined) throw new Error(`unknown indicator ${input.code}`);
  return db.annualPlan.create({ data: { regionId: input.regionId, indicatorId, year: input.year, value: String(input.value) } });
}

const CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid 统一社会信用代码 for the n-th enterprise of a county (91 = 企业, then the county's 6-digit code). */
export function makeCreditCode(countyCode6: string, n: number): string {
  let body = "";
  let x = n * 7919 + 104729;
  for (let i = 0; i < 9; i++) {
    body += CODE_CHARSET[x % 31];
    x = Math.floor(x / 31) + (i + 1) * 17;
  }
  const first17 = `91${countyCode6}${body}`;
  return first17 + creditCodeCheckChar(first17);
}
