// The period a sheet states: in its title ("2024年1-9月各乡镇工业主要经济指标完成情况表") or its name
// ("1-9月", "9月", "2024年1-9月", "2024.9"). A workbook kept by a county has one sheet per month, so
// the sheet's own period beats the one chosen in the upload form; where title and name disagree, or
// a month has no year, the preview asks (a question, never a guess). Pure.
import { isValidPeriod, type Period } from "@/lib/stats";

export type PeriodSource = "choice" | "title" | "name" | "form" | "column";
export const PERIOD_SOURCE_LABELS: Record<PeriodSource, string> = { choice: "预览中选择", title: "标题", name: "工作表名", form: "页面所选统计期", column: "表中“统计期”列" };

export type SheetPeriod = { period: Period | null; from: PeriodSource | null; question: string | null };

const RANGE = "(?:1\\s*[-–—~至到]\\s*)?";
const valid = (year: number, month: number): Period | null => {
  const p = { year, month };
  return isValidPeriod(p) && year >= 2000 && year <= 2100 ? p : null;
};
const clean = (s: string) => s.normalize("NFKC").replace(/\s/g, "");

/** "2024年1-9月…" anywhere in a text → 2024-09 (the first one). */
export function periodInTitle(text: string): Period | null {
  const m = new RegExp(`(\\d{4})年${RANGE}(\\d{1,2})月`).exec(clean(text));
  return m ? valid(Number(m[1]), Number(m[2])) : null;
}

/** A sheet name → a full period, or only a month ("1-9月", "9月"). */
export function periodInName(name: string): { period: Period | null; month: number | null } {
  const t = clean(name);
  let m = new RegExp(`^(\\d{4})[年.\\-/_]${RANGE}(\\d{1,2})月?(?:累计|份)?$`).exec(t);
  if (m) return { period: valid(Number(m[1]), Number(m[2])), month: null };
  m = /^(\d{4})(\d{2})$/.exec(t);
  if (m) return { period: valid(Number(m[1]), Number(m[2])), month: null };
  m = new RegExp(`^${RANGE}(\\d{1,2})月(?:累计|份)?$`).exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { period: null, month: Number(m[1]) };
  return { period: null, month: null };
}

const same = (a: Period, b: Period) => a.year === b.year && a.month === b.month;
const label = (p: Period) => (p.month === 1 ? `${p.year}年1月` : `${p.year}年1–${p.month}月`);

export function sheetPeriod(sheetName: string, above: readonly string[], form: Period | null, choice: Period | null): SheetPeriod {
  if (choice) return { period: choice, from: "choice", question: null };
  const titled = above.map(periodInTitle).find((p): p is Period => p !== null) ?? null;
  const titleYear = titled?.year ?? above.map((t) => /(\d{4})年/.exec(clean(t))).find(Boolean)?.[1];
  const named = periodInName(sheetName);
  if (titled && named.period && !same(titled, named.period)) {
    return { period: null, from: null, question: `标题写的是${label(titled)}，工作表名是${label(named.period)}，统计期不明确：请在预览中为该表选择统计期` };
  }
  if (titled && named.month !== null && titled.month !== named.month) {
    return { period: null, from: null, question: `标题写的是${label(titled)}，工作表名是${named.month}月，统计期不明确：请在预览中为该表选择统计期` };
  }
  if (titled) return { period: titled, from: "title", question: null };
  if (named.period) return { period: named.period, from: "name", question: null };
  if (named.month !== null) {
    const year = titleYear ? Number(titleYear) : form?.year;
    const p = year ? valid(year, named.month) : null;
    if (p) return { period: p, from: "name", question: null };
    return { period: null, from: null, question: `工作表名“${sheetName}”只有月份、没有年份：请在预览中为该表选择统计期` };
  }
  return { period: form, from: form ? "form" : null, question: null };
}
