import "server-only";
// The town's projects for one period: 当年累计完成投资 (YTD, ProjectProgress) against this year's plan
// and last month's, and stage changes with their date (ProjectStageChange, Project.stage). One
// transaction for the whole grid with its audit entries; a stale row is a conflict.
import { recordAudit, type AuditEntry, type Tx } from "@/lib/audit";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Caller } from "@/lib/permissions";
import { formatPeriodKey, type Period } from "@/lib/stats";
import { checkRow, parseCell, sameFigure } from "./cells";
import { PROJECT_PROGRESS_FIELD, progressOverTotal, STAGE_NAMES, stageDateProblem } from "./fields";
import type { ProjectGridSave } from "./schema";
import { assertCanEdit, assertCanView, assertDistinct, entryTown, EntryConflictError, fieldErrorsFailure, holdUnlocked, lastWriter, reportStatusOf, rowErrorsFailure } from "./scope";
import { canonical, rowToken } from "./token";
import type { ProjectGridRow, ProjectGridView, ProjectStageValue, StoredRow } from "./types";

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const FIELD = PROJECT_PROGRESS_FIELD;

/** Today in China, "YYYY-MM-DD": stage changes cannot be dated later. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

async function loadProjects(db: Db | Tx, townId: number, period: Period, ids?: number[]) {
  const rows = await db.project.findMany({
    where: { townId, ...(ids ? { id: { in: ids } } : {}) },
    select: {
      id: true,
      name: true,
      version: true,
      stage: true,
      totalInvestment: true,
      startedOn: true,
      completedOn: true,
      park: { select: { name: true } },
      yearPlans: { where: { year: period.year }, select: { planned: true } },
      progress: { where: { year: period.year, month: { in: [period.month, period.month - 1] } }, select: { month: true, completedYtd: true } },
      stageHistory: { orderBy: [{ changedOn: "desc" }, { id: "desc" }], take: 1, select: { changedOn: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((p) => {
    const at = (m: number) => canonical(p.progress.find((x) => x.month === m)?.completedYtd ?? null);
    const completedYtd = at(period.month);
    const values: Record<string, string> = { stage: p.stage };
    if (completedYtd !== null) values.completedYtd = completedYtd;
    return {
      id: p.id,
      name: p.name,
      version: p.version,
      stage: p.stage as ProjectStageValue,
      startedOn: p.startedOn,
      completedOn: p.completedOn,
      parkName: p.park?.name ?? null,
      totalInvestment: canonical(p.totalInvestment)!,
      yearPlan: canonical(p.yearPlans[0]?.planned ?? null),
      previousYtd: period.month > 1 ? at(period.month - 1) : null,
      stageSince: day(p.stageHistory[0]?.changedOn),
      // Project.version moves with every stage change and registry edit; progress has none of its own.
      token: rowToken({ version: p.version, completedYtd }),
      values,
    };
  });
}

type Loaded = Awaited<ReturnType<typeof loadProjects>>[number];
const storedRow = (p: Loaded): StoredRow => ({ id: p.id, token: p.token, values: p.values });

export async function getProjectGrid(user: Caller, townCode: string, period: Period): Promise<ProjectGridView> {
  const town = await entryTown(townCode);
  await assertCanView(user, town);
  const db = getPrisma();
  const [projects, reportStatus] = await Promise.all([loadProjects(db, town.id, period), reportStatusOf(town.id, period)]);
  // Projects still moving first, in stage order; those in production last.
  const order = (p: Loaded) => (p.stage === "IN_PRODUCTION" ? 1 : 0);
  const rows: ProjectGridRow[] = [...projects]
    .sort((a, b) => order(a) - order(b) || a.id - b.id)
    .map((p) => ({ ...storedRow(p), name: p.name, parkName: p.parkName, totalInvestment: p.totalInvestment, yearPlan: p.yearPlan, previousYtd: p.previousYtd, stage: p.stage, stageSince: p.stageSince }));
  return {
    town: { code: town.code, name: town.name },
    period: { year: period.year, month: period.month, key: formatPeriodKey(period) },
    reportStatus,
    field: FIELD,
    rows,
    today: chinaToday(),
  };
}

/** The date column a stage fills in the register, when it is not set yet (or is that stage's own). */
function stageDates(stage: ProjectStageValue, on: Date, p: Loaded) {
  if (stage === "SIGNED") return { signedOn: on };
  if (stage === "STARTED") return { startedOn: on };
  if (stage === "COMPLETED") return { completedOn: on };
  if (stage === "UNDER_CONSTRUCTION" && !p.startedOn) return { startedOn: on };
  if (stage === "IN_PRODUCTION" && !p.completedOn) return { completedOn: on };
  return {};
}

