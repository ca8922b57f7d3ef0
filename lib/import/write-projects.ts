import "server-only";
// Writes projects with this year's plan and progress; a new stage is recorded in the stage history.
import type { ProjectWrite } from "./plan-projects";
import type { WriteContext } from "./write-context";

const date = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function writeProjects(ctx: WriteContext, writes: ProjectWrite[]) {
  const { tx } = ctx;
  for (const w of writes) {
    const r = w.record;
    const data = {
      name: r.name, townId: r.townId, totalInvestment: r.totalInvestment, stage: r.stage,
      ...(r.sector !== null ? { sector: r.sector } : {}),
      ...(r.parkId !== null ? { parkId: r.parkId } : {}),
      ...(r.enterpriseId !== null ? { enterpriseId: r.enterpriseId } : {}),
      ...(r.signedOn ? { signedOn: date(r.signedOn) } : {}),
      ...(r.startedOn ? { startedOn: date(r.startedOn) } : {}),
      ...(r.completedOn ? { completedOn: date(r.completedOn) } : {}),
    };
    const id = w.stored
      ? (await tx.project.update({ where: { id: w.stored.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })).id
      : (await tx.project.create({ data: { sector: "工业", ...data }, select: { id: true } })).id;
    if (!w.stored || w.stored.stage !== r.stage) {
      await tx.projectStageChange.create({ data: { projectId: id, stage: r.stage, changedOn: new Date(Date.UTC(r.year, r.month - 1, 1)), userId: ctx.actor.id } });
    }
    if (r.yearPlanned !== null) {
      await tx.projectYearPlan.upsert({ where: { projectId_year: { projectId: id, year: r.year } }, create: { projectId: id, year: r.year, planned: r.yearPlanned }, update: { planned: r.yearPlanned } });
    }
    if (r.completedYtd !== null) {
      await tx.projectProgress.upsert({
        where: { projectId_year_month: { projectId: id, year: r.year, month: r.month } },
        create: { projectId: id, year: r.year, month: r.month, completedYtd: r.completedYtd },
        update: { completedYtd: r.completedYtd },
      });
    }
    for (const c of w.changes) ctx.audit.push({ action: "import", entity: "Project", entityId: id, regionId: r.townId, year: r.year, month: r.month, field: c.field, oldValue: c.old, newValue: c.new });
    await ctx.rowsWritten(1);
  }
}
