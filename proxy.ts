// Every page: a fresh CSP nonce (lib/security/headers.ts), and for the app's pages the convenience
// redirect to the sign-in page. That redirect is all the proxy does for auth: every page, action and
// route handler checks the user and permission itself (lib/auth, lib/permissions).
import type { NextFetchEvent } from "next/server";
import { NextResponse } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { newNonce, pagePolicy } from "@/lib/security/headers";

const signInRedirect = withAuth({ pages: { signIn: "/login" } });

/** Pages anyone may open: the sign-in pages, and the wall (its kiosk token is checked by the page). */
const isPublicPage = (path: string) => path === "/login" || path.startsWith("/login/") || path === "/wall" || path.startsWith("/wall/");

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  if (!isPublicPage(request.nextUrl.pathname)) {
    const redirect = await signInRedirect(request, event);
    if (redirect) return redirect;
  }
  const nonce = newNonce();
  const policy = pagePolicy(nonce);
  // Next reads the nonce from the request's policy and stamps it on its own scripts; our own inline
  // script (the wall's) reads x-nonce.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes and static files get their headers from next.config.ts.
  matcher: ["/((?!api|_next|favicon.ico|icon.svg).*)"],
};
