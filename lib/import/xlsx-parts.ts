// The package parts lib/import/xlsx.ts reads besides the worksheets: relationships (which part is
// the workbook, which are its sheets, shared strings and styles), the shared strings and which
// cell styles show dates.
import { attr, attrs, stringText, tagScanner, textAt } from "./xlsx-xml";

export type Parts = { get(name: string): string | null };

/** Zip entries by name (case-insensitively as a fallback), decoded as UTF-8. */
export function partsOf(entries: Map<string, Buffer>): Parts {
  const lower = new Map<string, string>();
  for (const name of entries.keys()) lower.set(name.toLowerCase(), name);
  return {
    get(name) {
      const key = entries.has(name) ? name : lower.get(name.toLowerCase());
      const buf = key === undefined ? undefined : entries.get(key);
      if (!buf) return null;
      // A UTF-8 byte order mark is allowed before the XML declaration.
      return buf.toString("utf8", buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
    },
  };
}

export type Rel = { type: string; target: string };

/** A .rels part: relationship id → type (its last path segment, e.g. "worksheet") and resolved target. */
export function relationships(xml: string | null, baseDir: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  if (!xml) return out;
  const tags = tagScanner();
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    if (m[1] || m[2] !== "Relationship") continue;
    const a = attrs(m[3]);
    if (!a.Id || !a.Target || a.TargetMode === "External") continue;
    const type = a.Type ?? "";
    out.set(a.Id, { type: type.slice(type.lastIndexOf("/") + 1), target: resolvePath(baseDir, a.Target) });
  }
  return out;
}

function resolvePath(baseDir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

export const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);
export const relsOf = (path: string) => `${dirOf(path)}_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`;

/** sharedStrings.xml: each item's text, rich text runs joined, phonetic runs (<rPh>) left out. */
export function sharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let parts: string[] | null = null;
  let phonetic = false;
  const tags = tagScanner();
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, close, name, , self] = m;
    if (name === "si") {
      if (close) {
        out.push(stringText((parts ?? []).join("")));
        parts = null;
      } else if (self) out.push("");
      else parts = [];
    } else if (name === "rPh") {
      if (!self) phonetic = !close;
    } else if (name === "t" && !close && !self && parts && !phonetic) {
      parts.push(textAt(xml, tags.lastIndex));
    }
  }
  return out;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs's test: after removing [...] and "..." sections, any of y m d h M s b. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** styles.xml: for each cell style index (<c s="…">), does it show a date? */
export function dateStyles(xml: string | null): boolean[] {
  const out: boolean[] = [];
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  const tags = tagScanner();
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, close, name, rest, self] = m;
    if (name === "numFmt" && !close) {
      const a = attrs(rest);
      if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
    } else if (name === "cellXfs") {
      inXfs = !close && !self;
    } else if (name === "xf" && inXfs && !close) {
      const id = Number(attr(rest, "numFmtId") ?? 0);
      const code = custom.get(id);
      out.push(id !== 0 && (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)));
    }
  }
  return out;
}
