import "server-only";
// Re-issues the current session's cookie with a new sessionVersion. After the user changes their own
// password every session with the old version ends (session.ts); this one must go on, so it is
// written again the way next-auth writes it (same cookie name, options and lifetime).
import { decode, encode } from "next-auth/jwt";
import { sessionMaxAgeSeconds } from "./options";

type CookieOptions = { httpOnly: boolean; sameSite: "lax"; path: string; secure: boolean; maxAge: number };
export type CookieJar = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: CookieOptions): unknown;
};

const COOKIE = "next-auth.session-token";

/**
 * next-auth v4's session cookie in this jar: `__Secure-` prefixed (and secure) when the site is served
 * over https, as next-auth decided when it issued it.
 */
export function sessionCookie(jar: CookieJar): { name: string; secure: boolean } | null {
  if (jar.get(`__Secure-${COOKIE}`)) return { name: `__Secure-${COOKIE}`, secure: true };
  return jar.get(COOKIE) ? { name: COOKIE, secure: false } : null;
}

/** Writes the jar's session token of user `userId` again with `sessionVersion`; false when it holds no such token. */
export async function renewSessionToken(jar: CookieJar, userId: number, sessionVersion: number, secret = process.env.NEXTAUTH_SECRET): Promise<boolean> {
  const cookie = sessionCookie(jar);
  const current = cookie && jar.get(cookie.name)?.value;
  if (!cookie || !current || !secret) return false;
  const { name, secure } = cookie;
  const token = await decode({ token: current, secret }).catch(() => null);
  if (!token || token.uid !== userId) return false;
  const maxAge = sessionMaxAgeSeconds();
  const value = await encode({ token: { ...token, sessionVersion }, secret, maxAge });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
  return true;
}
