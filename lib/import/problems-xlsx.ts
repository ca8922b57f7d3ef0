// 问题清单 (.xlsx): the preview's problems as a workbook a town office can work through row by row —
// sheet, row, column, the cell's content, the problem in Chinese and what to do about it.
import ExcelJS from "exceljs";
import type { Problem } from "./types";

const HEADERS = ["级别", "工作表", "行号", "列", "单元格内容", "问题", "处理建议"] as const;
const WIDTHS = [8, 18, 8, 20, 22, 70, 36];

/** What to do about a problem: the message's own "请…" clause where it has one, else by kind. */
export function problemAdvice(p: Pick<Problem, "message" | "severity">): string {
  const m = p.message;
  if (/已忽略|已跳过/.test(m)) return "无需处理（该行或该列不导入）";
  if (/是否应为/.test(m)) return "核实单位后改正表中数据（也可带单位填写，如“168.3亿”），再重新上传";
  const clause = m.split(/[，；。（）]/).find((c) => /请/.test(c));
  if (clause) return clause.trim();
  return p.severity === "error" ? "按问题说明改正表中数据后重新上传" : "核实无误可继续导入";
}

/** The workbook; `total` is how many problems the preview found (the stored list may be capped). */
export async function buildProblemsWorkbook(problems: readonly Problem[], meta: { fileName: string; total: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "乡镇工业统计平台";
  const ws = wb.addWorksheet("问题清单");
  ws.addRow([...HEADERS]);
  for (const p of problems) {
    ws.addRow([p.severity === "error" ? "错误" : "提示", p.sheet, p.row ?? "", p.column ?? "", p.value ?? "", p.message, problemAdvice(p)]);
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // The cell's content as it was read: text, never re-typed as a number or date by Excel.
  ws.getColumn(5).numFmt = "@";
  ws.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
  const note = wb.addWorksheet("说明");
  note.addRow([`导入文件：${meta.fileName}`]);
  note.addRow([`共发现问题 ${meta.total} 条${meta.total > problems.length ? `，本清单列出前 ${problems.length} 条（先错误后提示）` : ""}。`]);
  note.addRow(["“错误”须改正后重新上传才能导入；“提示”请核实，无误可继续导入。"]);
  note.getColumn(1).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
