import "server-only";
// User administration as plain functions of the caller, so tests call them without a request and the
// server actions (actions.ts) stay thin wrappers. Each one: permission first, zod, one transaction
// with its audit entries, a Chinese `FormState` back.
import { recordAudit } from "@/lib/audit";
import { fieldError, invalid, NOT_ALLOWED, type FormState } from "@/lib/auth/form-state";
import { generateTemporaryPassword, hashPassword, passwordSchema } from "@/lib/auth/password";
import { ROLE_LEVEL } from "@/lib/auth/roles";
import { ROLE_LABELS, type CurrentUser, type Role } from "@/lib/auth/session";
import { CLEARED_LOCK } from "@/lib/auth/throttle";
import { getPrisma, type Db } from "@/lib/db/client";
import { createUserSchema, setDisabledSchema, updateUserSchema, userIdSchema } from "./schemas";
import { administeredRegions, isAdministrator, usersInScope, type RegionOption } from "./scope";

const NOT_FOUND: FormState = { ok: false, message: "用户不存在或不在您管理的范围内" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

const LEVEL_NEEDED: Record<(typeof ROLE_LEVEL)[Role], { levels: RegionOption["level"][]; what: string }> = {
  TOWN: { levels: ["TOWN"], what: "所属乡镇" },
  COUNTY: { levels: ["COUNTY"], what: "县（市、区）" },
  CITY: { levels: ["CITY"], what: "所属市" },
  COUNTY_OR_CITY: { levels: ["COUNTY", "CITY"], what: "县（市、区）或市" },
};

/** A reporter belongs to a town, county staff to a county, city staff to the city, an admin to either. Within the admin's regions. */
async function checkRegion(admin: CurrentUser, role: Role, regionId: number): Promise<{ region: RegionOption } | { error: FormState }> {
  const region = (await administeredRegions(admin)).find((r) => r.id === regionId);
  if (!region) return { error: fieldError("regionId", "所选地区不在您管理的范围内") };
  const needed = LEVEL_NEEDED[ROLE_LEVEL[role]];
  if (!needed.levels.includes(region.level)) return { error: fieldError("regionId", `${ROLE_LABELS[role]}须选择${needed.what}`) };
  return { region };
}

async function findUserInScope(db: Db, admin: CurrentUser, id: number) {
  return db.user.findFirst({
    where: { AND: [{ id }, await usersInScope(admin)] },
    select: { id: true, username: true, displayName: true, role: true, regionId: true, disabled: true, lockedUntil: true, region: { select: { name: true } } },
  });
}

export async function createUser(caller: CurrentUser | null, input: unknown, db: Db = getPrisma()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  const checked = await checkRegion(caller, data.role, data.regionId);
  if ("error" in checked) return checked.error;
  if (data.password) {
    const policy = passwordSchema(data.username).safeParse(data.password);
    if (!policy.success) return fieldError("password", policy.error.issues[0].message);
  }
  const password = data.password || generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        // Whoever set the first password, the user chooses their own at first sign-in.
        data: { username: data.username, displayName: data.displayName, role: data.role, regionId: data.regionId, passwordHash, mustChangePassword: true },
        select: { id: true },
      });
      await recordAudit(tx, caller, [
        { action: "create", entity: "User", entityId: user.id, regionId: data.regionId, newValue: `${data.username}（${data.displayName}，${ROLE_LABELS[data.role]}，${checked.region.name}）` },
      ]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fieldError("username", "用户名已存在");
    throw error;
  }
  const message = `已创建用户 ${data.username}，首次登录时须修改密码`;
  return data.password ? { ok: true, message } : { ok: true, message, secret: password };
}

export async function updateUser(caller: CurrentUser | null, input: unknown, db: Db = getPrisma()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = updateUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  const user = await findUserInScope(db, caller, data.id);
  if (!user) return NOT_FOUND;
  if (user.id === caller.id && data.role !== user.role) return fieldError("role", "不能修改自己的角色");
  const checked = await checkRegion(caller, data.role, data.regionId);
  if ("error" in checked) return checked.error;

  const changes = [
    { field: "displayName", oldValue: user.displayName, newValue: data.displayName },
    { field: "role", oldValue: ROLE_LABELS[user.role], newValue: ROLE_LABELS[data.role] },
    { field: "regionId", oldValue: user.region?.name ?? "—", newValue: checked.region.name },
  ].filter((c) => c.oldValue !== c.newValue);
  if (changes.length === 0) return { ok: true, message: "没有需要保存的修改" };
  await db.$transaction(async (tx) => {
    // Role and region are re-read on every request (lib/auth/session.ts): no need to end sessions.
    await tx.user.update({ where: { id: user.id }, data: { displayName: data.displayName, role: data.role, regionId: data.regionId } });
    await recordAudit(tx, caller, changes.map((c) => ({ action: "update", entity: "User", entityId: user.id, regionId: data.regionId, ...c })));
  });
  return { ok: true, message: `已保存用户 ${user.username} 的修改` };
}

/** Disabling ends the user's sessions (sessionVersion) and stops their API tokens (owner disabled). */
export async function setUserDisabled(caller: CurrentUser | null, input: unknown, db: Db = getPrisma()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = setDisabledSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, disabled } = parsed.data;
  const user = await findUserInScope(db, caller, id);
  if (!user) return NOT_FOUND;
  if (user.id === caller.id) return { ok: false, message: "不能停用自己的账号" };
  if (user.disabled === disabled) return { ok: true, message: disabled ? "该用户已是停用状态" : "该用户已是启用状态" };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: disabled ? { disabled, sessionVersion: { increment: 1 } } : { disabled } });
    await recordAudit(tx, caller, [{ action: disabled ? "disable" : "enable", entity: "User", entityId: id, regionId: user.regionId, field: "disabled", oldValue: String(!disabled), newValue: String(disabled) }]);
  });
  return { ok: true, message: disabled ? `已停用 ${user.username}，其登录已失效` : `已启用 ${user.username}` };
}

/** A temporary password, shown once; the user must change it at next sign-in; their sessions end. */
export async function resetUserPassword(caller: CurrentUser | null, input: unknown, db: Db = getPrisma()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = userIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const user = await findUserInScope(db, caller, parsed.data.id);
  if (!user) return NOT_FOUND;
  if (user.id === caller.id) return { ok: false, message: "请在“修改密码”页面修改自己的密码" };
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 }, ...CLEARED_LOCK } });
    await recordAudit(tx, caller, [{ action: "reset_password", entity: "User", entityId: user.id, regionId: user.regionId, field: "password" }]);
  });
  return { ok: true, message: `已重置 ${user.username} 的密码，请将临时密码告知本人；其登录时须修改密码`, secret: password };
}

export async function unlockUser(caller: CurrentUser | null, input: unknown, db: Db = getPrisma()): Promise<FormState> {
  if (!isAdministrator(caller)) return NOT_ALLOWED;
  const parsed = userIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const user = await findUserInScope(db, caller, parsed.data.id);
  if (!user) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: CLEARED_LOCK });
    await recordAudit(tx, caller, [{ action: "update", entity: "User", entityId: user.id, regionId: user.regionId, field: "lockedUntil", oldValue: user.lockedUntil?.toISOString() ?? null, newValue: null, reason: "管理员解锁" }]);
  });
  return { ok: true, message: `已解锁 ${user.username}` };
}
