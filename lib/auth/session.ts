import "server-only";
// The signed-in user, re-read from the database on every request: a disabled user or a
// reset password (sessionVersion bumped) ends the session at the next request on any instance.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { authOptions } from "./options";

export type Role = "ADMIN" | "REVIEWER" | "REPORTER" | "LEADER";

export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  region: { id: number; code: string; name: string; level: "CITY" | "COUNTY" | "TOWN"; parentId: number | null } | null;
  mustChangePassword: boolean;
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "管理员",
  REVIEWER: "县局审核员",
  REPORTER: "乡镇填报员",
  LEADER: "领导",
};

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

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return loadActiveUser(session.user.id, session.user.sessionVersion);
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
