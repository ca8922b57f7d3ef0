// Sign-in hardening and user/token administration against a real database: lockout per account and
// per address, disabled users, sessions ended by sessionVersion, the forced password change, admin
// services refusing non-admins, and API tokens stored only as a hash.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getApiUser } from "@/lib/api/auth";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { SIGN_IN_ERRORS, verifyCredentials } from "@/lib/auth/credentials";
import { NOT_ALLOWED } from "@/lib/auth/form-state";
import { clientIp } from "@/lib/auth/options";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createRegion, createUser } from "@/lib/demo/factories";
import type { Caller } from "@/lib/permissions";
import { createApiToken, revokeApiToken } from "@/lib/tokens/service";
import { createUser as adminCreateUser, resetUserPassword, setUserDisabled, unlockUser, updateUser } from "@/lib/users/service";
import { resetDatabase } from "../support/db";

const PASSWORD = "Secret2026";
let county: number;
let town: number;
let otherTown: number;
let admin: CurrentUser;
let reviewerId: number;

const db = () => getPrisma();
const signIn = (username: string, password: string, ip = "10.0.0.1") => verifyCredentials(db(), { username, password }, ip);
const caller = async (id: number) => (await loadActiveUser(id, 1))!;
const bearer = (token: string) => new Request("http://localhost/api/v1/regions", { headers: { authorization: `Bearer ${token}` } });

beforeEach(async () => {
  await resetDatabase();
  const city = await createRegion(db(), { code: "321200000000", name: "泰州市", level: "CITY" });
  county = (await createRegion(db(), { code: "321281000000", name: "兴化市", level: "COUNTY", parentId: city.id })).id;
  town = (await createRegion(db(), { code: "321281100000", name: "戴南镇", level: "TOWN", parentId: county })).id;
  const otherCounty = await createRegion(db(), { code: "321282000000", name: "靖江市", level: "COUNTY", parentId: city.id });
  otherTown = (await createRegion(db(), { code: "321282100000", name: "靖城街道", level: "TOWN", parentId: otherCounty.id })).id;
  const a = await createUser(db(), { username: "admin", password: PASSWORD, role: "ADMIN", regionId: county });
  reviewerId = (await createUser(db(), { username: "reviewer", password: PASSWORD, role: "REVIEWER", regionId: county })).id;
  await createUser(db(), { username: "reporter", password: PASSWORD, role: "REPORTER", regionId: town });
  admin = await caller(a.id);
});

