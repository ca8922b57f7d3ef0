// Where to go after sign-in: a path on this site, never another host. Browsers read `/\host`,
// `/<TAB>/host` and `//host` as a host (they drop tabs and newlines, and treat `\` as `/`), so
// "starts with one slash" is not enough: resolve the path the way a browser would and keep it only
// if it stays on our origin.
const BASE = "http://callback.invalid";
const FALLBACK = "/";

export function safeCallbackPath(raw: string | string[] | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return FALLBACK;
  // Control characters, whitespace and backslashes have no place in our own links.
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return FALLBACK;
  if (!raw.startsWith("/") || raw.startsWith("//")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: our own absolute URLs and safe paths; anything else goes home. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (url.startsWith(`${base}/`)) return `${base}${safeCallbackPath(url.slice(base.length))}`;
  return `${base}${safeCallbackPath(url)}`;
}
