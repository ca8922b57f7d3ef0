import "server-only";
// One project with its year plans, monthly 当年累计完成投资 and stage history; scope in the where.
import { getPrisma } from "@/lib/db/client";

export async function getProject(id: number, townIds: number[]) {
  return getPrisma().project.findFirst({
    where: { id, townId: { in: townIds } },
    select: {
      id: true,
      name: true,
      sector: true,
      stage: true,
      totalInvestment: true,
      signedOn: true,
      startedOn: true,
      completedOn: true,
      plannedEndOn: true,
      version: true,
      townId: true,
      parkId: true,
      enterpriseId: true,
      town: { select: { code: true, name: true } },
      park: { select: { id: true, name: true } },
      enterprise: { select: { id: true, name: true } },
      yearPlans: { select: { year: true, planned: true }, orderBy: { year: "desc" } },
      progress: { select: { year: true, month: true, completedYtd: true }, orderBy: [{ year: "asc" }, { month: "asc" }] },
      stageHistory: { select: { stage: true, changedOn: true }, orderBy: [{ changedOn: "asc" }, { id: "asc" }] },
    },
  });
}
