// Backtest of the year-end forecast (预计全年): `npm run backtest` (`-- --no-write` prints only).
// For every past complete year of the data and every month 3…11, forecasts the year from 1–N月累计
// with the seasonal pace (lib/stats/forecast.ts, exactly as the app does: the region's own past years,
// its county's as fallback, the straight line last) and with straight-line 时序进度 (YTD × 12 / N), and
// reports the mean absolute percentage error of each against the year's real 1–12月 figure.
// The data: the demo county's generator (lib/demo/figures.ts — the figures `npm start` seeds, low 1–2月
// and a strong 12月), over the four years the demo seeds (three of them complete) and over ten years, so up to five past years
// feed a pace. Writes its tables into docs/benchmarks.md between the backtest markers, which sit inside
// the bench report's hand-kept section so `npm run bench` keeps them.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import { generateEnterprises, townProfiles, townYtd } from "../lib/demo/figures";
import { townAboveScaleOutput } from "../lib/demo/latest-order";
import { forecastYear, paceFromHistory, type YearPath } from "../lib/stats";

/** Flow indicators of the demo's town figures (the 招商 ones come from project lists, not from a pace). */
const CODES = ["gross_output", "above_scale_output", "sales_revenue", "tax", "fixed_asset_investment", "electricity", "new_private_enterprises", "funds_arrived"];
const MONTHS = [3, 4, 5, 6, 7, 8, 9, 10, 11];

type Series = Map<string, Map<number, string[]>>; // region → year → 12 YTD figures

/** Every demo town's YTD figures per indicator for `years` (as the seed computes them), and the county's sums. */
function demoSeries(years: number[]): Map<string, Series> {
  const enterprises = generateEnterprises(years);
  const out = new Map<string, Series>(CODES.map((c) => [c, new Map()]));
  const county = new Map<string, Map<number, Decimal[]>>(CODES.map((c) => [c, new Map()]));
  for (const p of townProfiles(years)) {
    const mine = enterprises.filter((e) => e.townCode === p.town.code);
    for (const year of years) {
      if (p.town.newThisYear && year < years[years.length - 1]) continue;
      const count = mine.filter((e) => e.aboveScale[year]).length;
      const months = Array.from({ length: 12 }, (_, m) =>
        townYtd(p, year, m + 1, { output: townAboveScaleOutput(enterprises, p.town.code, year, m + 1), count, newCount: 0 }, { projects: 0, investment: 0 }),
      );
      for (const code of CODES) {
        const ytd = months.map((v) => v[code]);
        const town = out.get(code)!.get(p.town.name) ?? out.get(code)!.set(p.town.name, new Map()).get(p.town.name)!;
        town.set(year, ytd);
        const sums = county.get(code)!.get(year) ?? Array.from({ length: 12 }, () => new Decimal(0));
        county.get(code)!.set(year, sums.map((x, m) => x.plus(ytd[m])));
      }
    }
  }
  for (const code of CODES) out.get(code)!.set("（全县）", new Map([...county.get(code)!].map(([y, sums]) => [y, sums.map((x) => x.toFixed())])));
  return out;
}

type Errors = { seasonal: Decimal[]; straight: Decimal[] };
const newErrors = (): Errors => ({ seasonal: [], straight: [] });

function backtest(series: Series, targets: number[]) {
  const byMonth = new Map(MONTHS.map((m) => [m, newErrors()]));
  const byYear = new Map<number, Errors>();
  const county = series.get("（全县）")!;
  for (const target of targets) {
    const past = (s: Map<number, string[]>): YearPath[] => [...s].filter(([y]) => y < target).map(([year, ytd]) => ({ year, ytd }));
    const countyPace = paceFromHistory(past(county), "parent").pace;
    for (const [name, s] of series) {
      const truth = s.get(target)?.[11];
      if (truth === undefined || new Decimal(truth).lte(0)) continue;
      for (const month of MONTHS) {
        const ytd = s.get(target)![month - 1];
        const f = forecastYear({ kind: "FLOW", month, ytd, plan: null, history: past(s), parentPace: name === "（全县）" ? null : countyPace });
        if (f.value === null) continue; // no history yet (the first year, a new town): no forecast at all
        const ape = (x: Decimal) => x.minus(truth).abs().div(truth).times(100);
        const straight = new Decimal(ytd).times(12).div(month);
        for (const e of [byMonth.get(month)!, byYear.get(target) ?? byYear.set(target, newErrors()).get(target)!]) {
          e.seasonal.push(ape(f.value));
          e.straight.push(ape(straight));
        }
      }
    }
  }
  return { byMonth, byYear };
}

