import type { DefaultSession } from "next-auth";

type AppRole = "ADMIN" | "REVIEWER" | "REPORTER" | "LEADER" | "CITY_REVIEWER" | "CITY_LEADER";

declare module "next-auth" {
  interface Session {
    user: { id: number; username: string; role: AppRole; regionId: number | null; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    id: string;
    username: string;
    role: AppRole;
    regionId: number | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    username: string;
    role: AppRole;
    regionId: number | null;
    sessionVersion: number;
  }
}
