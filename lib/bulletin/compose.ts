// The monthly 通报, written from plain data (lib/bulletin/data.ts). Pure: the same data always
// gives the same text. Every number is formatted by lib/stats; a sentence whose figure is
// missing is left out whole.
import Decimal from "decimal.js";
import type { Cell } from "@/lib/overview/compute";
import { peerSentences } from "@/lib/peers/text";
import { growthScopeNote, presentGrowth } from "@/lib/present/figure";
import { formatPeriodRange } from "@/lib/stats";
import { forecastParagraph } from "./compose-forecast";
import { attractionSection, enterpriseSection, parkSection, privateSection, projectSection } from "./compose-sections";
import { nextStepsSection, problemsSection } from "./compose-review";
import { clause, completionPhrase, growthPhrase, HEADLINE, isBehind, names, schedulePhrase, sentence, whole, withNote, yi } from "./phrases";
import type { BulletinData, Section } from "./types";

export { HEADLINE };

const CN_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function bulletinTitle(d: Pick<BulletinData, "county" | "year" | "month">): string {
  return `${d.county.name}乡镇工业经济运行情况通报（${formatPeriodRange(d.year, d.month)}）`;
}

function headline(d: BulletinData): string | null {
  const clauses = HEADLINE.map(({ code, verb }, i) => {
    const cell = d.totals[code];
    const name = d.indicators[code]?.name.replace(/（.*）/, "");
    if (!cell?.value || !name) return null;
    const pct = d.indicators[code].percentPrecision;
    // A loss reads "利润总额亏损1.23亿元", never "实现利润总额-1.23亿元".
    const loss = new Decimal(cell.value).isNeg();
    const figure = loss ? `${name}亏损${yi(new Decimal(cell.value).abs().toFixed())}` : `${verb}${name}${yi(cell.value)}`;
    // The lead indicator carries plan and schedule; the others their growth.
    return i === 0 ? clause(figure, growthPhrase(cell, pct), completionPhrase(cell, pct), schedulePhrase(cell)) : clause(figure, growthPhrase(cell, pct));
  });
  const text = sentence(`${formatPeriodRange(d.year, d.month)}，${whole(d.county)}乡镇工业`, clauses);
  // Say which towns the growth leaves out (like for like), rather than inflating it silently.
  const scope = growthScopeNote([...new Set(HEADLINE.flatMap(({ code }) => d.growthExcluded?.[code] ?? []))]);
  return text && scope ? `${text}${scope}。` : text;
}

type Ranked = { name: string; cell: Cell };

function rankedTowns(d: BulletinData, code: string, by: "rank" | "growthRank"): Ranked[] {
  return d.towns
    .map((t) => ({ name: t.name, cell: t.cells[code] }))
    .filter((t): t is Ranked => !!t.cell && t.cell[by] !== null)
    .sort((a, b) => a.cell[by]! - b.cell[by]! || a.name.localeCompare(b.name, "zh"));
}

export function rankingParagraphs(d: BulletinData, code = "gross_output"): string[] {
  const name = d.indicators[code]?.name;
  if (!name) return [];
  const pct = d.indicators[code].percentPrecision;
  const byTotal = rankedTowns(d, code, "rank");
  const byGrowth = rankedTowns(d, code, "growthRank");
  const top = (list: Ranked[]) => list.filter((t) => t.cell.rank !== null).slice(0, 3);
  const parts = [
    byTotal.length >= 3 ? `${name}总量列前三位的是${names(top(byTotal).map((t) => t.name))}` : null,
    byGrowth.length >= 3 ? `增幅列前三位的是${names(byGrowth.slice(0, 3).map((t) => withNote(t.name, presentGrowth(t.cell, pct).words)))}` : null,
  ];
  const out = [sentence("", parts)].filter((x): x is string => x !== null);
  const falling = byGrowth.filter((t) => t.cell.lossChange === null && presentGrowth(t.cell, pct).tone === "down");
  if (falling.length > 0) out.push(`${name}同比下降的有${names(falling.map((t) => t.name))}。`);
  const withGap = byTotal.filter((t) => t.cell.scheduleGapPoints !== null);
  const behind = withGap.filter((t) => isBehind(t.cell.scheduleGapPoints)).sort((a, b) => a.cell.scheduleGapPoints! - b.cell.scheduleGapPoints!);
  if (behind.length > 0) out.push(`落后时序进度的有${names(behind.map((t) => withNote(t.name, schedulePhrase(t.cell)!.replace("落后时序进度", "落后"))))}。`);
  else if (withGap.length > 0) out.push(`各乡镇${name}均达到时序进度要求。`);
  const turned = d.towns.filter((t) => t.cells.profit?.lossChange === "扭亏为盈").map((t) => t.name);
  if (turned.length > 0) out.push(`${names(turned)}利润总额同比扭亏为盈。`);
  // Say which towns the totals leave out, rather than dropping them silently.
  const missing = d.towns.filter((t) => t.cells[code]?.value == null).map((t) => t.name);
  if (missing.length > 0 && byTotal.length > 0) out.push(`${names(missing)}本期数据尚未报送或未通过审核，未计入${whole(d.county)}合计和排名。`);
  return out;
}

/** "我市乡镇工业经济总量在6个县（市、区）中名列第3位…" (lib/peers/text), or null. */
function peerParagraph(d: BulletinData): string | null {
  const sentences = d.peers ? peerSentences(d.peers) : [];
  return sentences.length > 0 ? sentences.join("") : null;
}

export function composeBulletin(d: BulletinData): { title: string; sections: Section[] } {
  const raw: Section[] = [
    // The county's place among its city's counties follows its own totals (omitted without figures).
    { heading: "总体情况", paragraphs: [headline(d), peerParagraph(d), forecastParagraph(d)].filter((x): x is string => x !== null) },
    { heading: "乡镇排名", paragraphs: rankingParagraphs(d) },
    parkSection(d),
    projectSection(d),
    attractionSection(d),
    privateSection(d),
    enterpriseSection(d),
  ].filter((s) => s.paragraphs.length > 0);
  // 存在问题 and 下步工作, drafted for the author to edit before publishing; nothing to draft from without figures.
  if (raw.length > 0) raw.push(problemsSection(d), nextStepsSection(d));
  const sections = raw.map((s, i) => ({ ...s, heading: `${CN_NUMERALS[i]}、${s.heading}` }));
  return { title: bulletinTitle(d), sections };
}

/** Sections as the editable text: a heading line ("一、总体情况"), then its paragraphs. */
export function sectionsToText(sections: Section[]): string {
  return sections.map((s) => [s.heading, ...s.paragraphs].join("\n")).join("\n\n");
}

const HEADING = /^[一二三四五六七八九十]+、/;

/** The edited text back into sections (for print and Word). */
export function textToSections(text: string): Section[] {
  const out: Section[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    if (HEADING.test(line) && line.length <= 30) out.push({ heading: line, paragraphs: [] });
    else if (out.length === 0) out.push({ heading: "", paragraphs: [line] });
    else out[out.length - 1].paragraphs.push(line);
  }
  return out;
}

const RUN_IN = /^(（[一二三四五六七八九十]+）[^。]{1,40}。)([\s\S]*)$/;

/** A paragraph that opens with a run-in 二级标题 ("（一）部分乡镇进度滞后。…"): [heading, rest]; else [null, text]. */
export function splitRunInHeading(text: string): [string | null, string] {
  const m = RUN_IN.exec(text);
  return m ? [m[1], m[2]] : [null, text];
}
