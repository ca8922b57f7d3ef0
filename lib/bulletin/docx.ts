// The bulletin as a Word document: title, period line, headed sections, and the tables.
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table as DocTable, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Table } from "./tables";
import type { Section } from "./types";

const BODY_FONT = { ascii: "FangSong", eastAsia: "仿宋", hAnsi: "FangSong" };
const HEAD_FONT = { ascii: "SimHei", eastAsia: "黑体", hAnsi: "SimHei" };
const border = { style: BorderStyle.SINGLE, size: 4, color: "666666" };

function tableOf(t: Table): (Paragraph | DocTable)[] {
  const cell = (text: string, bold = false, left = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 20, font: BODY_FONT })] })],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: t.headers.map((h) => cell(h, true)) }),
    ...(t.totalRow ? [new TableRow({ children: t.totalRow.map((v, i) => cell(v, true, i === 0)) })] : []),
    ...t.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, i === 0)) })),
  ];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: t.title, bold: true, size: 24, font: HEAD_FONT })] }),
    new DocTable({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
  ];
}

export async function bulletinDocx(input: { title: string; subtitle: string; sections: Section[]; tables: Table[] }): Promise<Buffer> {
  const children: (Paragraph | DocTable)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: input.title, bold: true, size: 36, font: HEAD_FONT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: input.subtitle, size: 24, font: BODY_FONT })] }),
  ];
  for (const s of input.sections) {
    if (s.heading) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: s.heading, bold: true, size: 30, font: HEAD_FONT })] }));
    for (const p of s.paragraphs) {
      children.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 460 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: p, size: 30, font: BODY_FONT })] }));
    }
  }
  for (const t of input.tables) children.push(...tableOf(t));
  const doc = new Document({
    creator: "乡镇工业统计平台",
    title: input.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: 30 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
