import "server-only";
// The signed-in user, re-read from the database on every request: a disabled user or a
// reset password (sessionVersion bumped) ends the session at the next request on any instance.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { authOptions } from "./options";
import type { Role } from "./roles";

export { ROLE_LABELS, type Role } from "./roles";

export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  region: { id: number; code: string; name: string; level: "CITY" | "COUNTY" | "TOWN"; parentId: number | null } | null;
  mustChangePassword: boolean;
};

/**
 * Where a user whose password was set by an admin must change it. It lives outside the app shell
 * (app/login/password): the shell's layout calls requireUser() and cannot tell which page it wraps,
 * so a change page inside the shell would redirect to itself.
 */
export const CHANGE_PASSWORD_PATH = "/login/password";
export const MUST_CHANGE_PASSWORD_MESSAGE = "请先修改管理员设置的初始密码，再使用系统";

export async function loadActiveUser(id: number, sessionVersion: number): Promise<CurrentUser | null> {
  const user = await getPrisma().user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      regionId: true,
      disabled: true,
      sessionVersion: true,
      mustChangePassword: true,
      region: { select: { id: true, code: true, name: true, level: true, parentId: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  const { disabled: _d, sessionVersion: _v, ...rest } = user;
  return rest;
}

/** The signed-in user, including one who must still change their password: for the change-password page and action only. */
export const getSignedInUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return loadActiveUser(session.user.id, session.user.sessionVersion);
});

/**
 * The signed-in user for pages, server actions and permission checks. A user who must change their
 * password counts as not signed in here, so every action refuses them until they have changed it.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSignedInUser();
  return user && !user.mustChangePassword ? user : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page (or to the forced password change). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user;
}
