// Shared steps of the registry services (enterprises, parks, projects).
import type { AuditEntry } from "@/lib/audit";

/** Prisma's unique-constraint violation (P2002), whichever client class threw it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

const text = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** One audit entry per changed field, with the old and new values. */
export function diffEntries(entity: string, id: number, regionId: number, before: Record<string, unknown>, after: Record<string, unknown>): AuditEntry[] {
  return Object.keys(after)
    .filter((k) => text(before[k]) !== text(after[k]))
    .map((k) => ({ action: "update", entity, entityId: id, regionId, field: k, oldValue: text(before[k]), newValue: text(after[k]) }));
}
