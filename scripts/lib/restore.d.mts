// Types for scripts/lib/restore.mjs.
import type { ConnectionOptions } from "./backup.mjs";

/** An expected refusal (migrations differ, database not empty, not a backup): nothing was changed. */
export class RestoreRefused extends Error {}

export interface BackupHeader {
  format: number;
  createdAt: string;
  source: "pglite" | "postgresql";
  migrations: string[];
  counts: Record<string, number>;
}

export function readHeader(file: string): Promise<BackupHeader>;

/** Chinese lines naming the migrations only one side has, or null when they match. */
export function describeDifference(backup: string[], code: string[]): string | null;

export function restoreBackup(
  opts: ConnectionOptions & { file: string; force?: boolean; migrationsDir?: string; log?: (message: string) => void },
): Promise<{ target: string; migrations: string[]; counts: Record<string, number> }>;
