import "server-only";
// Cross-site request forgery guard for API writes authenticated by the session cookie. The cookie
// is SameSite=Lax, so a page on another port or subdomain of the same site still gets it sent
// (e.g. a `<form enctype="text/plain">`). Browsers mark every request with where it came from
// (Origin on POST/PUT/PATCH/DELETE, Sec-Fetch-Site), which a page cannot forge: a write must say
// it came from this origin, and carry JSON (or the import's multipart upload), which a plain
// form cannot send to us without CORS. Bearer tokens are not sent by browsers on their own and
// are not checked here.
import { hasBody } from "./body";
import { ApiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const WRITE_TYPES = /^(application\/json|multipart\/form-data)\s*(;|$)/i;

export const crossSiteRefused = () => new ApiError("forbidden", "请求来源不是本站页面，已拒绝（防跨站请求伪造）。请在本系统页面中操作");

/** The host the browser addressed: the reverse proxy's X-Forwarded-Host, else Host. */
function ownHost(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || request.headers.get("host") || new URL(request.url).host).toLowerCase();
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames, file:) or garbage
  }
}

/** Whether the browser said this request came from one of our own pages. */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (site !== null && site !== "same-origin") return false;
  if (origin !== null && originHost(origin) !== ownHost(request)) return false;
  return site !== null || origin !== null;
}

/** Throws 403/415 for a cookie-authenticated write that is not a same-origin JSON (or upload) call. */
export function assertSessionWriteAllowed(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOriginRequest(request)) throw crossSiteRefused();
  const type = request.headers.get("content-type");
  if ((type !== null || hasBody(request)) && !WRITE_TYPES.test(type?.trim() ?? "")) {
    throw new ApiError("unsupported_media_type", "请求内容类型应为 application/json（上传文件为 multipart/form-data）");
  }
}
