// The bulletin as a Word document in the style of Chinese official documents (GB/T 9704 in spirit):
// the 版头 (发文机关 in red, 发文字号, a red rule), the title in 方正小标宋简体 二号, the body in
// 仿宋_GB2312 三号 with 一级标题 "一、" in 黑体 and run-in 二级标题 "（一）…。" in 楷体_GB2312, the 署名 and
// 成文日期 after the text, "— 1 —" page numbers, then the tables. Only font names are written: the
// reader's Word supplies the fonts (on a machine without them Word substitutes); Latin text and
// digits are in Times New Roman. The document language is zh-CN so fallback glyphs are Simplified
// Chinese ones. The tables keep 宋体/黑体 ("SimSun"/"SimHei") at 五号.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table as DocTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { stripUnsafeText } from "@/lib/input/text";
import { MISSING } from "@/lib/stats";
import { splitRunInHeading } from "./compose";
import type { Table } from "./tables";
import type { Section } from "./types";

const SONG = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun" };
const HEI = { ascii: "Arial", hAnsi: "Arial", eastAsia: "SimHei" };
const latin = (eastAsia: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia });
/** The official-document fonts, by the names Chinese Word installations know them. */
export const OFFICIAL_FONTS = { title: "方正小标宋简体", body: "仿宋_GB2312", heading1: "黑体", heading2: "楷体_GB2312" } as const;
const FONT = { title: latin(OFFICIAL_FONTS.title), body: latin(OFFICIAL_FONTS.body), h1: latin(OFFICIAL_FONTS.heading1), h2: latin(OFFICIAL_FONTS.heading2) };
const RED = "E00000";
// Latin text in English rules (so "26.59" never breaks at the point), Chinese for the rest, as Word writes it.
const LANGUAGE = { value: "en-US", eastAsia: "zh-CN" };
// A4 in twips, with the margins of GB/T 9704 (37mm top, 35mm bottom, 28mm left, 26mm right).
const PAGE = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Font sizes in half-points: 一号 26pt issuer, 二号 22pt title, 三号 16pt body and headings, 四号 14pt page numbers, 五号 10.5pt tables. */
const SIZE = { issuer: 52, title: 44, body: 32, pageNumber: 28, table: 21 };

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border };

/** Display width of a string: CJK and full-width characters count two, and so do the dashes a CJK font sets full width. */
const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (/[\u2013\u2014\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

/** Twips per display unit at the table's 10.5pt (half a CJK character), and per cell for its margins. */
const UNIT = 105;
const CELL_PADDING = 160;

/**
 * Column widths (twips): each column gets what its widest cell needs (a header of up to six characters
 * on one line, a longer one on two; at least two characters), and the room left over is shared in
 * proportion. When the needs exceed the page, every column shrinks in proportion.
 */
export function columnWidths(t: Table, total = TEXT_WIDTH): number[] {
  const body = [...t.rows, ...(t.totalRow ? [t.totalRow] : [])];
  const headerWidth = (h: string) => (displayWidth(h) <= 12 ? displayWidth(h) : Math.ceil(displayWidth(h) / 2) + 2);
  const need = t.headers.map((h, i) => Math.max(headerWidth(h), 4, ...body.map((r) => displayWidth(r[i] ?? ""))) * UNIT + CELL_PADDING);
  const sum = need.reduce((a, b) => a + b, 0);
  const widths = sum <= total ? need.map((n) => n + Math.floor(((total - sum) * n) / sum)) : need.map((n) => Math.floor((n * total) / sum));
  widths[0] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A table with its title; the first starts a new page, after the 成文日期. */
function tableOf(t: Table, newPage: boolean): (Paragraph | DocTable)[] {
  const widths = columnWidths(t);
  const cell = (text: string, i: number, opts: { header?: boolean; bold?: boolean } = {}) =>
    new TableCell({
      borders,
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      shading: opts.header ? { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } : undefined,
      children: [
        new Paragraph({
          alignment: opts.header || text === MISSING ? AlignmentType.CENTER : i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
          children: [new TextRun({ text, bold: opts.header || opts.bold, size: SIZE.table, font: opts.header ? HEI : SONG })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.headers.map((h, i) => cell(h, i, { header: true })) }),
    ...(t.totalRow ? [new TableRow({ cantSplit: true, children: t.totalRow.map((v, i) => cell(v, i, { bold: true })) })] : []),
    ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i)) })),
  ];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, pageBreakBefore: newPage, spacing: { before: 360, after: 120 }, children: [new TextRun({ text: t.title, size: 24, font: HEI })] }),
    new DocTable({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }),
  ];
}

