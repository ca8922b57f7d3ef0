// Cell text → typed values, each with a Chinese message when it cannot be read.
import { parseFigure } from "@/lib/input";
import { isValidPeriod, type Period } from "@/lib/stats";
import type { ProjectStage, Ownership } from "@/lib/generated/prisma/enums";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

// A plain decimal as a number cell reads ("1234.5", "-20", "0.25"): what nearly every cell of a
// large file is. See plainFigure.
const PLAIN = /^(-?)(\d{1,30})(?:\.(\d{1,30}))?$/;

/**
 * parseFigure's answer for a plain decimal that needs no unit conversion and is valid, computed
 * on the string (parseFigure builds two Decimals per cell: ≈0.7 s for 200k cells); undefined
 * for anything else, which then goes through parseFigure for its value or its message.
 * tests/unit/import/plain-figure.test.ts checks it against parseFigure.
 */
export function plainFigure(text: string, opts: { integerOnly?: boolean; allowNegative?: boolean }): string | undefined {
  const m = PLAIN.exec(text);
  if (!m) return undefined;
  const int = m[2].replace(/^0+/, "");
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (int === "" && frac === "") return "0";
  if (int.length > MAX_PLAIN_INTEGER_DIGITS || frac.length > MAX_PLAIN_FRACTION_DIGITS) return undefined;
  if (m[1] === "-" && !opts.allowNegative) return undefined;
  if (frac !== "" && opts.integerOnly) return undefined;
  return `${m[1]}${int || "0"}${frac ? `.${frac}` : ""}`;
}
const MAX_PLAIN_INTEGER_DIGITS = 14; // lib/input's MAX_INTEGER_DIGITS: below 1e14
const MAX_PLAIN_FRACTION_DIGITS = 4; // and MAX_FRACTION_DIGITS

/** A figure in `unit`; a header unit (e.g. 亿元) applies to cells that carry no unit of their own. */
export function parseFigureCell(text: string, opts: { unit: string; integerOnly?: boolean; allowNegative?: boolean; headerUnit?: string | null }): Parsed<string | null> {
  // A header unit equal to the indicator's own ("工业总产值（万元）") converts nothing.
  if (!opts.headerUnit || opts.headerUnit === opts.unit) {
    const plain = plainFigure(text, opts);
    if (plain !== undefined) return ok(plain);
  }
  const bare = /^[\s\d.,，．\-−+０-９]+$/.test(text);
  const typed = opts.headerUnit && bare ? `${text}${opts.headerUnit}` : text;
  const r = parseFigure(typed.replace(/^\+/, ""), opts);
  return r.ok ? ok(r.value) : fail(r.message);
}

const PERIOD_PATTERNS: RegExp[] = [
  /^(\d{4})[-/.年](\d{1,2})月?$/, // 2024-07, 2024/7, 2024.07, 2024年7月
  /^(\d{4})年?1[-–—~至](\d{1,2})月?(?:累计)?$/, // 2024年1-7月
  /^(\d{4})(\d{2})$/, // 202407
  /^(\d{4})-(\d{2})-\d{2}$/, // a date cell: its month
];

/** "2024-07", "2024年7月", "2024年1–7月", "202407", a date → { year, month }. */
export function parsePeriodText(raw: string): Parsed<Period> {
  const text = raw.normalize("NFKC").replace(/\s/g, "");
  for (const re of PERIOD_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const p = { year: Number(m[1]), month: Number(m[2]) };
    if (isValidPeriod(p) && p.year >= 2000 && p.year <= 2100) return ok(p);
  }
  return fail(`统计期“${raw}”无法识别，应为 2024-07 或 2024年1–7月`);
}

export function parseYearText(raw: string): Parsed<number> {
  const m = /^(\d{4})(年|年度)?$/.exec(raw.normalize("NFKC").replace(/\s/g, ""));
  const y = m ? Number(m[1]) : NaN;
  return y >= 2000 && y <= 2100 ? ok(y) : fail(`年度“${raw}”无法识别，应为四位年份，如 2024`);
}

/** "2024-03-15", "2024/3/15", "2024年3月15日", "2024.3.15" → a UTC date. */
export function parseDateText(raw: string): Parsed<Date> {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.normalize("NFKC").replace(/\s/g, ""));
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1990 && y <= 2100) return ok(date);
  }
  return fail(`日期“${raw}”无法识别，应为 2024-03-15`);
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "规上", "规模以上", "列统"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "规下", "规模以下", "非规上"]);

export function parseYesNo(raw: string): Parsed<boolean> {
  const t = raw.normalize("NFKC").trim().toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return fail(`“${raw}”应为“是”或“否”`);
}

export const STAGE_WORDS: Record<string, ProjectStage> = {
  在谈: "NEGOTIATING", 洽谈: "NEGOTIATING", 签约: "SIGNED", 已签约: "SIGNED", 开工: "STARTED", 新开工: "STARTED", 已开工: "STARTED",
  在建: "UNDER_CONSTRUCTION", 续建: "UNDER_CONSTRUCTION", 竣工: "COMPLETED", 已竣工: "COMPLETED", 投产: "IN_PRODUCTION", 已投产: "IN_PRODUCTION", 竣工投产: "IN_PRODUCTION",
};
export const STAGE_LABELS: Record<ProjectStage, string> = { NEGOTIATING: "在谈", SIGNED: "签约", STARTED: "开工", UNDER_CONSTRUCTION: "在建", COMPLETED: "竣工", IN_PRODUCTION: "投产" };

export function parseStage(raw: string): Parsed<ProjectStage> {
  const s = STAGE_WORDS[raw.replace(/\s/g, "")];
  return s ? ok(s) : fail(`项目阶段“${raw}”无法识别，应为 在谈、签约、开工、在建、竣工、投产 之一`);
}

const OWNERSHIP_WORDS: [RegExp, Ownership][] = [
  [/港|澳|台/, "HMT"],
  [/外|中外/, "FOREIGN"],
  [/国有|国营|国资|集体/, "STATE"],
  [/民营|私营|个体|股份|有限|内资|民/, "PRIVATE"],
];
export const OWNERSHIP_LABELS: Record<Ownership, string> = { PRIVATE: "民营", STATE: "国有", FOREIGN: "外资", HMT: "港澳台" };

export function parseOwnership(raw: string): Parsed<Ownership> {
  const hit = OWNERSHIP_WORDS.find(([re]) => re.test(raw));
  return hit ? ok(hit[1]) : fail(`经济类型“${raw}”无法识别，应为 民营、国有、外资、港澳台 之一`);
}

export function parseIndustryCode(raw: string): Parsed<string> {
  const t = raw.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  if (/^[A-T]\d{2,4}$/.test(t)) return ok(t);
  if (/^\d{2,4}$/.test(t)) return ok(`C${t}`); // sheets often drop the 门类 letter of manufacturing
  return fail(`行业代码“${raw}”不符合国民经济行业分类（如 C3311）`);
}
