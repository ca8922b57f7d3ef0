// Roles and their Chinese names. Not server-only: client components label roles too.
export type Role = "ADMIN" | "REVIEWER" | "REPORTER" | "LEADER";

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "管理员",
  REVIEWER: "县局审核员",
  REPORTER: "乡镇填报员",
  LEADER: "领导",
};