/** Body paragraphs: 2-character first-line indent, 28pt fixed line spacing, justified. */
const BODY = { indent: { firstLine: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED } as const;

const run = (text: string, font: typeof FONT.body, opts: { size?: number; color?: string } = {}) => new TextRun({ text, font, size: opts.size ?? SIZE.body, color: opts.color });

/** A run-in 二级标题 "（一）部分乡镇进度滞后。" is set in 楷体, the rest of its paragraph in 仿宋. */
function bodyParagraph(text: string): Paragraph {
  const [heading, rest] = splitRunInHeading(text);
  const runs = heading ? [run(heading, FONT.h2), ...(rest ? [run(rest, FONT.body)] : [])] : [run(text, FONT.body)];
  return new Paragraph({ ...BODY, children: runs });
}

export type DocxHead = { issuer: string; docNumber: string; /** Already in words: "2026年12月4日". */ issueDate: string };
type DocxInput = { head: DocxHead; title: string; sections: Section[]; tables: Table[]; /** Where the text came from, for the file's properties (not printed). */ provenance?: string };

/** Last line of defence: one character XML 1.0 forbids (NUL, U+FFFF…) and Word refuses the whole file. */
function xmlSafe(input: DocxInput): DocxInput {
  const c = stripUnsafeText;
  const row = (r: string[]) => r.map(c);
  return {
    head: { issuer: c(input.head.issuer), docNumber: c(input.head.docNumber), issueDate: c(input.head.issueDate) },
    title: c(input.title),
    sections: input.sections.map((s) => ({ heading: c(s.heading), paragraphs: row(s.paragraphs) })),
    tables: input.tables.map((t) => ({ title: c(t.title), headers: row(t.headers), rows: t.rows.map(row), ...(t.totalRow ? { totalRow: row(t.totalRow) } : {}) })),
    provenance: input.provenance === undefined ? undefined : c(input.provenance),
  };
}

/** 版头: 发文机关标志 in red, 发文字号 below it, and the red rule that closes the head. */
function headBlock(head: DocxHead): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480 }, children: [run(head.issuer, FONT.title, { size: SIZE.issuer, color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [run(head.docNumber, FONT.body)],
    }),
  ];
}

/** 署名 and 成文日期, right-aligned with four characters to spare, after a blank line. */
function signature(head: DocxHead): Paragraph[] {
  const right = { alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: { line: 560, lineRule: LineRuleType.EXACT } } as const;
  return [
    new Paragraph({ ...right, spacing: { ...right.spacing, before: 560 }, children: [run(head.issuer, FONT.body)] }),
    new Paragraph({ ...right, children: [run(head.issueDate, FONT.body)] }),
  ];
}

export async function bulletinDocx(raw: DocxInput): Promise<Buffer> {
  const input = xmlSafe(raw);
  const children: (Paragraph | DocTable)[] = [
    ...headBlock(input.head),
    new Paragraph({ style: "Title", children: [run(input.title, FONT.title, { size: SIZE.title })] }),
  ];
  for (const s of input.sections) {
    if (s.heading) children.push(new Paragraph({ style: "Heading1", children: [run(s.heading, FONT.h1)] }));
    for (const p of s.paragraphs) children.push(bodyParagraph(p));
  }
  children.push(...signature(input.head));
  input.tables.forEach((t, i) => children.push(...tableOf(t, i === 0)));
  const doc = new Document({
    creator: input.head.issuer,
    title: input.title,
    description: input.provenance,
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.body, language: LANGUAGE },
        },
        title: { run: { font: FONT.title, size: SIZE.title, bold: false, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 560, line: 700, lineRule: LineRuleType.AT_LEAST } } },
        heading1: { run: { font: FONT.h1, size: SIZE.body, bold: false, color: "000000" }, paragraph: { indent: { firstLine: 640 }, keepNext: true, spacing: { line: 560, lineRule: LineRuleType.EXACT } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run("— ", SONG, { size: SIZE.pageNumber }), new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber, font: SONG }), run(" —", SONG, { size: SIZE.pageNumber })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
