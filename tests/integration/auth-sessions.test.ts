// Sessions and sign-in against a real database: changing one's own password ends the user's other
// sessions but keeps the current one; the current-password check counts against the sign-in lock;
// X-Forwarded-For is trusted only behind a configured proxy; a password may not contain the user
// name; an API token of a user who must change an admin-set password is refused.
import { decode, encode } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getApiUser } from "@/lib/api/auth";
import { changeOwnPassword, CURRENT_PASSWORD_LOCKED } from "@/lib/auth/change-password";
import { verifyCredentials } from "@/lib/auth/credentials";
import { authOptions, clientIp, trustedProxyHops } from "@/lib/auth/options";
import { passwordSchema } from "@/lib/auth/password";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { renewSessionToken, type CookieJar } from "@/lib/auth/session-cookie";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser } from "@/lib/demo/factories";
import { createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

const PASSWORD = "Secret2026";
const SECRET = "test-secret-for-session-cookies";
const db = () => getPrisma();
let user: CurrentUser;

beforeEach(async () => {
  await resetDatabase();
  const county = await createRegion(db(), { code: "321281000000", name: "兴化市", level: "COUNTY" });
  const row = await createUser(db(), { username: "reviewer", password: PASSWORD, role: "REVIEWER", regionId: county.id });
  user = (await loadActiveUser(row.id, 1))!;
});

/** A browser's cookie jar holding a session token like next-auth issues. */
async function browserWithSession(sessionVersion: number) {
  const cookies = new Map<string, string>();
  cookies.set("next-auth.session-token", await encode({ token: { uid: user.id, username: "reviewer", role: "REVIEWER", regionId: user.regionId, sessionVersion }, secret: SECRET }));
  const jar: CookieJar = { get: (name) => (cookies.has(name) ? { value: cookies.get(name)! } : undefined), set: (name, value) => cookies.set(name, value) };
  const session = async () => (await decode({ token: cookies.get("next-auth.session-token")!, secret: SECRET }))!;
  return { jar, session };
}

describe("changing one's own password", () => {
  it("ends the user's other sessions and keeps the current one", async () => {
    const current = await browserWithSession(1);
    const other = await browserWithSession(1);
    const result = await changeOwnPassword(db(), user, { currentPassword: PASSWORD, newPassword: "Better2026", confirmPassword: "Better2026" });
    expect(result).toMatchObject({ ok: true, sessionVersion: 2 });

    // Only a session of this user is renewed.
    expect(await renewSessionToken(current.jar, user.id + 1, result.sessionVersion!, SECRET)).toBe(false);
    expect(await renewSessionToken(current.jar, user.id, result.sessionVersion!, SECRET)).toBe(true);
    const renewed = await current.session();
    expect(renewed).toMatchObject({ uid: user.id, username: "reviewer", sessionVersion: 2 });
    expect(await loadActiveUser(user.id, renewed.sessionVersion)).toMatchObject({ id: user.id });
    expect(await loadActiveUser(user.id, (await other.session()).sessionVersion)).toBeNull();
  });

  it("counts wrong current passwords against the sign-in lock: the 5th locks the account", async () => {
    const attempt = (currentPassword: string) => changeOwnPassword(db(), user, { currentPassword, newPassword: "Better2026", confirmPassword: "Better2026" });
    for (let i = 0; i < 4; i++) expect((await attempt("wrong-1")).fieldErrors).toEqual({ currentPassword: ["当前密码不正确"] });
    expect((await attempt("wrong-1")).fieldErrors).toEqual({ currentPassword: [CURRENT_PASSWORD_LOCKED] });
    expect(CURRENT_PASSWORD_LOCKED).toBe("当前密码错误次数过多，账号已锁定15分钟，请稍后再试");
    expect((await attempt(PASSWORD)).fieldErrors).toEqual({ currentPassword: [CURRENT_PASSWORD_LOCKED] });
    expect(await verifyCredentials(db(), { username: "reviewer", password: PASSWORD }, "10.0.0.1")).toEqual({ ok: false, error: "throttled" });
  });

  it("a right current password clears the count of wrong ones", async () => {
    for (let i = 0; i < 4; i++) await verifyCredentials(db(), { username: "reviewer", password: "wrong-1" }, "10.0.0.1");
    expect(await changeOwnPassword(db(), user, { currentPassword: PASSWORD, newPassword: "Better2026", confirmPassword: "Better2026" })).toMatchObject({ ok: true });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { failedLoginCount: true, lockedUntil: true } })).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});

describe("the sign-in address", () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  });
  const provider = authOptions.providers[0] as CredentialsConfig;
  const signIn = (password: string, forwarded: string) =>
    provider.options.authorize!({ username: "reviewer", password }, { headers: { "x-forwarded-for": forwarded }, body: {}, query: {}, method: "POST" }).catch((e: Error) => e.message);
  const lastAttemptIp = async () => (await db().loginAttempt.findFirstOrThrow({ orderBy: { id: "desc" }, select: { ip: true } })).ip;

  it("without a trusted proxy, a forged X-Forwarded-For is ignored: the failure counts against 'direct'", async () => {
    delete process.env.TRUST_PROXY;
    expect(await signIn("wrong-1", "203.0.113.66")).toBe("用户名或密码错误");
    expect(await lastAttemptIp()).toBe("direct");
  });

  it("with TRUST_PROXY=1, the address the proxy appended counts, not the client's entries before it", async () => {
    process.env.TRUST_PROXY = "1";
    expect(await signIn("wrong-1", "203.0.113.66, 198.51.100.7")).toBe("用户名或密码错误");
    expect(await lastAttemptIp()).toBe("198.51.100.7");
  });

  it("reads TRUST_PROXY as a number of hops", () => {
    expect([undefined, "", "0", "false", "no"].map((v) => trustedProxyHops(v))).toEqual([0, 0, 0, 0, 0]);
    expect([trustedProxyHops("1"), trustedProxyHops("true"), trustedProxyHops("2")]).toEqual([1, 1, 2]);
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" }, 2)).toBe("203.0.113.5");
    expect(clientIp({ "x-forwarded-for": "203.0.113.5" }, 2)).toBe("direct");
  });
});

describe("password policy and API tokens", () => {
  it("refuses a password that contains the user name, in any case", () => {
    const policy = passwordSchema("wang2026");
    expect(policy.safeParse("Xx-WANG2026-y").error?.issues[0].message).toBe("密码不能包含用户名");
    expect(policy.safeParse("wang2026").error?.issues[0].message).toBe("密码不能包含用户名");
    expect(policy.safeParse("Zhang2026x").success).toBe(true);
  });

  it("refuses the API token of a user who must change an admin-set password, in Chinese", async () => {
    const token = await createApiToken("reviewer", { readOnly: true });
    const request = () => new Request("http://localhost/api/v1/regions", { headers: { authorization: `Bearer ${token}` } });
    expect(await getApiUser(request())).toMatchObject({ id: user.id });
    await db().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    await expect(getApiUser(request())).rejects.toMatchObject({ status: 403, message: "请先修改管理员设置的初始密码，再使用系统" });
  });
});
