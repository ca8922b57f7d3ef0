// The bulletin as a Word document: title, period line, headed sections and the tables, on A4 with
// a running header (title and period) and page numbers. Fonts follow Chinese official documents
// (宋体 body, 黑体 headings). They are named "SimSun"/"SimHei", the names Word resolves on Chinese
// Windows and LibreOffice's substitution table maps to Noto Serif/Sans CJK SC; the document
// language is zh-CN so fallback glyphs are Simplified Chinese ones.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
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
import type { Table } from "./tables";
import type { Section } from "./types";

const SONG = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun" };
const HEI = { ascii: "Arial", hAnsi: "Arial", eastAsia: "SimHei" };
// Latin text in English rules (so "26.59" never breaks at the point), Chinese for the rest, as Word writes it.
const LANGUAGE = { value: "en-US", eastAsia: "zh-CN" };
// A4 in twips, with the margins of GB/T 9704 (37mm top, 35mm bottom, 28mm left, 26mm right).
const PAGE = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Font sizes in half-points: 小二 18pt title, 三号 16pt body and headings, 五号 10.5pt tables. */
const SIZE = { title: 36, body: 32, table: 21, small: 18 };

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

function tableOf(t: Table): (Paragraph | DocTable)[] {
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
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 360, after: 120 }, children: [new TextRun({ text: t.title, size: 24, font: HEI })] }),
    new DocTable({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }),
  ];
}

/** Body paragraphs: 2-character first-line indent, 28pt fixed line spacing, justified. */
const BODY = { indent: { firstLine: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED } as const;

const small = (text: string) => new TextRun({ text, size: SIZE.small, font: SONG });

type DocxInput = { title: string; subtitle: string; header: string; sections: Section[]; tables: Table[] };

/** Last line of defence: one character XML 1.0 forbids (NUL, U+FFFF…) and Word refuses the whole file. */
function xmlSafe(input: DocxInput): DocxInput {
  const c = stripUnsafeText;
  const row = (r: string[]) => r.map(c);
  return {
    title: c(input.title),
    subtitle: c(input.subtitle),
    header: c(input.header),
    sections: input.sections.map((s) => ({ heading: c(s.heading), paragraphs: row(s.paragraphs) })),
    tables: input.tables.map((t) => ({ title: c(t.title), headers: row(t.headers), rows: t.rows.map(row), ...(t.totalRow ? { totalRow: row(t.totalRow) } : {}) })),
  };
}

export async function bulletinDocx(raw: DocxInput): Promise<Buffer> {
  const input = xmlSafe(raw);
  const children: (Paragraph | DocTable)[] = [
    new Paragraph({ style: "Title", children: [new TextRun(input.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: input.subtitle, size: 24, font: SONG })] }),
  ];
  for (const s of input.sections) {
    if (s.heading) children.push(new Paragraph({ style: "Heading1", children: [new TextRun(s.heading)] }));
    for (const p of s.paragraphs) children.push(new Paragraph({ ...BODY, children: [new TextRun(p)] }));
  }
  for (const t of input.tables) children.push(...tableOf(t));
  const doc = new Document({
    creator: "乡镇工业统计平台",
    title: input.title,
    styles: {
      default: {
        document: {
          run: { font: SONG, size: SIZE.body, language: LANGUAGE },
        },
        title: { run: { font: SONG, size: SIZE.title, bold: true, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120, line: 600, lineRule: LineRuleType.AT_LEAST } } },
        heading1: { run: { font: HEI, size: SIZE.body, bold: false, color: "000000" }, paragraph: { indent: { firstLine: 640 }, keepNext: true, spacing: { before: 120, line: 560, lineRule: LineRuleType.EXACT } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 1 } }, children: [small(input.header)] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [small("— "), new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small, font: SONG }), small(" —")] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
