import "server-only";
// Bulk statements for large imports: one INSERT … SELECT FROM unnest(arrays) per batch binds one
// parameter per column instead of one per cell (Prisma's createMany of 50k audit rows takes ≈12 s
// on PGlite, this ≈1 s).
import type { Actor, AuditEntry, Tx } from "@/lib/audit";

const CHUNK = 20_000;

/** The same rows lib/audit's recordAudit writes, in bulk. */
export async function insertAuditBulk(tx: Tx, actor: Actor, entries: AuditEntry[]) {
  const who = `${actor.displayName}（${actor.username}）`.slice(0, 80);
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const col = <T>(f: (e: AuditEntry) => T) => chunk.map(f);
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("userId", actor, action, entity, "entityId", "regionId", year, month, field, "oldValue", "newValue", reason)
       SELECT $1::int, $2::text, * FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      actor.id, who,
      col((e) => e.action), col((e) => e.entity), col((e) => String(e.entityId)), col((e) => e.regionId ?? null), col((e) => e.year ?? null), col((e) => e.month ?? null),
      col((e) => e.field ?? null), col((e) => e.oldValue ?? null), col((e) => e.newValue ?? null), col((e) => e.reason ?? null),
    );
  }
}

export type NewEnterprise = { creditCode: string; name: string; townId: number; parkId: number | null; industryCode: string; ownership: string; aboveScale: boolean };

export async function insertEnterprisesBulk(tx: Tx, rows: NewEnterprise[]) {
  const col = <T>(f: (e: NewEnterprise) => T) => rows.map(f);
  return tx.$queryRawUnsafe<{ id: number; creditCode: string; townId: number }[]>(
    `INSERT INTO "Enterprise" ("creditCode", name, "townId", "parkId", "industryCode", ownership, "aboveScale", "updatedAt")
     SELECT c, n, t, p, i, o::"Ownership", a, now() FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::boolean[]) AS x(c, n, t, p, i, o, a)
     RETURNING id, "creditCode", "townId"`,
    col((e) => e.creditCode), col((e) => e.name), col((e) => e.townId), col((e) => e.parkId), col((e) => e.industryCode), col((e) => e.ownership), col((e) => e.aboveScale),
  );
}
