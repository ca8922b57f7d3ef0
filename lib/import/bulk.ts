import "server-only";
// Bulk statements for large imports: one INSERT … SELECT FROM unnest(arrays) per batch binds one
// parameter per column instead of one per cell (Prisma's createMany of 50k audit rows takes ≈12 s
// on PGlite, this ≈1 s). Each array travels as ONE text parameter holding a PostgreSQL array
// literal ('{1,2,3}', '{"a","b",NULL}') cast on the server (`$1::int[]`): handing Prisma JS arrays
// instead costs ≈0.7–1.4 s of CPU per 5 × 200k elements in the client and more in the server,
// the literal ≈0.1 s (docs/import-benchmark.md).
import type { Actor, AuditEntry, Tx } from "@/lib/audit";

const CHUNK = 20_000;

/** A PostgreSQL array literal of numbers (or numeric strings such as "1234.5"); null → NULL. */
export function numberArray(xs: readonly (number | string | null | undefined)[]): string {
  let out = "{";
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (i > 0) out += ",";
    if (x === null || x === undefined) out += "NULL";
    else {
      const s = String(x);
      // Only plain decimals go into the literal unquoted; anything else is a bug, not data.
      if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a number for a bulk statement: ${s}`);
      out += s;
    }
  }
  return out + "}";
}

/** A PostgreSQL array literal of strings, every element quoted (so "NULL" stays a string); null → NULL. */
export function textArray(xs: readonly (string | null | undefined)[]): string {
  let out = "{";
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (i > 0) out += ",";
    out += x === null || x === undefined ? "NULL" : `"${x.replace(/[\\"]/g, "\\$&")}"`;
  }
  return out + "}";
}

export const booleanArray = (xs: readonly boolean[]) => `{${xs.map((x) => (x ? "t" : "f")).join(",")}}`;

/** The same rows lib/audit's recordAudit writes, in bulk. */
export async function insertAuditBulk(tx: Tx, actor: Actor, entries: AuditEntry[]) {
  const who = `${actor.displayName}（${actor.username}）`.slice(0, 80);
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const text = (f: (e: AuditEntry) => string | null | undefined) => textArray(chunk.map(f));
    const num = (f: (e: AuditEntry) => number | null | undefined) => numberArray(chunk.map(f));
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("userId", actor, action, entity, "entityId", "regionId", year, month, field, "oldValue", "newValue", reason)
       SELECT $1::int, $2::text, * FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      actor.id, who,
      text((e) => e.action), text((e) => e.entity), text((e) => String(e.entityId)), num((e) => e.regionId), num((e) => e.year), num((e) => e.month),
      text((e) => e.field), text((e) => e.oldValue), text((e) => e.newValue), text((e) => e.reason),
    );
  }
}

export type NewEnterprise = { creditCode: string; name: string; townId: number; parkId: number | null; industryCode: string; ownership: string; aboveScale: boolean };

export async function insertEnterprisesBulk(tx: Tx, rows: NewEnterprise[]) {
  const text = (f: (e: NewEnterprise) => string) => textArray(rows.map(f));
  const num = (f: (e: NewEnterprise) => number | null) => numberArray(rows.map(f));
  return tx.$queryRawUnsafe<{ id: number; creditCode: string; townId: number }[]>(
    `INSERT INTO "Enterprise" ("creditCode", name, "townId", "parkId", "industryCode", ownership, "aboveScale", "updatedAt")
     SELECT c, n, t, p, i, o::"Ownership", a, now() FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::boolean[]) AS x(c, n, t, p, i, o, a)
     RETURNING id, "creditCode", "townId"`,
    text((e) => e.creditCode), text((e) => e.name), num((e) => e.townId), num((e) => e.parkId), text((e) => e.industryCode), text((e) => e.ownership), booleanArray(rows.map((e) => e.aboveScale)),
  );
}