const mean = (xs: Decimal[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(xs.length));
const pct = (x: Decimal | null) => (x === null ? "—" : `${x.toFixed(2)}%`);

function table(label: string, rows: [string, Errors][]): string {
  const lines = [`| ${label} | 预测次数 n | 历年进度 seasonal MAPE | 时序进度 straight-line MAPE |`, "| --- | ---: | ---: | ---: |"];
  const all = newErrors();
  for (const [key, e] of rows) {
    all.seasonal.push(...e.seasonal);
    all.straight.push(...e.straight);
    lines.push(`| ${key} | ${e.seasonal.length} | ${pct(mean(e.seasonal))} | ${pct(mean(e.straight))} |`);
  }
  lines.push(`| **合计 all** | ${all.seasonal.length} | **${pct(mean(all.seasonal))}** | **${pct(mean(all.straight))}** |`);
  return lines.join("\n");
}

/** Backtests every complete year of `years` but the last, which stands for the current year. */
function run(years: number[]) {
  const series = demoSeries(years);
  const targets = years.slice(0, -1);
  const perCode = CODES.map((code) => backtest(series.get(code)!, targets));
  const merge = <K,>(pick: (r: ReturnType<typeof backtest>) => Map<K, Errors>) => {
    const out = new Map<K, Errors>();
    for (const r of perCode) for (const [k, e] of pick(r)) {
      const into = out.get(k) ?? out.set(k, newErrors()).get(k)!;
      into.seasonal.push(...e.seasonal);
      into.straight.push(...e.straight);
    }
    return out;
  };
  const byYear = [...merge((r) => r.byYear)].sort(([a], [b]) => a - b).map(([y, e]) => [`${y}年（往年 ${y - years[0]} 年）`, e] as [string, Errors]);
  const byMonth = [...merge((r) => r.byMonth)].map(([m, e]) => [`1–${m}月`, e] as [string, Errors]);
  const byCode = CODES.map((code, i) => {
    const e = newErrors();
    for (const x of perCode[i].byYear.values()) {
      e.seasonal.push(...x.seasonal);
      e.straight.push(...x.straight);
    }
    return [code, e] as [string, Errors];
  });
  return { byYear: table("预测年份 year", byYear), byMonth: table("截至 month", byMonth), byCode: table("指标 indicator", byCode) };
}

const START = "<!-- backtest:start -->";
const END = "<!-- backtest:end -->";

function main() {
  const started = Date.now();
  const demo = run([2023, 2024, 2025, 2026]);
  const long = run([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  const section = `${START}
### 预计全年回测 / Year-end forecast backtest

由 \`npm run backtest\` 生成（scripts/backtest.ts，${((Date.now() - started) / 1000).toFixed(1)} s）。Written by \`npm run backtest\`; \`npm run bench\` keeps it.
For every past complete year and every month 3…11, the year is forecast from 1–N月累计 by the app's seasonal
method (lib/stats/forecast.ts: the region's own pace — median of up to five past years — else the county's, else
the straight line) and by straight-line 时序进度 (YTD × 12 ÷ N); the figure is the mean absolute percentage error
(MAPE) of the forecast against the year's real 1–12月 figure, over the demo county's 13 towns with a past (the zone set up in the last year has none) and the county total
and eight flow indicators (${CODES.join(", ")}). The data are the demo generator's (lib/demo/figures.ts: low
1–2月, strong 12月, each year and town jittered and leaning early or late). A year whose region has no past
complete year has no forecast and is not counted; with one past year both methods are the straight line
(a pace needs two years), so that year's two columns agree. In the generator 规上产值, 产值, 销售, 税金 and 用电 are
fixed ratios of one another within a town, so their rows agree; 固定资产投资 follows its own lumpier yearly
pattern (projects start and pay out unevenly), where a past pace helps least.

**演示县（与 \`npm start\` 写入的相同年份）/ the demo county as seeded: 2023–2026, complete years 2023–2025**

${demo.byYear}

**演示生成器十年 / the demo generator over ten years: 2017–2026, complete years 2017–2025**

${long.byYear}

${long.byMonth}

${long.byCode}
${END}`;
  console.log(section);
  if (process.argv.includes("--no-write")) return;
  const file = path.join(process.cwd(), "docs", "benchmarks.md");
  const doc = readFileSync(file, "utf8");
  const next = doc.includes(START)
    ? doc.slice(0, doc.indexOf(START)) + section + doc.slice(doc.indexOf(END) + END.length)
    : doc.replace("<!-- manual:end -->", `\n${section}\n<!-- manual:end -->`);
  writeFileSync(file, next);
  console.log(`\n已写入 ${path.relative(process.cwd(), file)}`);
}

main();
