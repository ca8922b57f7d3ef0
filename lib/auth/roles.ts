// Roles and their Chinese names. Not server-only: client components label roles too.
export type Role = "ADMIN" | "REVIEWER" | "REPORTER" | "LEADER" | "CITY_REVIEWER" | "CITY_LEADER";

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "管理员",
  REVIEWER: "县局审核员",
  REPORTER: "乡镇填报员",
  LEADER: "领导",
  CITY_REVIEWER: "市级审核员",
  CITY_LEADER: "市领导",
};

/** The region level a role's users belong to: a reporter a town, city staff the city, everyone else a county (an admin: a county or a city). */
export const ROLE_LEVEL: Record<Role, "TOWN" | "COUNTY" | "CITY" | "COUNTY_OR_CITY"> = {
  ADMIN: "COUNTY_OR_CITY",
  REVIEWER: "COUNTY",
  REPORTER: "TOWN",
  LEADER: "COUNTY",
  CITY_REVIEWER: "CITY",
  CITY_LEADER: "CITY",
};
