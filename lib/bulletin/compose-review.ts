// 存在问题 and 下步工作, drafted from the data for the author to edit before publishing: towns behind
// 时序进度, indicators falling year on year (county and towns), loss-making towns (减亏/增亏/由盈转亏),
// projects whose investment lags the year's schedule, towns that have not reported. Each item is a
// run-in 二级标题 "（一）…。" followed by its sentences. Pure.
import Decimal from "decimal.js";
import type { Cell } from "@/lib/overview/compute";
import { presentGrowth, presentPlan, presentValue } from "@/lib/present/figure";
import { formatPercent, formatScheduleGap, planCompletionPercent } from "@/lib/stats";
import { HEADLINE, isBehind, names, whole, withNote } from "./phrases";
import type { BulletinData, Section } from "./types";

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** At most this many projects are named; the count says how many there are. */
const MAX_PROJECTS = 5;
/** The indicators whose towns falling year on year are named. */
const TOWN_DECLINE_CODES = ["gross_output", "sales_revenue", "tax"];

type Item = { heading: string; text: string };

/** "512.30万元" below 1亿元, else "1.23亿元": a town's loss is usually far below 1亿元. */
const money = (wan: Decimal.Value) => {
  const v = new Decimal(wan);
  const p = presentValue(v.toFixed(), { unit: "万元", precision: 2 }, v.abs().gte(10000) ? "yi" : "native");
  return `${p.text}${p.unit}`;
};

const shortName = (d: BulletinData, code: string) => d.indicators[code]?.name.replace(/（.*）/, "") ?? null;

const numbered = (items: Item[]) => items.map((it, i) => `（${CN[i]}）${it.heading}。${it.text}`);

type Behind = { name: string; cell: Cell };

function townsBehind(d: BulletinData, code = "gross_output"): Behind[] {
  return d.towns
    .map((t) => ({ name: t.name, cell: t.cells[code] }))
    .filter((t): t is Behind => !!t.cell && t.cell.planCompletionPercent !== null && isBehind(t.cell.scheduleGapPoints))
    .sort((a, b) => a.cell.scheduleGapPoints! - b.cell.scheduleGapPoints!);
}

/** County indicators falling (同比下降, or 增亏 on a loss). */
function countyDeclines(d: BulletinData): string[] {
  return HEADLINE.flatMap(({ code }) => {
    const cell = d.totals[code];
    const name = shortName(d, code);
    if (!cell || !name || cell.value === null) return [];
    const g = presentGrowth(cell, d.indicators[code].percentPrecision);
    const falling = cell.lossChange === "增亏" || (cell.lossChange === null && g.tone === "down");
    return falling ? [`${name}${cell.lossChange === "增亏" ? "同比增亏" : `同比${g.words}`}`] : [];
  });
}

function townDeclines(d: BulletinData): { name: string; towns: { name: string; words: string }[] }[] {
  return TOWN_DECLINE_CODES.flatMap((code) => {
    const name = shortName(d, code);
    if (!name) return [];
    const pct = d.indicators[code].percentPrecision;
    const towns = d.towns
      .filter((t) => t.cells[code]?.lossChange == null && presentGrowth(t.cells[code], pct).tone === "down")
      .sort((a, b) => a.cells[code]!.yoyPercent! - b.cells[code]!.yoyPercent!)
      .map((t) => ({ name: t.name, words: presentGrowth(t.cells[code], pct).words }));
    return towns.length > 0 ? [{ name, towns }] : [];
  });
}

/** Towns whose 利润总额 is a loss, with how it moved: 减亏/增亏 by how much, 由盈转亏, or as last year. */
type Loss = { name: string; text: string; change: "减亏" | "增亏" | "持平" | "由盈转亏" | null };

function lossTowns(d: BulletinData): Loss[] {
  const profit = shortName(d, "profit") ?? "利润总额";
  return d.towns.flatMap((t): Loss[] => {
    const c = t.cells.profit;
    if (!c?.value || !new Decimal(c.value).isNeg()) return [];
    const loss = `${t.name}${profit}亏损${money(new Decimal(c.value).abs())}`;
    const inc = c.increase === null ? null : new Decimal(c.increase);
    if (c.lossChange === "减亏") return [{ name: t.name, change: "减亏", text: `${loss}，同比减亏${inc ? money(inc.abs()) : ""}` }];
    if (c.lossChange === "增亏") return [{ name: t.name, change: "增亏", text: `${loss}，同比增亏${inc ? money(inc.abs()) : ""}` }];
    if (c.lossChange === "持平") return [{ name: t.name, change: "持平", text: `${loss}，亏损额与上年同期持平` }];
    if (c.base !== null && new Decimal(c.base).gte(0)) return [{ name: t.name, change: "由盈转亏", text: `${loss}，上年同期为盈利，由盈转亏` }];
    return [{ name: t.name, change: null, text: loss }];
  });
}

type LaggingProject = { label: string; completion: Decimal; gap: number };

