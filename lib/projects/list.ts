import "server-only";
// The project list: scope and filters in the SQL; this year's plan and the period's 当年累计完成投资.
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/stats";
import { BUCKET_BOUNDS, PROJECT_PAGE_SIZE, type ProjectFilters, type Stage } from "./filters";

export type ProjectListRow = {
  id: number;
  name: string;
  townCode: string;
  townName: string;
  parkName: string | null;
  sector: string;
  stage: Stage;
  totalInvestment: string;
  yearPlan: string | null;
  completedYtd: string | null;
};

function whereClause(townIds: number[], f: ProjectFilters) {
  const parts = [Prisma.sql`pr."townId" IN (${townIds.length ? Prisma.join(townIds) : Prisma.sql`NULL`})`];
  if (f.q) parts.push(Prisma.sql`pr.name ILIKE ${`%${f.q}%`}`);
  if (f.town) parts.push(Prisma.sql`t.code = ${f.town}`);
  if (f.stage) parts.push(Prisma.sql`pr.stage::text = ${f.stage}`);
  if (f.bucket) {
    const [lo, hi] = BUCKET_BOUNDS[f.bucket];
    parts.push(Prisma.sql`pr."totalInvestment" >= ${lo}`);
    if (hi !== null) parts.push(Prisma.sql`pr."totalInvestment" < ${hi}`);
  }
  return Prisma.join(parts, " AND ");
}

const ORDER = {
  total_desc: Prisma.sql`pr."totalInvestment" DESC, pr.id`,
  completion_desc: Prisma.sql`(g."completedYtd" / NULLIF(yp.planned, 0)) DESC NULLS LAST, pr.id`,
  name: Prisma.sql`pr.name, pr.id`,
} as const;

export async function listProjects(townIds: number[], period: Period | null, f: ProjectFilters, opts: { all?: boolean } = {}) {
  const y = period?.year ?? 0;
  const m = period?.month ?? 0;
  const joins = Prisma.sql`
    FROM "Project" pr
    JOIN "Region" t ON t.id = pr."townId"
    LEFT JOIN "Park" pk ON pk.id = pr."parkId"
    LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${y}
    LEFT JOIN "ProjectProgress" g ON g."projectId" = pr.id AND g.year = ${y} AND g.month = ${m}`;
  const where = whereClause(townIds, f);
  const limit = opts.all ? 20000 : PROJECT_PAGE_SIZE;
  const offset = opts.all ? 0 : (f.page - 1) * PROJECT_PAGE_SIZE;
  const db = getPrisma();
  const [rows, count] = await Promise.all([
    db.$queryRaw<ProjectListRow[]>`
      SELECT pr.id, pr.name, t.code AS "townCode", t.name AS "townName", pk.name AS "parkName", pr.sector, pr.stage::text AS stage,
             pr."totalInvestment"::text AS "totalInvestment", yp.planned::text AS "yearPlan", g."completedYtd"::text AS "completedYtd"
      ${joins} WHERE ${where} ORDER BY ${ORDER[f.sort]} LIMIT ${limit} OFFSET ${offset}`,
    db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n ${joins} WHERE ${where}`,
  ]);
  const total = Number(count[0]?.n ?? 0);
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id) })), total, page: f.page, pageCount: Math.max(1, Math.ceil(total / PROJECT_PAGE_SIZE)) };
}
