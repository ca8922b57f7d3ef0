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

/** "2024-07" → { year: 2024, month: 7 }; anything else (e.g. "2024-13", "2024-7") → null. */
export function parsePeriod(key: string): Period | null {
  const match = PERIOD_KEY.exec(key.trim());
  if (match === null) return null;
  const period = { year: Number(match[1]), month: Number(match[2]) };
  return isValidPeriod(period) ? period : null;
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
