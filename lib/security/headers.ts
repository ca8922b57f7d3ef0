// The security headers every response carries, in one place: next.config.ts sends the static ones,
// proxy.ts the per-request page policy (docs/decisions/008-web-hardening.md).

/**
 * The page policy. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic': Next's chunk loader); Next stamps the nonce on its own scripts when it finds
 * the policy on the request. Styles allow inline: React renders style attributes and Recharts sets
 * them; a nonce would not cover attributes. Nothing may frame a page.
 */
export function pagePolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // Development only: React's debugging uses eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers are data, never documents: nothing runs, nothing frames them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent with every response (pages, API, assets). */
export const COMMON_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors in the policy is the modern rule; X-Frame-Options covers older browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
