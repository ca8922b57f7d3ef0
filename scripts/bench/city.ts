// The city case of `npm run bench` (issue 14): one city of ≈10 counties × ≈15 towns, every county with
// full town detail, in a database of its own on the bench server (the province dataset's root has 100
// counties, not a city's size). The city overview — getRegionOverview at the root, counties as its
// children, each the sum of its towns — against its plain-SQL floor (scripts/bench/floor.ts, depth 2),
// alternating call by call like the other cases. run.ts generates the data and writes the section.
import os from "node:os";
import { getRegionOverview } from "../../lib/overview/query";
import { expectedCounts, type BenchSpec, type SqlRunner } from "./dataset";
import { floorOverview } from "./floor";
import { timeCase, type BenchTargets, type Timing } from "./measure";
import { describeMachine, resultsTable, type TableSize } from "./report";

/** ≈10 counties × ≈15 towns (±25 % per county), 15,000 enterprises, three years of months. */
export const CITY: BenchSpec = { counties: 10, townsPerCounty: 15, enterprises: 15_000, firstYear: 2023, years: 3 };

/** The city's database on the bench server: never the province's. */
export const CITY_DATABASE = "tis_bench_city";

export const CITY_SECTION = "## 市级总览 / City overview";

/** Target (issue 14 names none; the county's bar, kept): p95 ≤ 1.5× the floor. */
export const CITY_FLOOR_RATIO = 1.5;

export type CityResult = { timings: Timing[]; load: [number, number]; towns: number; sizes: TableSize[]; generatedSeconds: number | null; reused: boolean };

/** Times the city overview and its floor. */
export async function timeCity(t: BenchTargets, floorSql: SqlRunner, iterations: number, warmup: number): Promise<{ timings: Timing[]; load: [number, number] }> {
  const { year, month } = t.period;
  const before = os.loadavg()[0];
  const timings = await timeCase(
    {
      key: "city",
      label: `市级总览（${t.counties.length}县×≈${CITY.townsPerCounty}镇）city overview`,
      run: () => getRegionOverview(t.root, year, month),
      floor: { label: "市级总览 · SQL 下限 city overview floor", run: () => floorOverview(floorSql, t.root.id, year, month, 2) },
    },
    iterations,
    warmup,
  );
  return { timings, load: [before, os.loadavg()[0]] };
}

/** The section of docs/benchmarks.md (without its heading). */
export function citySection(r: CityResult): string {
  const m = describeMachine();
  const city = r.timings.find((t) => t.key === "city");
  const floor = r.timings.find((t) => t.key === "city-floor");
  const ratio = city && floor ? city.p95 / floor.p95 : null;
  const counts = expectedCounts(CITY);
  const busy = r.load[0] > Number(m.cpus) || r.load[1] > Number(m.cpus);
  return [
    `一个市：${CITY.counties}个县（市、区）× 约${CITY.townsPerCounty}个乡镇（共${r.towns}个，每县±25%），每县均有完整乡镇数据；${counts.enterprises.toLocaleString("en-US")}家企业，` +
      `${CITY.firstYear}–${CITY.firstYear + CITY.years - 1}年逐月数据（${counts.townReports.toLocaleString("en-US")}份月报、${counts.reportValues.toLocaleString("en-US")}个指标值），` +
      `数据库 \`${CITY_DATABASE}\`（与省级数据分开）。${r.reused ? "沿用已生成的数据" : `生成用时 ${r.generatedSeconds?.toFixed(0) ?? "?"} s`}。`,
    "",
    "A city of 10 counties × ≈15 towns, all with full town detail: the city overview (`getRegionOverview` at the city: each county the sum of its towns' approved reports, with 同比, 完成年计划, 占比, ranks) against the hand-written SQL floor for the same numbers (depth 2), the two alternating call by call.",
    "",
    resultsTable(r.timings),
    "",
    ratio === null ? "" : `- 市级总览 p95 ≤ ${CITY_FLOOR_RATIO}× 下限 / city overview p95 within ${CITY_FLOOR_RATIO}× its floor: ${ratio.toFixed(2)}× — ${ratio <= CITY_FLOOR_RATIO ? "达标 / met" : "未达标 / missed"}`,
    "",
    "The floor sums each county's towns in one statement. The overview does more: it sums per town first and then per county, so that a county's 同比 is like for like over its own towns (decision 016), it reads last month's figures for the rank changes, and it runs two statements (the outline — children, indicators, the subtree — then the sums), each a round trip that a loaded machine makes slower.",
    "",
    `机器 / machine: ${m.cpus} CPU (${m.cpuModel}), ${m.memory} RAM, Node ${m.node}, ${m.os}；load average (1 min) before / after: ${r.load.map((l) => l.toFixed(2)).join(" / ")}${busy ? "（机器繁忙：高于CPU数，数字偏高 / busier than its CPUs: figures are high）" : ""}。`,
    "",
    "| 表 table | 行 rows | 大小 size |",
    "| --- | ---: | ---: |",
    ...r.sizes.filter((s) => ["Region", "TownReport", "ReportValue", "EnterpriseValue"].includes(s.table)).map((s) => `| ${s.table} | ${s.rows.toLocaleString("en-US")} | ${s.total} |`),
    "",
    `测量于 / measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC（\`npm run bench\`，或只测这一节 / this section alone: \`npm run bench -- --city-only\`）。`,
  ].join("\n");
}

/** The report with the city section replaced (or added before 导入 / Import, else at the end). */
export function withCitySection(text: string, section: string): string {
  const block = `\n${CITY_SECTION}\n\n${section}\n`;
  const start = text.indexOf(`\n${CITY_SECTION}`);
  if (start >= 0) {
    const next = text.indexOf("\n## ", start + 1);
    return text.slice(0, start) + block + (next < 0 ? "" : text.slice(next));
  }
  const importAt = text.indexOf("\n## 导入 / Import");
  return importAt < 0 ? `${text.trimEnd()}\n${block}` : text.slice(0, importAt) + block + text.slice(importAt);
}
