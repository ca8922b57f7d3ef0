// Types for scripts/lib/backup.mjs.
import type { PGlite } from "@electric-sql/pglite";

export interface ConnectionOptions {
  /** Server URL; only postgres:// or postgresql:// select a server. Default: DATABASE_URL. */
  databaseUrl?: string;
  /** PGlite data folder, relative to the repo root. Default: PGLITE_DIR ?? ".data/pglite". */
  pgliteDir?: string;
  /** An open PGlite instance to use instead (it is left open). */
  pglite?: PGlite;
}

export interface BackupResult {
  file: string;
  target: string;
  /** The source's applied migrations, recorded in the file. */
  migrations: string[];
  /** Rows per table. */
  counts: Record<string, number>;
}

export function defaultBackupPath(opts?: { gzip?: boolean; now?: Date }): string;

/** Writes the data as one SQL file; gzipped when `out` ends in .gz. Default path: defaultBackupPath(). */
export function writeBackup(opts?: ConnectionOptions & { out?: string; gzip?: boolean }): Promise<BackupResult>;
