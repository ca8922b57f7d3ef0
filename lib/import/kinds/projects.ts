// Projects: one row per project, identified by town and name.
import { PROJECT_FIELDS } from "../columns";
import type { FieldSpec } from "../headers";
import type { ProjectRecord } from "../records";
import { parkResolver, type Refs } from "../refs";
import type { RowReader } from "../rows";
import { parseDateText, parseStage, type Parsed } from "../values";
import { resolveRegion } from "./figures";
import { creditCodeProblem } from "@/lib/enterprises/credit-code";

const iso = (raw: string): Parsed<string> => {
  const d = parseDateText(raw);
  return d.ok ? { ok: true, value: d.value.toISOString().slice(0, 10) } : d;
};

export const projectsKind = {
  specs: (): FieldSpec[] => PROJECT_FIELDS,
  parse(r: RowReader, refs: Refs): ProjectRecord | null {
    const name = r.required("name", "项目名称");
    if (name && name.length > 120) r.problem("name", "项目名称过长（最多120字）");
    const town = resolveRegion(r, refs, false);
    const total = r.figure("totalInvestment", { unit: "万元" });
    if (total === null) r.problem("totalInvestment", "计划总投资不能为空");
    const stage = r.read("stage", parseStage);
    if (stage === null) r.problem("stage", "项目阶段不能为空");
    const parkName = r.text("park");
    const park = parkName ? parkResolver(refs)(parkName) : null;
    if (parkName && !park) r.problem("park", `未知园区“${parkName}”`);
    const code = r.text("creditCode")?.toUpperCase() ?? null;
    const enterprise = code && !creditCodeProblem(code) ? refs.enterprises.get(code) ?? null : null;
    if (code && !enterprise) r.problem("creditCode", `建设单位信用代码 ${code} 不在企业名录中，项目将不关联企业`, "warning");
    const signedOn = r.read("signedOn", iso) ?? null;
    const startedOn = r.read("startedOn", iso) ?? null;
    const completedOn = r.read("completedOn", iso) ?? null;
    const yearPlanned = r.figure("yearPlanned", { unit: "万元" }) ?? null;
    const completedYtd = r.figure("completedYtd", { unit: "万元" }) ?? null;
    const period = yearPlanned !== null || completedYtd !== null ? r.period(refs.defaultPeriod) : refs.defaultPeriod;
    if (!name || !town || !total || !stage || !r.ok) return null;
    const p = period ?? { year: new Date().getFullYear(), month: 12 };
    return {
      src: r.src, name, townId: town.id, parkId: park?.id ?? null, enterpriseId: enterprise?.id ?? null, sector: r.text("sector")?.slice(0, 40) ?? null,
      totalInvestment: total, stage, signedOn, startedOn, completedOn, yearPlanned, completedYtd, year: p.year, month: p.month,
    };
  },
  key: (x: ProjectRecord) => `${x.townId}|${x.name.replace(/\s/g, "")}`,
  keyLabel: "同一乡镇、同一项目名称",
};