export async function saveProjectGrid(user: Caller, townCode: string, period: Period, rows: ProjectGridSave["rows"]): Promise<StoredRow[]> {
  const town = await entryTown(townCode);
  await assertCanEdit(user, town, period);
  assertDistinct(rows.map((r) => r.id));

  const parsed = new Map<number, string | null>();
  const fieldErrors: Record<string, string> = {};
  for (const row of rows) {
    const r = parseCell(FIELD, row.completedYtd);
    if (r.ok) parsed.set(row.id, r.value);
    else fieldErrors[`${row.id}.completedYtd`] = `${FIELD.name}：${r.message}`;
  }
  if (Object.keys(fieldErrors).length > 0) throw fieldErrorsFailure(fieldErrors);
  const today = chinaToday();

  return getPrisma().$transaction(async (tx) => {
    await holdUnlocked(tx, town.id, period);
    const ids = rows.map((r) => r.id);
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ANY(${ids}::int[]) AND "townId" = ${town.id} ORDER BY id FOR UPDATE`;
    const current = new Map((await loadProjects(tx, town.id, period, ids)).map((p) => [p.id, p]));
    if (rows.some((r) => !current.has(r.id))) throw fieldErrorsFailure({ rows: "有项目不属于本镇；请刷新页面后重试" });

    const stale = rows.filter((r) => current.get(r.id)!.token !== r.token);
    if (stale.length > 0) {
      const who = await lastWriter(tx, "Project", stale.map((r) => r.id), town.id, period);
      throw new EntryConflictError({ rows: stale.map((r) => storedRow(current.get(r.id)!)), ...who }, "个项目");
    }

    const rowErrors: Record<string, string[]> = {};
    for (const row of rows) {
      const p = current.get(row.id)!;
      const change = row.stageChange && row.stageChange.stage !== p.stage ? row.stageChange : null;
      const dateProblem = change ? stageDateProblem(change.on, today, p.stageSince) : null;
      if (dateProblem) fieldErrors[`${row.id}.stageOn`] = dateProblem;
      const value = parsed.get(row.id) ?? null;
      const values: Record<string, string> = value === null ? {} : { completedYtd: value };
      const errors = checkRow([FIELD], period.month, values, p.previousYtd ? { completedYtd: p.previousYtd } : {}, {}, p.yearPlan ? { completedYtd: p.yearPlan } : {}).errors.map((e) => e.message);
      const over = progressOverTotal(value, p.totalInvestment);
      if (over) errors.push(over);
      if (errors.length > 0) rowErrors[row.id] = errors.map((m) => `${p.name}：${m}`);
    }
    if (Object.keys(fieldErrors).length > 0) throw fieldErrorsFailure(fieldErrors);
    if (Object.keys(rowErrors).length > 0) throw rowErrorsFailure(rowErrors, "个项目");

    const audit: AuditEntry[] = [];
    const where = { regionId: town.id, year: period.year, month: period.month };
    for (const row of rows) {
      const p = current.get(row.id)!;
      const next = parsed.get(row.id) ?? null;
      const old = p.values.completedYtd ?? null;
      if (!sameFigure(old, next)) {
        const key = { projectId: p.id, year: period.year, month: period.month };
        if (next === null) await tx.projectProgress.deleteMany({ where: key });
        else await tx.projectProgress.upsert({ where: { projectId_year_month: key }, create: { ...key, completedYtd: next }, update: { completedYtd: next } });
        audit.push({ action: "update", entity: "Project", entityId: p.id, ...where, field: `${p.name}·${FIELD.name}`.slice(0, 60), oldValue: old, newValue: next });
      }
      const change = row.stageChange && row.stageChange.stage !== p.stage ? row.stageChange : null;
      if (change) {
        const stage = change.stage as ProjectStageValue;
        const on = new Date(`${change.on}T00:00:00Z`);
        await tx.project.update({ where: { id: p.id }, data: { stage, ...stageDates(stage, on, p), version: { increment: 1 } } });
        await tx.projectStageChange.create({ data: { projectId: p.id, stage, changedOn: on, userId: user.id } });
        audit.push({ action: "update", entity: "Project", entityId: p.id, ...where, field: `${p.name}·项目阶段`.slice(0, 60), oldValue: STAGE_NAMES[p.stage], newValue: `${STAGE_NAMES[stage]}（${change.on}）` });
      }
    }
    await recordAudit(tx, user, audit);
    const after = await loadProjects(tx, town.id, period, ids);
    return after.map(storedRow);
  });
}
