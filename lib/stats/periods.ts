import { MISSING } from "./format";

/** A reporting period: figures for it are cumulative January–`month` of `year`. */
export interface Period {
  year: number;
  month: number;
}

const PERIOD_KEY = /^(\d{4})-(\d{2})$/;

export function isValidPeriod(p: Period): boolean {
  return (
    Number.isInteger(p.year) &&
    p.year >= 1000 &&
    p.year <= 9999 &&
    Number.isInteger(p.month) &&
    p.month >= 1 &&
    p.month <= 12
  );
}

/**
 * The first year a period may name in a URL, a query or a request body: no county holds figures
 * from before it (imports use the same floor). Derived periods (last year's base) may go earlier.
 */
export const MIN_PERIOD_YEAR = 2000;

export const PERIOD_FORMAT_MESSAGE = "统计期应为 YYYY-MM 格式，例如 2024-07";
export const PERIOD_RANGE_MESSAGE = `统计期不能早于${MIN_PERIOD_YEAR}年1月`;

/** "2024-07" → { year: 2024, month: 7 }; anything else (e.g. "2024-13", "2024-7", "1899-12") → null. */
export function parsePeriod(key: string): Period | null {
  const period = parseKey(key);
  return period !== null && period.year >= MIN_PERIOD_YEAR ? period : null;
}

/** Why a period key is refused, in Chinese (format or range); null when parsePeriod accepts it. */
export function periodKeyProblem(key: string): string | null {
  const period = parseKey(key);
  if (period === null) return PERIOD_FORMAT_MESSAGE;
  return period.year < MIN_PERIOD_YEAR ? PERIOD_RANGE_MESSAGE : null;
}

/** What a page says about a period in its URL or query: "“1899-12”不是有效的统计期：统计期不能早于2000年1月". */
export const invalidPeriodText = (key: string) => `“${key}”不是有效的统计期：${periodKeyProblem(key) ?? PERIOD_FORMAT_MESSAGE}`;

function parseKey(key: string): Period | null {
  const match = PERIOD_KEY.exec(key.trim());
  if (match === null) return null;
  const period = { year: Number(match[1]), month: Number(match[2]) };
  // The year's range is MIN_PERIOD_YEAR's business (a clearer message than "bad format").
  return period.month >= 1 && period.month <= 12 ? period : null;
}

/**
 * { year: 2024, month: 7 } → "2024-07". Keys are identifiers, so an invalid period is a bug to
 * surface, not a value to display.
 */
export function formatPeriodKey(p: Period): string {
  assertPeriod(p);
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}

/** The period before: 2024-01 → 2023-12. */
export function previousPeriod(p: Period): Period {
  assertPeriod(p);
  return p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
}

/** 同期: the YoY base period, 2024-07 → 2023-07. */
export function samePeriodLastYear(p: Period): Period {
  assertPeriod(p);
  return { year: p.year - 1, month: p.month };
}

/** "2024年7月": a single month, or a stock at the end of it. */
export function formatPeriod(year: number, month: number): string {
  if (!isValidPeriod({ year, month })) return MISSING;
  return `${year}年${month}月`;
}

/** "2024年1–7月" (en dash): the cumulative range a YTD figure covers; January is "2024年1月". */
export function formatPeriodRange(year: number, month: number): string {
  if (!isValidPeriod({ year, month })) return MISSING;
  return month === 1 ? `${year}年1月` : `${year}年1–${month}月`;
}

function assertPeriod(p: Period): void {
  if (!isValidPeriod(p)) throw new RangeError(`invalid period ${JSON.stringify(p)}`);
}

/** The calendar month in China (UTC+8, no daylight saving) at `now`. */
export function chinaMonth(now: Date = new Date()): Period {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1 };
}

/** A period that has not begun yet in China: nothing can be reported for it. */
export function isFuturePeriod(p: Period, now: Date = new Date()): boolean {
  const current = chinaMonth(now);
  return p.year * 12 + p.month > current.year * 12 + current.month;
}
