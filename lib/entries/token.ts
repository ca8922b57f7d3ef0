import "server-only";
// A row's optimistic-lock token: a digest of what is stored for it now. A save echoes the token its
// grid was loaded with; if the row changed in between (anyone's save, an import), the digest differs
// and the save is a conflict. Works for rows that have no version column (enterprise figures,
// project progress) and for rows that do not exist yet.
import { createHash } from "node:crypto";
import { toDecimal } from "@/lib/stats";

/** Stored decimals in one spelling ("12000.0000" and "12000" are the same figure). */
export function canonical(value: { toString(): string } | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const d = toDecimal(value.toString());
  return d === null ? value.toString() : d.toFixed();
}

export function rowToken(parts: Readonly<Record<string, string | number | null | undefined>>): string {
  const sorted = Object.keys(parts)
    .sort()
    .map((k) => [k, parts[k] ?? null]);
  return createHash("sha256").update(JSON.stringify(sorted)).digest("base64url").slice(0, 22);
}
