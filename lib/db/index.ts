import "server-only";

export { getPrisma, currentDatabaseKind, type Db } from "./client";
export { Prisma } from "@/lib/generated/prisma/client";
