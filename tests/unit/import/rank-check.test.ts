// A county sheet's 排名 column against the ranking the server computes from the imported figures
// (competition ranking, as the overview's): a typo'd place is a warning naming both places; a sheet
// whose places agree (ties sharing a place: 1, 2, 2, 4) has none. Parsed from a real workbook and
// planned without a database (no stored reports).
import { describe, expect, it } from "vitest";
import { parseImport } from "@/lib/import/parse";
import { planTownValues } from "@/lib/import/plan-figures";
import { readUpload } from "@/lib/import/read";
import type { TownValuesRecord } from "@/lib/import/records";
import { countyXlsx, headerMerges, type Cell, type CountySheet } from "../../fixtures/county-workbooks";
import { INDICATOR_REFS, testRefs } from "./refs";

const refs = testRefs({
  towns: [
    { id: 2, code: "321281100000", name: "戴南镇" },
    { id: 3, code: "321281101000", name: "张郭镇" },
    { id: 4, code: "321281001000", name: "昭阳街道" },
    { id: 5, code: "321281102000", name: "安丰镇" },
  ],
});

/** 乡镇 | 工业总产值 over 本年累计 / 排名 | 销售收入 over 本年累计 / 增幅排名, under a title and 单位：万元. */
function sheet(rows: Cell[][]): CountySheet {
  return {
    name: "2024年1-8月",
    above: [["2024年1-8月各乡镇工业主要经济指标完成情况表"], ["单位：万元"]],
    header: [["乡镇", "工业总产值", "工业总产值", "销售收入", "销售收入"], ["乡镇", "本年累计", "排名", "本年累计", "增幅排名"]],
    rows,
    merges: headerMerges(3, 2, [{ row: 0, from: 2, to: 3 }, { row: 0, from: 4, to: 5 }]),
  };
}

async function plan(rows: Cell[][], lastYearSales: Record<string, string> = {}) {
  const parsed = parseImport("town_values", await readUpload(await countyXlsx([sheet(rows)]), "排名.xlsx"), refs);
  expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
  const records = parsed.records as TownValuesRecord[];
  const reports = new Map(Object.entries(lastYearSales).map(([name, v]) => {
    const town = refs.towns.find((t) => t.name === name)!;
    return [`${town.id}|2023|8`, { id: town.id, status: "APPROVED" as const, version: 1, values: { sales_revenue: v } }];
  }));
  const planned = planTownValues(records, { reports, plans: new Map() }, INDICATOR_REFS);
  return { planned, columns: parsed.sheets[0].columns ?? [] };
}
const rankWarnings = <P extends { column: string | null }>(problems: P[]) => problems.filter((p) => p.column?.endsWith("·排名"));

describe("排名 cross-check", () => {
  it("places that agree with the computed competition ranking (a tie shares a place) raise nothing; the column is not imported", async () => {
    const { planned, columns } = await plan([
      ["戴南镇", "5000", "1", "4000", ""],
      ["张郭镇", "3000", "2", "2000", ""],
      ["昭阳街道", "3000", "2", "2500", ""],
      ["安丰镇", "1000", "4", "900", ""],
    ]);
    expect(rankWarnings(planned.problems)).toEqual([]);
    expect(columns).toContainEqual(expect.objectContaining({ header: "工业总产值·排名", imported: false }));
    expect(planned.writes.every((w) => Object.keys(w.record.values).sort().join() === "gross_output,sales_revenue")).toBe(true);
  });

  it("a typo'd place is a warning on that row naming the sheet's place and the computed one", async () => {
    const { planned } = await plan([
      ["戴南镇", "5000", "1", "4000", ""],
      ["张郭镇", "3000", "2", "2000", ""],
      ["昭阳街道", "4000", "3", "2500", ""],
      ["安丰镇", "1000", "4", "900", ""],
    ]);
    expect(rankWarnings(planned.problems)).toEqual([
      { sheet: "2024年1-8月", row: 6, column: "工业总产值·排名", severity: "warning", message: "排名与表中数据不符：表中为第2位，按本表4个乡镇的工业总产值本年累计计算为第3位；请核对这一行的数据或排名是否录入有误" },
      { sheet: "2024年1-8月", row: 7, column: "工业总产值·排名", severity: "warning", message: "排名与表中数据不符：表中为第3位，按本表4个乡镇的工业总产值本年累计计算为第2位；请核对这一行的数据或排名是否录入有误" },
    ]);
  });

  it("a 增幅排名 ranks by 同比 against last year's figures; a town without last year's figure ranks last", async () => {
    // 同比: 戴南镇 +100%, 张郭镇 +0%, 昭阳街道 +25%, 安丰镇 no base → 1, 3, 2, 4
    const last = { 戴南镇: "2000", 张郭镇: "2000", 昭阳街道: "2000" };
    const ok = await plan([
      ["戴南镇", "5000", "1", "4000", "1"],
      ["张郭镇", "3000", "2", "2000", "3"],
      ["昭阳街道", "2500", "3", "2500", "2"],
      ["安丰镇", "1000", "4", "900", "4"],
    ], last);
    expect(rankWarnings(ok.planned.problems)).toEqual([]);
    const typo = await plan([
      ["戴南镇", "5000", "1", "4000", "1"],
      ["张郭镇", "3000", "2", "2000", "2"],
      ["昭阳街道", "2500", "3", "2500", "2"],
      ["安丰镇", "1000", "4", "900", "4"],
    ], last);
    expect(rankWarnings(typo.planned.problems).map((p) => [p.row, p.column, p.message])).toEqual([
      [6, "销售收入（营业收入）·排名", "排名与表中数据不符：表中为第2位，按本表4个乡镇的销售收入（营业收入）同比增幅计算为第3位；请核对这一行的数据或排名是否录入有误"],
    ]);
  });
});
