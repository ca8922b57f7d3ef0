// CSV as counties save it from Excel or WPS: UTF-8 (with or without BOM) or GB18030, comma or tab separated.
import { ImportRefused, MAX_CELL_CHARS, MAX_COLUMNS, MAX_DATA_ROWS, HEADER_SEARCH_ROWS } from "./limits";
import type { RawSheet } from "./types";

export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder("utf-8").decode(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    // Excel on a Chinese Windows saves "CSV" in the ANSI code page: GBK, a subset of GB18030.
    return new TextDecoder("gb18030").decode(buf);
  }
}

/** RFC 4180 fields: quotes around fields with separators, "" for a quote inside. */
export function parseCsv(text: string, sheetName = "CSV"): RawSheet {
  if (text.includes("\u0000")) throw new ImportRefused("文件含有二进制内容，不是文本格式的 CSV 文件");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const sep = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const maxRows = MAX_DATA_ROWS + HEADER_SEARCH_ROWS;
  const endField = () => {
    if (field.length > MAX_CELL_CHARS) throw new ImportRefused(`第${rows.length + 1}行有超长单元格（超过${MAX_CELL_CHARS}字），已拒绝`);
    row.push(field);
    field = "";
    if (row.length > MAX_COLUMNS) throw new ImportRefused(`列数超过${MAX_COLUMNS}列，已拒绝`);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
      if (rows.length > maxRows) throw new ImportRefused(`数据行数超过${MAX_DATA_ROWS.toLocaleString("en-US")}行上限，请拆分文件后分批导入`);
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return { name: sheetName, rows: rows.map((r) => r.map((t) => ({ text: t.trim() === "" ? null : t.trim() }))) };
}
