// Reads a .docx back the way a word processor must: unzip it and parse its XML parts with a strict
// XML parser (saxes, which throws on malformed XML). Returns the body as paragraphs (with their
// style, and their runs with the East Asian font and colour each names) and tables (cell text by
// row), and the text of the page headers.
import JSZip from "jszip";
import { SaxesParser, type SaxesTagPlain } from "saxes";

export type DocxRun = { text: string; eastAsia: string | null; ascii: string | null; color: string | null };
export type DocxBlock = { kind: "p"; style: string | null; text: string; runs: DocxRun[] } | { kind: "table"; rows: string[][] };

function parseBody(xml: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let tableDepth = 0;
  let rows: string[][] = [];
  let cell: string[] | null = null;
  let para: { style: string | null; text: string; runs: DocxRun[] } | null = null;
  let run: DocxRun | null = null;
  let inText = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (tag.name === "w:tbl" && ++tableDepth === 1) rows = [];
    else if (tag.name === "w:tr" && tableDepth === 1) rows.push([]);
    else if (tag.name === "w:tc" && tableDepth === 1) cell = [];
    else if (tag.name === "w:p") para = { style: null, text: "", runs: [] };
    else if (tag.name === "w:r" && para) para.runs.push((run = { text: "", eastAsia: null, ascii: null, color: null }));
    else if (tag.name === "w:rFonts" && run) Object.assign(run, { eastAsia: tag.attributes["w:eastAsia"] ?? null, ascii: tag.attributes["w:ascii"] ?? null });
    else if (tag.name === "w:color" && run) run.color = tag.attributes["w:val"] ?? null;
    else if (tag.name === "w:pStyle" && para) para.style = tag.attributes["w:val"] ?? null;
    else if (tag.name === "w:t") inText = true;
  });
  parser.on("text", (t) => {
    if (inText && para) para.text += t;
    if (inText && run) run.text += t;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:t") inText = false;
    else if (tag.name === "w:r") run = null;
    else if (tag.name === "w:p" && para) {
      if (cell) cell.push(para.text);
      else if (tableDepth === 0) blocks.push({ kind: "p", ...para });
      para = null;
    } else if (tag.name === "w:tc" && cell && tableDepth === 1) {
      rows[rows.length - 1].push(cell.join("\n"));
      cell = null;
    } else if (tag.name === "w:tbl" && --tableDepth === 0) blocks.push({ kind: "table", rows });
  });
  parser.write(xml).close();
  return blocks;
}

export async function readDocx(buffer: Buffer): Promise<{ blocks: DocxBlock[]; headers: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return file.async("string");
  };
  // The parts Word needs to open the file.
  for (const required of ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"]) parseBody(await part(required));
  const blocks = parseBody(await part("word/document.xml"));
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const headers = await Promise.all(headerNames.map(async (n) => parseBody(await part(n)).map((b) => (b.kind === "p" ? b.text : "")).join("\n")));
  return { blocks, headers };
}
