// XML scanning for lib/import/xlsx.ts. The parts an .xlsx reader needs are machine-written; a tag
// is `<name attrs>`, `<name attrs/>` or `</name>`, optionally with a namespace prefix (`<x:c>`, as
// the Open XML SDK writes), so one regular expression walks them.

/** A fresh tag scanner: groups are 1 "/" of a closing tag, 2 the local name, 3 the attributes, 4 "/" of an empty tag. */
export const tagScanner = () => /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ESCAPED_CHAR = /_x([0-9A-F]{4})_/g;

export function decode(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16)),
  );
}

/** Text of a string item: XML entities, then Excel's `_xHHHH_` escapes (e.g. _x000D_). */
export const stringText = (s: string) => {
  const d = decode(s);
  return d.indexOf("_x") < 0 ? d : d.replace(ESCAPED_CHAR, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
};

/** Attributes by local name (a prefix such as `r:` is dropped). */
export function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.length === 0) return out;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) {
    const name = m[1];
    const colon = name.lastIndexOf(":");
    out[colon < 0 ? name : name.slice(colon + 1)] = decode(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** The raw value of one attribute, without building the whole map (the hot path: every cell). */
export function attr(s: string, name: string): string | undefined {
  let i = s.indexOf(name);
  while (i >= 0) {
    const before = i === 0 ? " " : s[i - 1];
    let j = i + name.length;
    while (s[j] === " ") j++;
    if ((before === " " || before === "\t" || before === "\n" || before === "\r") && s[j] === "=") {
      j++;
      while (s[j] === " ") j++;
      const q = s[j];
      if (q === '"' || q === "'") {
        const end = s.indexOf(q, j + 1);
        if (end < 0) return undefined;
        return s.slice(j + 1, end);
      }
    }
    i = s.indexOf(name, i + 1);
  }
  return undefined;
}

/** Text up to the next tag (the content of a leaf element such as <v> or <t>). */
export const textAt = (xml: string, from: number) => {
  const end = xml.indexOf("<", from);
  return xml.slice(from, end < 0 ? xml.length : end);
};
