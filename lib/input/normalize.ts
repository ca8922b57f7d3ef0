/*
 * What a Chinese IME produces besides ASCII: full-width digits and punctuation, the Unicode
 * minus sign, ideographic spaces. Everything is folded to ASCII before parsing.
 */

const FULL_WIDTH_DIGIT_ZERO = 0xff10;

const PUNCTUATION: Readonly<Record<string, string>> = {
  "．": ".",
  "，": ",",
  "－": "-",
  "\u2212": "-", // − MINUS SIGN, what Word and many web pages produce
};

/** Full-width → ASCII and all whitespace removed ("１，２３４ 万" → "1,234万"). */
export function normalizeTyped(raw: string): string {
  let out = "";
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_DIGIT_ZERO && code <= FULL_WIDTH_DIGIT_ZERO + 9) {
      out += String.fromCharCode(48 + code - FULL_WIDTH_DIGIT_ZERO);
    } else if (Object.hasOwn(PUNCTUATION, ch)) {
      out += PUNCTUATION[ch];
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out;
}
