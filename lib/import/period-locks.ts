import "server-only";
// Figures of a town-period are written only while its report is not submitted or approved
// (lib/permissions: canImportInto). The preview refuses such rows with a Chinese problem, and the
// commit plans again inside its transaction, where the report rows are read FOR SHARE: a submit or
// an approval cannot slip in between this check and the writes.
import type { Tx } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { canImportInto, periodLockReason } from "@/lib/permissions";
import { formatPeriodRange } from "@/lib/stats";
import { numberArray } from "./bulk";
import { sameFigure } from "./plan-types";
import type { KindPlan } from "./planner";
import type { Problem, Source } from "./types";

/** A write of figures of one town-period, and where in the file it came from. */
type PeriodWrite = { townId: number; year: number; month: number; src: Source; what: string };

function periodWrites(plan: KindPlan): PeriodWrite[] {
  switch (plan.kind) {
    case "enterprise_values":
      return plan.planned.writes.map(({ record: r }) => ({ townId: r.townId, year: r.year, month: r.month, src: r.src, what: "企业数据" }));
    case "projects":
      // The register (name, stage, total) is not a period's figure; the month's 累计完成投资 is.
      return plan.planned.writes
        .filter((w) => w.record.completedYtd !== null && !sameFigure(w.stored?.completedYtd ?? null, w.record.completedYtd))
        .map(({ record: r }) => ({ townId: r.townId, year: r.year, month: r.month, src: r.src, what: "项目完成投资" }));
    default:
      return []; // town_values are checked by planTownValues against the stored report; plans and the register have no period
  }
}

export async function lockedPeriodProblems(db: Db | Tx, plan: KindPlan, townName: (id: number) => string): Promise<Problem[]> {
  const writes = periodWrites(plan);
  if (writes.length === 0) return [];
  const keys = [...new Map(writes.map((w) => [`${w.townId}|${w.year}|${w.month}`, w])).values()];
  const rows = await db.$queryRawUnsafe<{ key: string; status: ReportStatus }[]>(
    `SELECT tr."regionId" || '|' || tr.year || '|' || tr.month AS key, tr.status::text AS status
       FROM "TownReport" tr JOIN unnest($1::int[], $2::int[], $3::int[]) AS k(r, y, m) ON tr."regionId" = k.r AND tr.year = k.y AND tr.month = k.m
       FOR SHARE OF tr`,
    numberArray(keys.map((k) => k.townId)), numberArray(keys.map((k) => k.year)), numberArray(keys.map((k) => k.month)),
  );
  const status = new Map(rows.map((r) => [r.key, r.status]));
  const problems: Problem[] = [];
  for (const w of writes) {
    const s = status.get(`${w.townId}|${w.year}|${w.month}`) ?? null;
    if (canImportInto(plan.kind, s)) continue;
    const message = `${townName(w.townId)}${formatPeriodRange(w.year, w.month)}月报${periodLockReason(s)}，${w.what}不能通过导入修改；如需更正请先退回或重新打开月报`;
    problems.push({ sheet: w.src.sheet, row: w.src.row, column: null, message, severity: "error" });
  }
  return problems;
}
