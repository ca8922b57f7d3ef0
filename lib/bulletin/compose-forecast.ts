// The bulletin's 预计全年: one paragraph under 总体情况 ("按历年进度测算，预计全年可完成年计划的X%…") and one
// table, from the same forecast as the overview and the API (lib/forecast), worded by lib/present/forecast.
import { forecastSentence, presentForecast } from "@/lib/present/forecast";
import { presentValue } from "@/lib/present/figure";
import { MISSING } from "@/lib/stats";
import { names, whole, withNote } from "./phrases";
import type { Table } from "./tables";
import type { BulletinData } from "./types";

export function forecastParagraph(d: BulletinData): string | null {
  const f = d.forecast;
  if (!f || f.indicator.kind !== "FLOW") return null;
  const ind = f.indicator;
  const lead = forecastSentence(f.total, ind);
  if (!lead) return null;
  const range = presentForecast(f.total, ind, "yi");
  const parts = [`${lead}，${whole(d.county)}${ind.name}预计全年${range.range}${range.unit}。`];
  const threshold = `${f.threshold}%`;
  if (f.atRisk.length > 0) {
    const listed = f.atRisk.map((t) => {
      const shown = presentForecast(t, ind);
      return withNote(t.region.name, [`预计完成${shown.completion}`, shown.need === MISSING ? null : shown.need].filter(Boolean).join("，"));
    });
    parts.push(`预计难以完成年计划（低于${threshold}）的有${names(listed)}。`);
  } else if (f.children.some((c) => c.completionPercent !== null)) {
    parts.push(`各乡镇预计均可完成年计划的${threshold}以上。`);
  }
  if (f.ahead.length > 0) parts.push(`预计超额完成年计划的有${names(f.ahead.map((t) => withNote(t.region.name, `预计完成${presentForecast(t, ind).completion}`)))}。`);
  return parts.join("");
}

/** 各乡镇预计全年: each town's YTD, plan, 预计全年 (range), 预计完成年计划 and the basis or the reason for "—". */
export function forecastTable(d: BulletinData, number: number): Table | null {
  const f = d.forecast;
  if (!f || f.indicator.kind !== "FLOW" || f.total.value === null) return null;
  const ind = f.indicator;
  const row = (name: string, t: (typeof f.children)[number]) => {
    const shown = presentForecast(t, ind);
    return [name, presentValue(t.ytd, ind).text, presentValue(t.plan, ind).text, shown.range, shown.completion, shown.range === MISSING ? (shown.reason ?? MISSING) : shown.basis];
  };
  return {
    title: `表${number} 各乡镇${ind.name}预计全年（${ind.unit}）`,
    headers: [`乡镇（街道）`, d.month === 1 ? "1月累计" : `1–${d.month}月累计`, "年计划", "预计全年", "预计完成年计划", "测算依据"],
    totalRow: row(`${whole(d.county)}合计`, f.total),
    rows: f.children.map((t) => row(t.region.name, t)),
  };
}
