import { z } from "zod";

/*
 * Text people type or paste (names, 说明, comments), made safe to store and to write into XML
 * (.docx, .xlsx). PostgreSQL refuses NUL in text; XML 1.0 forbids the other C0 controls (tab, LF
 * and CR excepted) and U+FFFE/U+FFFF; a lone surrogate cannot be encoded as UTF-8. Such characters
 * never carry meaning in this app's text, so they are removed rather than refused.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripUnsafeText(text: string): string {
  return text.replace(UNSAFE, "");
}

/** z.string() for free text: unsafe characters removed before trim/min/max run. */
export const safeText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(stripUnsafeText);
