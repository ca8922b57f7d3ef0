// Downloadable templates: the headers the parser expects first, an example row, and a notes sheet.
import ExcelJS from "exceljs";
import type { IndicatorRef } from "./columns";
import type { FieldSpec } from "./headers";
import { KIND_PARSERS } from "./parse";
import type { Refs } from "./refs";
import { EXAMPLE_MARK, IMPORT_KIND_LABELS, type ImportKind } from "./types";

const NOTES: Record<ImportKind, string[]> = {
  town_values: ["每行一个乡镇（街道）一个统计期的1–N月累计数。", "“统计期”列可省略，省略时使用导入页面上选择的统计期。", "金额单位为万元，也可直接填写“1.2亿”“3500万”。"],
  enterprises: ["每行一家企业，以统一社会信用代码识别；已存在的企业将按表中内容更新。", "行业代码按国民经济行业分类（GB/T 4754），如 C3311。", "经济类型：民营、国有、外资、港澳台；是否规上：是/否。"],
  enterprise_values: ["每行一家企业一个统计期的1–N月累计数，企业须已在企业名录中。", "“统计期”列可省略，省略时使用导入页面上选择的统计期。"],
  projects: ["每行一个项目，以“乡镇+项目名称”识别。", "项目阶段：在谈、签约、开工、在建、竣工、投产。", "当年累计完成投资按导入页面上选择的统计期记录。"],
  plans: ["每行一个地区一个年度的年度计划；地区填乡镇名称，或县名称表示全县计划。", "“年度”列可省略，省略时使用导入页面上选择的年度。"],
};

export function templateSpecs(kind: ImportKind, indicators: IndicatorRef[]): FieldSpec[] {
  return KIND_PARSERS[kind].specs({ indicators } as Refs);
}

/** `towns`: the names offered in the 乡镇 column's drop-down (the list lives on a hidden sheet; typing another name is still allowed). */
export async function buildTemplate(kind: ImportKind, indicators: IndicatorRef[], example: { town: string; period: string; year: string; towns?: string[] }): Promise<Buffer> {
  const specs = templateSpecs(kind, indicators);
  const wb = new ExcelJS.Workbook();
  wb.creator = "乡镇工业统计平台";
  const ws = wb.addWorksheet(IMPORT_KIND_LABELS[kind]);
  ws.addRow(specs.map((s) => s.label + (s.required ? "*" : "")));
  const values = specs.map((s) => (s.field === "town" ? example.town : s.field === "period" ? example.period : s.field === "year" ? example.year : s.example ?? ""));
  // The example row is marked, and the parser skips marked rows: a template imported as is adds nothing.
  ws.addRow([`${EXAMPLE_MARK}${values[0]}`, ...values.slice(1)]);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
  ws.getRow(2).font = { color: { argb: "FF7F7F7F" }, italic: true };
  specs.forEach((s, i) => (ws.getColumn(i + 1).width = Math.max(12, s.label.length * 2 + 2)));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  // Text columns stay text: credit codes and dates must not be turned into numbers.
  specs.forEach((s, i) => {
    if (["creditCode", "industryCode", "period", "signedOn", "startedOn", "completedOn"].includes(s.field)) ws.getColumn(i + 1).numFmt = "@";
  });
  const townCol = specs.findIndex((s) => s.field === "town");
  if (townCol >= 0 && example.towns && example.towns.length > 0) {
    const list = wb.addWorksheet("乡镇列表", { state: "hidden" });
    for (const t of example.towns) list.addRow([t]);
    const letter = ws.getColumn(townCol + 1).letter;
    // A warning, not a stop: a short name ("戴南") or a code still imports (the preview asks to confirm).
    // exceljs has dataValidations at run time; its typings leave it out.
    (ws as unknown as { dataValidations: { add: (range: string, rule: object) => void } }).dataValidations.add(`${letter}2:${letter}5000`, { type: "list", allowBlank: true, formulae: [`'乡镇列表'!$A$1:$A$${example.towns.length}`], showErrorMessage: true, errorStyle: "warning", errorTitle: "乡镇", error: "请从下拉列表中选择乡镇（街道）" });
  }
  const notes = wb.addWorksheet("填表说明");
  notes.addRow([`${IMPORT_KIND_LABELS[kind]}导入模板 填表说明`]).font = { bold: true, size: 14 };
  notes.addRow([`带 * 的列为必填；第2行为示例（以“${EXAMPLE_MARK}”开头的行不会导入），请从第3行起填写或直接覆盖第2行。`]);
  for (const n of NOTES[kind]) notes.addRow([n]);
  notes.addRow(["列名可使用常见写法（如“信用代码”“所属乡镇”“总产值（万元）”），表头上方可以有标题行。"]);
  notes.getColumn(1).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
