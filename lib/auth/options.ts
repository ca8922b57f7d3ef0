import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { safeRedirectUrl } from "./callback";
import { SIGN_IN_ERRORS, verifyCredentials } from "./credentials";

/** Session lifetime in hours (SESSION_MAX_AGE_HOURS, default 8: one working day). */
export function sessionMaxAgeSeconds(): number {
  const hours = Number(process.env.SESSION_MAX_AGE_HOURS ?? 8);
  return Math.round((Number.isFinite(hours) && hours > 0 ? hours : 8) * 3600);
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For: TRUST_PROXY=1 (or "true")
 * for one, a number for a chain; unset or 0 when clients reach the app directly.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const v = value?.trim().toLowerCase();
  if (!v || v === "0" || v === "false") return 0;
  if (v === "true") return 1;
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** Every sign-in without a trusted proxy counts as from this one address (see clientIp). */
export const DIRECT_ADDRESS = "direct";

/**
 * The address a sign-in came from, for the per-address throttle. Behind `hops` trusted proxies it is
 * the entry the outermost of them wrote (the hops-th from the right); entries to its left come from
 * the client and could be anything. Without a trusted proxy the header itself may be the client's
 * (Next.js keeps one the client sent), and next-auth's authorize() gets no socket address: then
 * every sign-in counts as DIRECT_ADDRESS, never a value the client chose.
 */
export function clientIp(headers: Record<string, unknown> | undefined, hops = trustedProxyHops()): string {
  if (hops === 0) return DIRECT_ADDRESS;
  const forwarded = headers?.["x-forwarded-for"];
  const entries = typeof forwarded === "string" ? forwarded.split(",").map((e) => e.trim()).filter(Boolean) : [];
  return entries.length >= hops ? entries[entries.length - hops] : DIRECT_ADDRESS;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const result = await verifyCredentials(getPrisma(), credentials, clientIp(req?.headers));
        // next-auth passes a thrown message to the sign-in form as `error`.
        if (!result.ok) throw new Error(SIGN_IN_ERRORS[result.error]);
        const u = result.user;
        return { id: String(u.id), name: u.displayName, username: u.username, role: u.role, regionId: u.regionId, sessionVersion: u.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // next-auth's own default lets `/\host` through; ours keeps every redirect on this site.
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.username = user.username;
        token.role = user.role;
        token.regionId = user.regionId;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, username: token.username, role: token.role, regionId: token.regionId, sessionVersion: token.sessionVersion };
      return session;
    },
  },
};