describe("sign-in throttling", () => {
  it("locks an account after 5 wrong passwords, even against the right one, until an admin unlocks it", async () => {
    for (let i = 1; i <= 4; i++) expect(await signIn("reviewer", "wrong-1")).toEqual({ ok: false, error: "invalid" });
    expect(await signIn("reviewer", "wrong-1")).toEqual({ ok: false, error: "throttled" });
    expect(SIGN_IN_ERRORS.throttled).toBe("登录失败次数过多，账号已锁定15分钟");
    expect(await signIn("reviewer", PASSWORD, "10.0.0.2")).toEqual({ ok: false, error: "throttled" });
    const locked = await db().user.findUniqueOrThrow({ where: { id: reviewerId }, select: { lockedUntil: true } });
    const minutes = (locked.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    expect((await unlockUser(admin, { id: reviewerId })).ok).toBe(true);
    expect((await signIn("reviewer", PASSWORD)).ok).toBe(true);
    const audit = await db().auditLog.findFirst({ where: { entity: "User", entityId: String(reviewerId), field: "lockedUntil" } });
    expect(audit?.userId).toBe(admin.id);
  });

  it("a successful sign-in resets the count of wrong passwords", async () => {
    for (let i = 0; i < 4; i++) await signIn("reviewer", "wrong-1");
    expect((await signIn("reviewer", PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await signIn("reviewer", "wrong-1")).ok).toBe(false);
    expect((await signIn("reviewer", PASSWORD)).ok).toBe(true);
  });

  it("answers for an unknown username exactly as for a real one", async () => {
    for (let i = 1; i <= 4; i++) expect(await signIn("nobody", "wrong-1")).toEqual({ ok: false, error: "invalid" });
    expect(await signIn("nobody", "wrong-1")).toEqual({ ok: false, error: "throttled" });
  });

  it("20 failures from one address refuse every account from that address, not from others", async () => {
    for (let i = 0; i < 20; i++) expect(await signIn(`guess${i}`, "wrong-1", "203.0.113.9")).toEqual({ ok: false, error: "invalid" });
    expect(await signIn("reporter", PASSWORD, "203.0.113.9")).toEqual({ ok: false, error: "addressThrottled" });
    expect((await signIn("reporter", PASSWORD, "203.0.113.10")).ok).toBe(true);
  });

  it("keeps a month of sign-in attempts: older ones are pruned at the next sign-in", async () => {
    const day = 86_400_000;
    await db().loginAttempt.createMany({
      data: [
        { username: "spray1", ip: "203.0.113.1", success: false, createdAt: new Date(Date.now() - 31 * day) },
        { username: "spray2", ip: "203.0.113.2", success: false, createdAt: new Date(Date.now() - 40 * day) },
        { username: "reviewer", ip: "10.0.0.1", success: true, createdAt: new Date(Date.now() - 29 * day) },
      ],
    });
    expect((await signIn("reviewer", PASSWORD)).ok).toBe(true);
    const left = await db().loginAttempt.findMany({ orderBy: { createdAt: "asc" }, select: { username: true } });
    expect(left.map((a) => a.username)).toEqual(["reviewer", "reviewer"]);
  });

  it("behind a trusted proxy, takes the address the proxy wrote, not one the client made up", () => {
    expect(clientIp({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }, 1)).toBe("198.51.100.7");
    expect(clientIp({ "x-forwarded-for": "198.51.100.7" }, 1)).toBe("198.51.100.7");
    expect(clientIp({}, 1)).toBe("direct");
  });
});

describe("disabled users and ended sessions", () => {
  it("a disabled user cannot sign in; a wrong password does not reveal that the account is disabled", async () => {
    await createUser(db(), { username: "gone", password: PASSWORD, role: "LEADER", regionId: county, disabled: true });
    expect(await signIn("gone", PASSWORD)).toEqual({ ok: false, error: "disabled" });
    expect(await signIn("gone", "wrong-1")).toEqual({ ok: false, error: "invalid" });
  });

  it("disabling ends the session; enabling again does not revive it", async () => {
    expect(await loadActiveUser(reviewerId, 1)).not.toBeNull();
    expect(await setUserDisabled(admin, { id: reviewerId, disabled: "true" })).toMatchObject({ ok: true });
    expect(await loadActiveUser(reviewerId, 1)).toBeNull();
    expect(await signIn("reviewer", PASSWORD)).toEqual({ ok: false, error: "disabled" });
    expect(await setUserDisabled(admin, { id: reviewerId, disabled: "false" })).toMatchObject({ ok: true });
    expect(await loadActiveUser(reviewerId, 1)).toBeNull();
    expect((await signIn("reviewer", PASSWORD)).ok).toBe(true);
    const actions = await db().auditLog.findMany({ where: { entityId: String(reviewerId) }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["disable", "enable"]);
  });

  it("an admin cannot disable or demote themselves", async () => {
    expect(await setUserDisabled(admin, { id: admin.id, disabled: "true" })).toMatchObject({ ok: false, message: "不能停用自己的账号" });
    expect((await updateUser(admin, { id: admin.id, displayName: "管理员", role: "REVIEWER", regionId: county })).fieldErrors?.role).toEqual(["不能修改自己的角色"]);
  });
});

describe("password reset and the forced change", () => {
  it("a reset ends the session, shows a temporary password once, and forces a change at sign-in", async () => {
    const reset = await resetUserPassword(admin, { id: reviewerId });
    expect(reset.ok).toBe(true);
    const temporary = reset.secret!;
    expect(await loadActiveUser(reviewerId, 1)).toBeNull();
    const signedIn = await signIn("reviewer", temporary);
    expect(signedIn.ok && signedIn.user.sessionVersion).toBe(2);
    const user = (await loadActiveUser(reviewerId, 2))!;
    expect(user.mustChangePassword).toBe(true);

    expect((await changeOwnPassword(db(), user, { currentPassword: "nope", newPassword: "Better2026", confirmPassword: "Better2026" })).fieldErrors?.currentPassword).toEqual(["当前密码不正确"]);
    const policy = async (p: string, c = p) => (await changeOwnPassword(db(), user, { currentPassword: temporary, newPassword: p, confirmPassword: c })).fieldErrors;
    expect(await policy("Ab1")).toEqual({ newPassword: ["密码至少8位"] });
    expect(await policy("abcdefghij")).toEqual({ newPassword: ["密码须包含数字"] });
    expect(await policy("1234567890")).toEqual({ newPassword: ["密码须包含字母"] });
    expect(await policy("Better2026", "Better2027")).toEqual({ confirmPassword: ["两次输入的新密码不一致"] });
    expect(await policy(temporary)).toEqual({ newPassword: ["新密码不能与当前密码相同"] });

    // The change ends the user's other sessions (version 3); the current one is re-issued with it.
    expect(await changeOwnPassword(db(), user, { currentPassword: temporary, newPassword: "Better2026", confirmPassword: "Better2026" })).toMatchObject({ ok: true, sessionVersion: 3 });
    expect(await loadActiveUser(reviewerId, 2)).toBeNull();
    const after = (await loadActiveUser(reviewerId, 3))!;
    expect(after.mustChangePassword).toBe(false);
    expect((await signIn("reviewer", "Better2026")).ok).toBe(true);
    const actions = await db().auditLog.findMany({ where: { entityId: String(reviewerId) }, select: { action: true, field: true, userId: true }, orderBy: { id: "asc" } });
    expect(actions).toEqual([
      { action: "reset_password", field: "password", userId: admin.id },
      { action: "update", field: "password", userId: reviewerId },
    ]);
  });

  it("the password may not be the username", async () => {
    await createUser(db(), { username: "wang2026", password: PASSWORD, role: "LEADER", regionId: county });
    const user = (await loadActiveUser((await db().user.findUniqueOrThrow({ where: { username: "wang2026" } })).id, 1))!;
    const result = await changeOwnPassword(db(), user, { currentPassword: PASSWORD, newPassword: "WANG2026", confirmPassword: "WANG2026" });
    expect(result.fieldErrors).toEqual({ newPassword: ["密码不能包含用户名"] });
  });
});

describe("user administration", () => {
  it("creates a reporter for a town with a generated password that must be changed", async () => {
    const result = await adminCreateUser(admin, { username: "dainan.li", displayName: "李明", role: "REPORTER", regionId: String(town), password: "" });
    expect(result).toMatchObject({ ok: true });
    const signedIn = await signIn("dainan.li", result.secret!);
    expect(signedIn.ok).toBe(true);
    const row = await db().user.findUniqueOrThrow({ where: { username: "dainan.li" }, select: { mustChangePassword: true, regionId: true, passwordHash: true } });
    expect(row).toMatchObject({ mustChangePassword: true, regionId: town });
    expect(row.passwordHash).not.toContain(result.secret!);
    expect(await db().auditLog.count({ where: { entity: "User", action: "create" } })).toBe(1);
  });

  it("refuses duplicates, bad usernames, a reporter without a town, staff on a town, and regions outside the admin's county", async () => {
    const base = { displayName: "张三", role: "REPORTER", regionId: town, password: "" };
    expect((await adminCreateUser(admin, { ...base, username: "reporter" })).fieldErrors).toEqual({ username: ["用户名已存在"] });
    expect((await adminCreateUser(admin, { ...base, username: "Zhang San" })).fieldErrors?.username).toHaveLength(1);
    expect((await adminCreateUser(admin, { ...base, username: "zs", regionId: county })).fieldErrors?.username).toHaveLength(1);
    expect((await adminCreateUser(admin, { ...base, username: "zhangsan", regionId: county })).fieldErrors).toEqual({ regionId: ["乡镇填报员须选择所属乡镇"] });
    expect((await adminCreateUser(admin, { ...base, username: "zhangsan", role: "LEADER" })).fieldErrors?.regionId).toEqual(["领导须选择县（市、区）"]);
    expect((await adminCreateUser(admin, { ...base, username: "zhangsan", regionId: otherTown })).fieldErrors?.regionId).toEqual(["所选地区不在您管理的范围内"]);
    expect((await adminCreateUser(admin, { ...base, username: "zhangsan", password: "short1" })).fieldErrors?.password).toEqual(["密码至少8位"]);
    expect(await db().user.count()).toBe(3);
  });

  it("every admin service refuses reviewers, leaders, reporters and anonymous callers, and writes nothing", async () => {
    await createUser(db(), { username: "leader", password: PASSWORD, role: "LEADER", regionId: county });
    const others = [await caller(reviewerId), await caller((await db().user.findUniqueOrThrow({ where: { username: "leader" } })).id), await caller((await db().user.findUniqueOrThrow({ where: { username: "reporter" } })).id), null];
    for (const who of others) {
      expect(await adminCreateUser(who, { username: "x_user", displayName: "X", role: "LEADER", regionId: county })).toEqual(NOT_ALLOWED);
      expect(await updateUser(who, { id: reviewerId, displayName: "X", role: "ADMIN", regionId: county })).toEqual(NOT_ALLOWED);
      expect(await setUserDisabled(who, { id: admin.id, disabled: "true" })).toEqual(NOT_ALLOWED);
      expect(await resetUserPassword(who, { id: admin.id })).toEqual(NOT_ALLOWED);
      expect(await unlockUser(who, { id: admin.id })).toEqual(NOT_ALLOWED);
      expect(await createApiToken(who, { userId: reviewerId, name: "x", readOnly: "on" })).toEqual(NOT_ALLOWED);
      expect(await revokeApiToken(who, { id: 1 })).toEqual(NOT_ALLOWED);
    }
    // An admin acting through an API token is not an admin either.
    const viaToken: Caller = { ...admin, token: { regionId: null, readOnly: false } };
    expect(await adminCreateUser(viaToken, { username: "x_user", displayName: "X", role: "LEADER", regionId: county })).toEqual(NOT_ALLOWED);
    expect(await db().user.count()).toBe(4);
    expect(await db().apiToken.count()).toBe(0);
    expect(await db().auditLog.count()).toBe(0);
  });
});

describe("API tokens", () => {
  it("stores only the SHA-256, authenticates with it, and stops working once revoked", async () => {
    const created = await createApiToken(admin, { userId: String(reviewerId), name: "统计局对接", regionId: String(town), readOnly: "on", expiresOn: "" });
    expect(created.ok).toBe(true);
    const token = created.secret!;
    const row = await db().apiToken.findFirstOrThrow({ select: { id: true, tokenHash: true, prefix: true, readOnly: true, regionId: true } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.tokenHash).not.toContain(token);
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row).toMatchObject({ readOnly: true, regionId: town });

    const user = await getApiUser(bearer(token));
    expect(user).toMatchObject({ id: reviewerId, token: { regionId: town, readOnly: true } });
    expect(await revokeApiToken(admin, { id: row.id })).toMatchObject({ ok: true });
    expect(await getApiUser(bearer(token))).toBeNull();
    const actions = await db().auditLog.findMany({ where: { entity: "ApiToken" }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["create", "revoke"]);
  });

  it("narrows only within the owner's scope, refuses past expiry dates, and dies with its disabled owner", async () => {
    const base = { userId: String(reviewerId), name: "t", readOnly: "on" };
    expect((await createApiToken(admin, { ...base, regionId: String(otherTown) })).fieldErrors).toEqual({ regionId: ["限定地区须在该用户可访问的范围内"] });
    expect((await createApiToken(admin, { ...base, expiresOn: "2020-01-01" })).fieldErrors).toEqual({ expiresOn: ["到期日期须晚于今天"] });
    const created = await createApiToken(admin, { ...base, expiresOn: "2099-12-31" });
    expect(await getApiUser(bearer(created.secret!))).not.toBeNull();
    await setUserDisabled(admin, { id: reviewerId, disabled: "true" });
    expect(await getApiUser(bearer(created.secret!))).toBeNull();
    expect((await createApiToken(admin, base)).fieldErrors?.userId).toHaveLength(1);
  });
});
