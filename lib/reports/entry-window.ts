// When a period opens for entry (pure; China time). A month's report is entered after the month
// ends — 1–11月 from 1 December on. A county may open a 快报 window: the current month opens from a
// day of the month (e.g. the 25th). Everything that decides "the period a reporter works on" or
// refuses an early entry goes through here, so the report page, the header and the saves agree.
import { chinaMonth, formatPeriod, previousPeriod, type Period } from "@/lib/stats";

const index = (p: Period) => p.year * 12 + p.month;

/** The day of the month in China (UTC+8) at `now`. */
export function chinaDay(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCDate();
}

/** The newest period open for entry: last month, or this month from the county's 快报 day on. */
export function latestOpenPeriod(now: Date, flashReportDay: number | null): Period {
  const current = chinaMonth(now);
  if (flashReportDay !== null && chinaDay(now) >= flashReportDay) return current;
  return previousPeriod(current);
}

/** Why a period cannot be entered yet, or null when it is open. */
export function entryRefusal(period: Period, now: Date, flashReportDay: number | null): string | null {
  if (index(period) <= index(latestOpenPeriod(now, flashReportDay))) return null;
  const name = formatPeriod(period.year, period.month);
  if (index(period) > index(chinaMonth(now))) return `${name}尚未到来，不能填报该期数据`;
  const opens = flashReportDay === null ? "该期数据在月份结束后（次月1日起）填报" : `该期快报自本月${flashReportDay}日起填报`;
  return `${name}尚未结束，${opens}`;
}

/**
 * The period a town's reporter works on: the month after the latest one the town submitted (or had
 * approved), never later than the newest open period; the newest open period when nothing was submitted.
 */
export function entryPeriodAfter(lastSubmitted: Period | null, now: Date, flashReportDay: number | null): Period {
  const open = latestOpenPeriod(now, flashReportDay);
  if (!lastSubmitted) return open;
  const next = lastSubmitted.month === 12 ? { year: lastSubmitted.year + 1, month: 1 } : { year: lastSubmitted.year, month: lastSubmitted.month + 1 };
  return index(next) > index(open) ? open : next;
}
