/**
 * The statistics core: pure, exact (decimal.js) arithmetic from DOMAIN.md, shared by server and
 * client code. No I/O, no Prisma, no React. Functions return `null` for "no value" — never NaN
 * or Infinity — and formatters turn `null` into "—".
 */
export { toDecimal, roundHalfUp, type Dec, type Num } from "./decimal";
export { yoyPercent, lossChange, increase, averageAnnualGrowthPercent, type LossChange } from "./growth";
export { sharePercent, contributionPercent, pullPoints } from "./parts";
export { planCompletionPercent, timeProgressPercent, scheduleGapPoints } from "./plan";
export { competitionRank, competitionRankNullsLast, rankChange } from "./rank";
export { monthlyFromYtd, ytdFromMonthly } from "./series";
export {
  MISSING,
  formatNumber,
  formatWan,
  formatWanWithUnit,
  formatYi,
  formatYiWithUnit,
  formatPercent,
  formatPoints,
  formatGrowth,
  formatScheduleGap,
  formatSigned,
} from "./format";
export {
  parsePeriod,
  periodKeyProblem,
  MIN_PERIOD_YEAR,
  PERIOD_FORMAT_MESSAGE,
  PERIOD_RANGE_MESSAGE,
  invalidPeriodText,
  formatPeriodKey,
  previousPeriod,
  samePeriodLastYear,
  isValidPeriod,
  formatPeriod,
  formatPeriodRange,
  type Period,
  chinaMonth,
  isFuturePeriod,
} from "./periods";
export {
  enterpriseOutputTier,
  isTaxOverMillion,
  projectBucket,
  OUTPUT_TIER_LABELS,
  PROJECT_BUCKET_LABELS,
  type OutputTier,
  type ProjectBucket,
} from "./tiers";
export {
  PACE_MAX_YEARS,
  PACE_MIN_YEARS,
  PACE_SOURCE_TEXT,
  YEAR_PROBLEM_TEXT,
  choosePace,
  hasCompleteYear,
  paceFromHistory,
  straightPace,
  yearShares,
  type Pace,
  type PaceSource,
  type YearPath,
  type YearProblem,
} from "./pace";
export { DEFAULT_RISK_THRESHOLD, FORECAST_REASONS, MIN_PACE_SHARE, forecastStatus, forecastYear, type Forecast, type ForecastInput, type ForecastStatus } from "./forecast";
