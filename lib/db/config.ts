// Which database the app talks to. Shared by the app, scripts and tests so they always agree.
import path from "node:path";

export type DatabaseKind = "postgres" | "pglite";

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  return url && /^postgres(ql)?:\/\//.test(url) ? "postgres" : "pglite";
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? ".data/pglite");
}
