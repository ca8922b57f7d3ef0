// The bulletin's topical sections: parks, projects, investment attraction, private economy and
// enterprise tiers. Pure; each sentence is built only from figures that exist.
import Decimal from "decimal.js";
import { STAGE_LABELS, STAGES } from "@/lib/projects/filters";
import { formatNumber, formatPercent, formatPeriodRange, OUTPUT_TIER_LABELS, planCompletionPercent, projectBucket, PROJECT_BUCKET_LABELS, type ProjectBucket } from "@/lib/stats";
import { clause, completionPhrase, count, growthOf, growthPhrase, names, sentence, whole, withNote, yi } from "./phrases";
import type { BulletinData, ProjectFigures, Section } from "./types";

export const BUCKET_ORDER: ProjectBucket[] = ["ge1b", "ge100m", "50m_100m", "10m_50m", "lt10m"];

const sum = (xs: (string | null)[]) => {
  const present = xs.filter((x): x is string => x !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed();
};
const totalOf = (list: ProjectFigures[]) => sum(list.map((p) => p.totalInvestment));

export function parkSection(d: BulletinData): Section {
  const paragraphs = d.parks
    .map((p) =>
      sentence(withNote(p.name, p.level), [
        clause(p.salesRevenue === null ? null : `实现销售收入${yi(p.salesRevenue)}`, growthOf(p.salesRevenue, p.salesRevenueLastYear)),
        clause(p.profitTax === null ? null : `利税${yi(p.profitTax)}`, growthOf(p.profitTax, p.profitTaxLastYear)),
        p.infrastructureInvestment === null ? null : `完成基础设施投资${yi(p.infrastructureInvestment)}`,
        p.enterpriseCount === null ? null : `入园企业${count(p.enterpriseCount, "家")}`,
        p.developedArea === null ? null : `已开发面积${formatNumber(p.developedArea, 0)}亩`,
      ]),
    )
    .filter((x): x is string => x !== null);
  return { heading: "园区建设", paragraphs };
}

export function projectSection(d: BulletinData): Section {
  const list = d.projects;
  if (list.length === 0) return { heading: "项目建设", paragraphs: [] };
  const byBucket = BUCKET_ORDER.map((b) => ({ b, items: list.filter((p) => projectBucket(p.totalInvestment) === b) })).filter((x) => x.items.length > 0);
  const byStage = STAGES.map((s) => ({ s, items: list.filter((p) => p.stage === s) })).filter((x) => x.items.length > 0);
  const paragraphs = [
    `${whole(d.county)}乡镇共有工业项目${list.length}个，计划总投资${yi(totalOf(list))}。` +
      `按投资规模分，${byBucket.map((x) => `${PROJECT_BUCKET_LABELS[x.b]}项目${x.items.length}个、计划总投资${yi(totalOf(x.items))}`).join("，")}；` +
      `按项目阶段分，${byStage.map((x) => `${STAGE_LABELS[x.s]}${x.items.length}个（计划总投资${yi(totalOf(x.items))}）`).join("、")}。`,
  ];
  // Plan completion over the projects that have this year's plan, so unplanned progress does not inflate it.
  const inPlan = list.filter((p) => p.yearPlanned !== null);
  const planned = sum(inPlan.map((p) => p.yearPlanned));
  const done = sum(inPlan.map((p) => p.completedYtd));
  const pct = planCompletionPercent(done, planned);
  const progress = sentence(`${formatPeriodRange(d.year, d.month)}，`, [
    clause(
      planned === null ? null : `纳入年度投资计划的项目${inPlan.length}个，当年计划投资${yi(planned)}`,
      done === null ? null : `累计完成投资${yi(done)}`,
      pct === null ? null : `完成年度计划的${formatPercent(pct, 1)}`,
    ),
  ]);
  if (progress) paragraphs.push(progress);
  const big = list.filter((p) => new Decimal(p.totalInvestment).gte(10000));
  if (big.length > 0) {
    const shown = big.slice(0, 10).map((p) => withNote(`${p.town}${p.name}`, `${yi(p.totalInvestment)}，${STAGE_LABELS[p.stage]}`));
    paragraphs.push(`亿元以上项目${big.length}个${big.length > 10 ? "，计划总投资居前十位的是" : "："}${names(shown)}。`);
  }
  return { heading: "项目建设", paragraphs };
}

/**
 * 招商引资, one definition per sentence: the towns' monthly reports are the official figures (招引项目,
 * 计划总投资, 实际到账资金, with growth and plan completion); the project records add only what the
 * reports do not carry (foreign-currency projects, how many have funds arrived). Their totals differ
 * from the reports' (records are kept at different times and scopes); the difference is a check for
 * the reviewer on the bulletin page (./checks.ts), not a second figure in the text. Without monthly
 * report figures the records' totals are printed, said to be from the records.
 */
export function attractionSection(d: BulletinData): Section {
  const a = d.attraction;
  const t = d.totals;
  const range = formatPeriodRange(d.year, d.month);
  const official = sentence(`${range}，据乡镇月报，${whole(d.county)}乡镇`, [
    clause(t.attracted_projects?.value ? `招引项目${count(t.attracted_projects.value, "个")}` : null, growthPhrase(t.attracted_projects), completionPhrase(t.attracted_projects)),
    clause(t.attracted_investment?.value ? `招引项目计划总投资${yi(t.attracted_investment.value)}` : null, growthPhrase(t.attracted_investment), completionPhrase(t.attracted_investment)),
    clause(t.funds_arrived?.value ? `实际到账资金${yi(t.funds_arrived.value)}` : null, growthPhrase(t.funds_arrived), completionPhrase(t.funds_arrived)),
  ]);
  const paragraphs = official ? [official] : [];
  if (!a) return { heading: "招商引资", paragraphs };
  const usd = a.usd ? `外资项目${a.usd.count}个，协议外资${formatNumber(a.usd.plannedWanUsd, 2)}万美元，到账外资${formatNumber(a.usd.arrivedWanUsd, 2)}万美元，按签约当期汇率折算` : null;
  const arrived = a.arrivedCount > 0 ? `${a.arrivedCount}个项目已有资金到账` : null;
  const note = a.unconverted > 0 ? `另有${a.unconverted}个外资项目因缺少当期汇率未计入人民币合计。` : "";
  if (official) {
    const detail = sentence("招商项目库登记的签约项目中，", [usd, arrived]);
    if (detail) paragraphs.push(detail + note);
  } else {
    paragraphs.push(`${range}，据招商项目库登记，${whole(d.county)}乡镇新签约招商引资项目${a.signed}个${usd ? `（其中${usd}）` : ""}，计划总投资${yi(a.plannedWan)}，实际到账资金${yi(a.arrivedWan)}${arrived ? `，其中${arrived}` : ""}。${note}`);
  }
  return { heading: "招商引资", paragraphs };
}

export function privateSection(d: BulletinData): Section {
  const t = d.totals;
  const s = sentence(`${formatPeriodRange(d.year, d.month)}，${whole(d.county)}`, [
    clause(t.new_private_enterprises?.value ? `新发展私营企业${count(t.new_private_enterprises.value, "户")}` : null, growthPhrase(t.new_private_enterprises), completionPhrase(t.new_private_enterprises)),
    clause(t.new_individual_businesses?.value ? `新发展个体工商户${count(t.new_individual_businesses.value, "户")}` : null, growthPhrase(t.new_individual_businesses)),
    clause(t.new_private_capital?.value ? `新增民营注册资本${yi(t.new_private_capital.value)}` : null, growthPhrase(t.new_private_capital)),
  ]);
  return { heading: "民营经济", paragraphs: s ? [s] : [] };
}

export function enterpriseSection(d: BulletinData): Section {
  const e = d.enterprises;
  if (!e || e.reporting === 0) return { heading: "重点企业", paragraphs: [] };
  const tiers = (["over100m", "over50m", "over20m"] as const).map((k) => `${OUTPUT_TIER_LABELS[k]}的${e[k]}家`);
  return {
    heading: "重点企业",
    paragraphs: [`${formatPeriodRange(d.year, d.month)}，${whole(d.county)}报送数据的企业${e.reporting}家，其中${tiers.join("，")}；税收过百万元的企业${e.taxOverMillion}家。`],
  };
}
