// How a year-end forecast reads wherever it is shown — the overview, the wall, the bulletin: the
// range, the completion, the gap and the monthly need, through the one presenter (./figure) so a
// forecast rounds like every other figure. Pure and client-safe.
import type { RegionForecast } from "@/lib/forecast/assemble";
import { formatNumber, formatPercent, MISSING, roundHalfUp, toDecimal } from "@/lib/stats";
import { presentValue, type PresentIndicator, type Scale } from "./figure";

export type ForecastText = {
  /** "95.10–101.30" (band) or "98.20" (straight line, no band) or "—"; `unit` beside it. */
  range: string;
  unit: string;
  /** 预计完成年计划: "96.3%" / "—", and its band "92.1–101.5%" / "—". */
  completion: string;
  completionRange: string;
  /** "缺口1,234.56万元" / "超出56.00万元" / "—" (always in the indicator's own unit). */
  gap: string;
  /** "后5个月月均需完成1,234.56万元" / "已完成年计划" / "—". */
  need: string;
  /** "本地历年进度（2023–2025年）" / "上级历年进度（2023–2025年）" / "时序进度（历年数据不足）" / "—". */
  basis: string;
  /** Why a figure is "—", or null. */
  reason: string | null;
};

function yearsText(years: number[]): string {
  if (years.length === 0) return "";
  return years.length === 1 ? `（${years[0]}年）` : `（${years[0]}–${years[years.length - 1]}年）`;
}

/** "a–b" from two values rounded once each to the shown digits; a single value when they read the same. */
function span(low: string, high: string): string {
  if (low === MISSING || high === MISSING) return MISSING;
  return low === high ? low : `${low}–${high}`;
}

export function presentForecast(f: RegionForecast | null | undefined, ind: PresentIndicator, scale: Scale = "native"): ForecastText {
  const value = presentValue(f?.value ?? null, ind, scale);
  const banded = f?.low != null && f?.high != null;
  const range = banded ? span(presentValue(f.low, ind, scale).text, presentValue(f.high, ind, scale).text) : value.text;
  const p = ind.percentPrecision;
  const lowPct = formatNumber(f?.completionLowPercent ?? null, p);
  const highPct = formatNumber(f?.completionHighPercent ?? null, p);
  const shortfall = toDecimal(f?.shortfall ?? null);
  const own = (x: string | null) => presentValue(x, ind, "native");
  const gapShown = shortfall === null ? null : roundHalfUp(shortfall, ind.precision);
  const gap =
    gapShown === null ? MISSING : gapShown.isZero() ? "与年计划持平" : gapShown.isPos() ? `缺口${own(f!.shortfall).text}${ind.unit}` : `超出${own(shortfall!.neg().toFixed()).text}${ind.unit}`;
  const need =
    f?.monthlyNeed == null || f.remainingMonths === 0
      ? MISSING
      : toDecimal(f.monthlyNeed)!.isZero()
        ? "已完成年计划"
        : `后${f.remainingMonths}个月月均需完成${own(f.monthlyNeed).text}${ind.unit}`;
  return {
    range,
    unit: value.unit,
    completion: formatPercent(f?.completionPercent ?? null, p),
    completionRange: lowPct === MISSING || highPct === MISSING ? MISSING : `${span(lowPct, highPct)}%`,
    gap,
    need,
    basis: f?.pace ? `${f.pace.label}${f.pace.source === "straight" ? "" : yearsText(f.pace.years)}` : MISSING,
    reason: f?.reason ?? null,
  };
}

/**
 * The bulletin's and the overview's sentence: "按历年进度测算，预计全年可完成年计划的96.3%（区间92.1–101.5%）".
 * With the straight line: "按时序进度测算，…"; null when there is no completion to state.
 */
export function forecastSentence(total: RegionForecast, ind: PresentIndicator): string | null {
  const t = presentForecast(total, ind);
  if (t.completion === MISSING || !total.pace) return null;
  const how = total.pace.source === "straight" ? "按时序进度测算" : "按历年进度测算";
  const band = t.completionRange === MISSING || t.completionRange === t.completion ? "" : `（区间${t.completionRange}）`;
  return `${how}，预计全年可完成年计划的${t.completion}${band}`;
}