/** Projects in this year's plan whose investment completion is behind 时序进度, furthest behind first. */
function laggingProjects(d: BulletinData): LaggingProject[] {
  if (d.timeProgressPercent === null) return [];
  return d.projects
    .flatMap((p) => {
      const completion = planCompletionPercent(p.completedYtd ?? "0", p.yearPlanned);
      if (p.yearPlanned === null || completion === null) return [];
      const gap = completion.minus(d.timeProgressPercent!).toNumber();
      return isBehind(gap) ? [{ label: `${p.town}${p.name}`, completion, gap }] : [];
    })
    .sort((a, b) => a.gap - b.gap);
}

const missingTowns = (d: BulletinData) => d.towns.filter((t) => t.cells.gross_output?.value == null).map((t) => t.name);

export function problemsSection(d: BulletinData): Section {
  const items: Item[] = [];
  const output = shortName(d, "gross_output") ?? "工业总产值";
  const behind = townsBehind(d);
  if (behind.length > 0) {
    const each = behind.map((t) => `${t.name}完成年计划的${presentPlan(t.cell).completion}，${formatScheduleGap(t.cell.scheduleGapPoints)}`);
    items.push({ heading: "部分乡镇进度滞后", text: `${output}落后时序进度的乡镇有${behind.length}个：${each.join("；")}。` });
  }
  const county = countyDeclines(d);
  const towns = townDeclines(d);
  if (county.length > 0 || towns.length > 0) {
    const parts = [county.length > 0 ? `${whole(d.county)}${county.join("，")}` : null, ...towns.map((x) => `${x.name}同比下降的有${names(x.towns.map((t) => withNote(t.name, t.words)))}`)].filter(Boolean);
    items.push({ heading: "部分指标同比下降", text: `${parts.join("；")}。` });
  }
  const losses = lossTowns(d);
  if (losses.length > 0) items.push({ heading: "部分乡镇仍有亏损", text: `${losses.map((l) => l.text).join("；")}。` });
  const lagging = laggingProjects(d);
  if (lagging.length > 0) {
    const shown = lagging.slice(0, MAX_PROJECTS).map((p) => `${p.label}完成年度计划投资的${formatPercent(p.completion, 1)}，${formatScheduleGap(p.gap)}`);
    const lead = lagging.length > MAX_PROJECTS ? `纳入年度投资计划的项目中有${lagging.length}个投资进度落后时序进度，落后较多的是：` : "";
    items.push({ heading: "部分项目投资进度偏慢", text: `${lead}${shown.join("；")}。` });
  }
  const missing = missingTowns(d);
  if (missing.length > 0) items.push({ heading: "数据报送不够及时", text: `${names(missing)}本期数据尚未报送或未通过审核。` });
  return { heading: "存在问题", paragraphs: items.length > 0 ? numbered(items) : [`${whole(d.county)}乡镇工业各项主要指标运行平稳，本期未发现需要通报的突出问题。`] };
}

export function nextStepsSection(d: BulletinData): Section {
  const items: Item[] = [];
  const behind = townsBehind(d).map((t) => t.name);
  items.push(
    behind.length > 0
      ? { heading: "对照目标抓进度", text: `${names(behind)}要对照年度目标任务，查找差距、倒排进度，力争尽快赶上时序进度；其他乡镇要保持良好势头，确保全面完成全年目标任务。` }
      : { heading: "对照目标抓进度", text: "各乡镇要保持良好势头，对照年度目标任务，确保全面完成全年目标任务。" },
  );
  const declining = [...new Set(townDeclines(d).flatMap((x) => x.towns.map((t) => t.name)))];
  if (declining.length > 0 || countyDeclines(d).length > 0) {
    const who = declining.length > 0 ? `${names(declining)}要` : "各乡镇要";
    items.push({ heading: "稳住增长势头", text: `${who}深入分析指标下降原因，加强重点企业生产经营调度，帮助企业稳订单、拓市场，推动主要指标止降回升。` });
  }
  const losses = lossTowns(d);
  if (losses.length > 0) {
    const shrinking = losses.filter((l) => l.change === "减亏").map((l) => l.name);
    const others = losses.filter((l) => l.change !== "减亏").map((l) => l.name);
    const parts = [shrinking.length > 0 ? `${names(shrinking)}要巩固减亏成果` : null, others.length > 0 ? `${names(others)}要遏制亏损扩大势头` : null].filter(Boolean);
    items.push({ heading: "抓好减亏增效", text: `${parts.join("，")}，加强对亏损企业的分析帮扶，推动早日扭亏。` });
  }
  const lagging = laggingProjects(d);
  if (lagging.length > 0) items.push({ heading: "加快项目建设", text: `投资进度落后的${lagging.length}个项目要加快建设进度，协调解决用地、资金等问题，推动项目早竣工、早投产、早达效。` });
  const missing = missingTowns(d);
  items.push({
    heading: "提高数据质量",
    text: `${missing.length > 0 ? `${names(missing)}要尽快报送本期数据；` : ""}各乡镇要严格执行统计报表制度，按时报送月报，确保数据真实、准确、完整。`,
  });
  return { heading: "下步工作", paragraphs: numbered(items) };
}
