// A county sheet's 排名 column is not imported: the server ranks the towns itself. It is compared
// with the competition ranking (1, 2, 2, 4; lib/stats, as the overview ranks) of the sheet's own town
// rows, by the imported totals or, under a 增幅排名 header, by 同比 against last year's figures (towns
// without a 同比 rank last, as on the overview). A different place is a warning naming both. Pure.
import { competitionRankNullsLast, yoyPercent } from "@/lib/stats";
import type { Figures, TownValuesRecord } from "./records";
import type { Problem } from "./types";

export function rankProblems(records: readonly TownValuesRecord[], lastYear: (rec: TownValuesRecord) => Figures, nameOf: (code: string) => string): Problem[] {
  const sheets = new Map<string, TownValuesRecord[]>();
  const wanted = new Map<string, { sheet: string; code: string; by: "total" | "growth" }>();
  for (const rec of records) {
    const at = `${rec.src.sheet}|${rec.year}|${rec.month}`;
    let rows = sheets.get(at);
    if (!rows) sheets.set(at, (rows = []));
    rows.push(rec);
    for (const [code, cross] of Object.entries(rec.cross ?? {})) {
      if (cross.rank) wanted.set(`${at}|${code}|${cross.rank.by}`, { sheet: at, code, by: cross.rank.by });
    }
  }
  const out: Problem[] = [];
  for (const { sheet, code, by } of wanted.values()) {
    const peers = (sheets.get(sheet) ?? []).filter((r) => r.values[code] !== undefined);
    const keys = peers.map((r) => (by === "total" ? r.values[code] : yoyPercent(r.values[code], lastYear(r)[code] ?? null)));
    const ranks = competitionRankNullsLast(keys);
    peers.forEach((r, i) => {
      const stated = r.cross?.[code]?.rank;
      if (!stated || stated.by !== by || stated.value === ranks[i]) return;
      const name = nameOf(code);
      const basis = by === "growth" ? "同比增幅" : "本年累计";
      out.push({
        sheet: r.src.sheet, row: r.src.row, column: `${name}·排名`, severity: "warning",
        message: `排名与表中数据不符：表中为第${stated.value}位，按本表${peers.length}个乡镇的${name}${basis}计算为第${ranks[i]}位；请核对这一行的数据或排名是否录入有误`,
      });
    });
  }
  return out;
}
