// Projects against the stored ones of the same town and name, with this year's plan and progress.
import type { ProjectStage } from "@/lib/generated/prisma/enums";
import { opOf, sameFigure, type Change, type Planned } from "./plan-types";
import type { ProjectRecord } from "./records";
import { STAGE_LABELS } from "./values";

export type StoredProject = {
  id: number; name: string; townId: number; parkId: number | null; enterpriseId: number | null; sector: string; totalInvestment: string; stage: ProjectStage;
  signedOn: string | null; startedOn: string | null; completedOn: string | null;
  yearPlanned: string | null; completedYtd: string | null;
};
export type ProjectWrite = { record: ProjectRecord; stored: StoredProject | null; changes: Change[] };

export const projectKey = (townId: number, name: string) => `${townId}|${name.replace(/\s/g, "")}`;

export function planProjects(records: ProjectRecord[], stored: Map<string, StoredProject>, townName: (id: number) => string): Planned<ProjectWrite> {
  const out: Planned<ProjectWrite> = { actions: [], problems: [], writes: [] };
  for (const rec of records) {
    const old = stored.get(projectKey(rec.townId, rec.name)) ?? null;
    const changes: Change[] = [];
    const text = (field: string, a: string | null | undefined, b: string | null) => {
      if (b !== null && (a ?? null) !== b) changes.push({ field, old: a ?? null, new: b });
    };
    const fig = (field: string, a: string | null | undefined, b: string | null) => {
      if (b !== null && !sameFigure(a ?? null, b)) changes.push({ field, old: a ?? null, new: b });
    };
    if (!old) changes.push({ field: "项目名称", old: null, new: rec.name });
    fig("计划总投资", old?.totalInvestment, rec.totalInvestment);
    text("项目阶段", old ? STAGE_LABELS[old.stage] : null, STAGE_LABELS[rec.stage]);
    text("项目类别", old?.sector, rec.sector);
    if (rec.parkId !== null && old?.parkId !== rec.parkId) changes.push({ field: "园区", old: old?.parkId ? String(old.parkId) : null, new: String(rec.parkId) });
    if (rec.enterpriseId !== null && old?.enterpriseId !== rec.enterpriseId) changes.push({ field: "建设单位", old: old?.enterpriseId ? String(old.enterpriseId) : null, new: String(rec.enterpriseId) });
    text("签约日期", old?.signedOn, rec.signedOn);
    text("开工日期", old?.startedOn, rec.startedOn);
    text("竣工日期", old?.completedOn, rec.completedOn);
    fig(`${rec.year}年计划投资`, old?.yearPlanned, rec.yearPlanned);
    fig(`${rec.year}年1–${rec.month}月累计完成投资`, old?.completedYtd, rec.completedYtd);
    if (rec.completedYtd && rec.yearPlanned === null && old?.yearPlanned == null && ["NEGOTIATING", "SIGNED"].includes(rec.stage)) {
      out.problems.push({ sheet: rec.src.sheet, row: rec.src.row, column: "项目阶段", message: "项目尚未开工却填报了完成投资，请核实", severity: "warning" });
    }
    out.actions.push({ op: opOf(old !== null, old ? changes : []), label: `${townName(rec.townId)} ${rec.name}`, src: rec.src, changes });
    if (!old || changes.length > 0) out.writes.push({ record: rec, stored: old, changes });
  }
  return out;
}
