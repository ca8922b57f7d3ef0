import "server-only";
// Records + fresh stored data → what the import will do. Used by the preview and again, inside
// the transaction, by the commit.
import type { Tx } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { loadEnterpriseFacts, loadEnterpriseValueFacts, loadPlanFacts, loadProjectFacts, loadTownFacts } from "./facts";
import { planEnterprises, planEnterpriseValues, type EnterpriseValueWrite, type EnterpriseWrite } from "./plan-enterprises";
import { planPlans, planTownValues, type PlanWrite, type TownPlanned } from "./plan-figures";
import type { PlanMode } from "./history";
import { planProjects, type ProjectWrite } from "./plan-projects";
import { lockedPeriodProblems } from "./period-locks";
import type { Planned } from "./plan-types";
import type { AnyRecord, EnterpriseRecord, EnterpriseValuesRecord, PlanRecord, ProjectRecord, TownValuesRecord } from "./records";
import type { Refs } from "./refs";
import type { ImportKind } from "./types";

export type KindPlan =
  | { kind: "town_values"; planned: TownPlanned }
  | { kind: "plans"; planned: Planned<PlanWrite> }
  | { kind: "enterprises"; planned: Planned<EnterpriseWrite> }
  | { kind: "enterprise_values"; planned: Planned<EnterpriseValueWrite> }
  | { kind: "projects"; planned: Planned<ProjectWrite> };

/** The plan of an import, with every row that would write figures of a locked town-period refused. */
export async function planImport(db: Db | Tx, kind: ImportKind, records: AnyRecord[], refs: Refs, mode?: PlanMode): Promise<KindPlan> {
  const townName = (id: number) => refs.towns.find((t) => t.id === id)?.name ?? `#${id}`;
  const plan = await planKind(db, kind, records, refs, mode);
  plan.planned.problems.push(...(await lockedPeriodProblems(db, plan, townName)));
  return plan;
}

async function planKind(db: Db | Tx, kind: ImportKind, records: AnyRecord[], refs: Refs, mode?: PlanMode): Promise<KindPlan> {
  const townName = (id: number) => refs.towns.find((t) => t.id === id)?.name ?? (id === refs.county.id ? refs.county.name : `#${id}`);
  switch (kind) {
    case "town_values": {
      const rs = records as TownValuesRecord[];
      return { kind, planned: planTownValues(rs, await loadTownFacts(db, rs), refs.indicators, mode) };
    }
    case "plans": {
      const rs = records as PlanRecord[];
      return { kind, planned: planPlans(rs, await loadPlanFacts(db, rs), refs.indicators) };
    }
    case "enterprises": {
      const rs = records as EnterpriseRecord[];
      const stored = await loadEnterpriseFacts(db, rs.map((r) => r.creditCode));
      const parkName = (id: number | null) => (id === null ? null : refs.parks.find((p) => p.id === id)?.name ?? `#${id}`);
      const planned = planEnterprises(rs, stored, { town: townName, park: parkName });
      // Credit codes are unique nationally: one registered in another county is not ours to change.
      const ours = new Set(refs.towns.map((t) => t.id));
      for (const r of rs) {
        const s = stored.get(r.creditCode);
        if (s && !ours.has(s.townId)) planned.problems.push({ sheet: r.src.sheet, row: r.src.row, column: "统一社会信用代码", message: "该信用代码的企业已登记在其他县（市、区），不能导入", severity: "error" });
        else if (s && refs.onlyTownId !== null && s.townId !== refs.onlyTownId) planned.problems.push({ sheet: r.src.sheet, row: r.src.row, column: "统一社会信用代码", message: "该企业已登记在其他乡镇，只能由县局调整", severity: "error" });
      }
      return { kind, planned };
    }
    case "enterprise_values": {
      const rs = records as EnterpriseValuesRecord[];
      const facts = await loadEnterpriseValueFacts(db, rs, refs.towns.map((t) => t.id), refs.indicators);
      return { kind, planned: planEnterpriseValues(rs, facts, refs.indicators) };
    }
    case "projects": {
      const rs = records as ProjectRecord[];
      return { kind, planned: planProjects(rs, await loadProjectFacts(db, rs), townName) };
    }
  }
}
