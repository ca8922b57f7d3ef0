// The one Prisma client. PostgreSQL server when DATABASE_URL is a postgresql:// URL,
// embedded PGlite otherwise (docs/decisions/001-embedded-pglite.md). Created lazily:
// `next build` imports server modules and must not open the database.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKind, databaseUrl, pgliteDir, type DatabaseKind } from "./config";

export type Db = InstanceType<typeof PrismaClient>;

type Holder = { prisma?: Db; kind?: DatabaseKind; pglite?: PGlite };
const holder: Holder = ((globalThis as { __tisDb?: Holder }).__tisDb ??= {});

export function createPrismaForPglite(pglite: PGlite): Db {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

/** The pg pool under each server-backed client: Prisma's own connections, also for the overview's hot read (lib/overview/query.ts). */
const pools = new WeakMap<Db, pg.Pool>();

export function createPrismaForUrl(connectionString: string): Db {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // A connection dropped while idle (a server restart) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.warn("idle database connection lost", error.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** The current client's pg pool when it runs on a PostgreSQL server (none on PGlite). */
export function currentPgPool(): pg.Pool | undefined {
  return pools.get(getPrisma());
}

export function getPrisma(): Db {
  if (holder.prisma) return holder.prisma;
  const url = databaseUrl();
  if (url && databaseKind(url) === "postgres") {
    holder.prisma = createPrismaForUrl(url);
    holder.kind = "postgres";
  } else {
    holder.pglite = new PGlite(pgliteDir());
    holder.prisma = createPrismaForPglite(holder.pglite);
    holder.kind = "pglite";
  }
  return holder.prisma;
}

export function currentDatabaseKind(): DatabaseKind {
  getPrisma();
  return holder.kind ?? databaseKind();
}

/** The PGlite instance under the client, if that is what it runs on (backup and restore use it directly). */
export function currentPglite(): PGlite | undefined {
  getPrisma();
  return holder.pglite;
}

/** Tests and scripts install their own client (an in-memory PGlite or a throwaway server database). */
export function attachDatabase(prisma: Db, kind: DatabaseKind, pglite?: PGlite): void {
  holder.prisma = prisma;
  holder.kind = kind;
  holder.pglite = pglite;
}

export async function closeDatabase(): Promise<void> {
  await holder.prisma?.$disconnect();
  // $disconnect does not close PGlite; without close() scripts never exit.
  await holder.pglite?.close();
  holder.prisma = undefined;
  holder.pglite = undefined;
}
