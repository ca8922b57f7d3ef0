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
 * The address a sign-in came from, for the per-address throttle. The right-most X-Forwarded-For entry
 * is the one our own side wrote (the reverse proxy, or Next.js from the socket when no proxy is in
 * front); entries to its left come from the client and could be anything.
 */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const entries = typeof forwarded === "string" ? forwarded.split(",").map((e) => e.trim()).filter(Boolean) : [];
  return entries.at(-1) ?? "local";
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
