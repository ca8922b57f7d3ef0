import "server-only";
// What the admin pages read about users. Explicit selects: no password hash leaves here.
import type { CurrentUser, Role } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { isAdministrator, usersInScope } from "./scope";

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  regionName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
};

const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  regionId: true,
  disabled: true,
  mustChangePassword: true,
  lastLoginAt: true,
  lockedUntil: true,
  region: { select: { name: true } },
} as const;

type Selected = { region: { name: string } | null } & Omit<UserRow, "regionName">;

const toRow = ({ region, ...u }: Selected): UserRow => ({ ...u, regionName: region?.name ?? null });

const ROLE_ORDER: Record<Role, number> = { ADMIN: 0, CITY_REVIEWER: 1, CITY_LEADER: 2, REVIEWER: 3, LEADER: 4, REPORTER: 5 };

/** Users the admin administers: staff first, then reporters; enabled before disabled. */
export async function listUsers(admin: CurrentUser): Promise<UserRow[]> {
  if (!isAdministrator(admin)) return [];
  const rows = await getPrisma().user.findMany({ where: await usersInScope(admin), select: userSelect, orderBy: { username: "asc" } });
  return rows.map(toRow).sort((a, b) => Number(a.disabled) - Number(b.disabled) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

export async function getUserForAdmin(admin: CurrentUser, id: number): Promise<UserRow | null> {
  if (!isAdministrator(admin) || !Number.isInteger(id)) return null;
  const row = await getPrisma().user.findFirst({ where: { AND: [{ id }, await usersInScope(admin)] }, select: userSelect });
  return row ? toRow(row) : null;
}

/** Owners a token can be made for: enabled users the admin administers. */
export async function listTokenOwners(admin: CurrentUser) {
  if (!isAdministrator(admin)) return [];
  return getPrisma().user.findMany({
    where: { AND: [{ disabled: false }, await usersInScope(admin)] },
    select: { id: true, username: true, displayName: true, role: true, regionId: true },
    orderBy: { username: "asc" },
  });
}
