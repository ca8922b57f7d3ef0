// Types for scripts/lib/migrate.mjs (plain JS so it runs without a build step).
import type { PGlite } from "@electric-sql/pglite";

export interface TargetOptions {
  /** Server URL; only postgres:// or postgresql:// select a server. Default: DATABASE_URL. */
  databaseUrl?: string;
  /** PGlite data folder, relative to the repo root. Default: PGLITE_DIR ?? ".data/pglite". */
  pgliteDir?: string;
  /** An open PGlite instance to use instead (it is left open). */
  pglite?: PGlite;
  /** Default prisma/schema.prisma. */
  schemaPath?: string;
  /** Default prisma/migrations. */
  migrationsDir?: string;
  /** Progress messages (default: silent). */
  log?: (message: string) => void;
  /** Raw engine log lines (JSON). */
  engineLog?: (line: string) => void;
}

export interface MigrationState {
  name: string;
  state: "applied" | "pending" | "failed";
  finishedAt: Date | string | null;
  /** Applied, but migration.sql changed since. */
  edited: boolean;
}

export function deployMigrations(opts?: TargetOptions): Promise<{ target: string; applied: string[] }>;

export function migrationStatus(opts?: TargetOptions): Promise<{
  target: string;
  ok: boolean;
  migrations: MigrationState[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Recorded in the database, absent from the folder. */
  unknown: string[];
}>;

export function resetDatabase(opts?: TargetOptions & { force?: boolean }): Promise<{ target: string; applied: string[] }>;

export function createMigration(
  opts?: TargetOptions & { name?: string; acceptDataLoss?: boolean },
): Promise<{ target: string; applied: string[]; created: string | null; warnings: string[] }>;

export function checkDrift(
  opts?: Pick<TargetOptions, "schemaPath" | "migrationsDir" | "engineLog">,
): Promise<{ drift: boolean; script: string; lockfileProblem: string | null }>;

export function migrationSlug(name?: string): string;
export function isServerUrl(url: unknown): boolean;
export function redactUrl(url: string): string;
