import "server-only";
// 规上 status lives in EnterpriseScaleChange (the history the 同口径 base and the entry grids read);
// Enterprise.aboveScale is only its current value. Every writer that sets or changes the flag also
// records the change, effective from the current month in China time.
import type { Tx } from "@/lib/audit";
import { chinaMonth } from "@/lib/stats";


/** Records each enterprise's 规上 status from the current month (one statement, whatever the count). */
export async function recordScaleChanges(tx: Tx, changes: { enterpriseId: number; aboveScale: boolean }[], note: string, now = new Date()) {
  if (changes.length === 0) return;
  const { year, month } = chinaMonth(now);
  await tx.$executeRawUnsafe(
    `INSERT INTO "EnterpriseScaleChange" ("enterpriseId", year, month, "aboveScale", note)
     SELECT x.id, $3, $4, x.a, $5 FROM unnest($1::int[], $2::boolean[]) AS x(id, a)
     ON CONFLICT ("enterpriseId", year, month) DO UPDATE SET "aboveScale" = EXCLUDED."aboveScale", note = EXCLUDED.note`,
    // Array literals as text: the same on both drivers (PGlite and pg).
    `{${changes.map((c) => Math.trunc(c.enterpriseId)).join(",")}}`,
    `{${changes.map((c) => (c.aboveScale ? "t" : "f")).join(",")}}`,
    year,
    month,
    note,
  );
}
