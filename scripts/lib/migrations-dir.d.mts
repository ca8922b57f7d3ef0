// Types for the parts of scripts/lib/migrations-dir.mjs that TypeScript code uses.

/** Names of the migration directories in a folder, in the order they apply (missing folder = none). */
export function listMigrationNames(baseDir: string): Promise<string[]>;

/** sha256 of migration.sql, hex — the checksum the engine stores in _prisma_migrations. */
export function migrationChecksum(sql: string): string;
