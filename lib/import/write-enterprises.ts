import "server-only";
// Writes the enterprise register and enterprises' monthly figures, in batches: a 50k-row file
// is a handful of statements, not 50k round trips. Only what the plan found changed is written
// (the plan compares with the stored rows, read inside the same transaction).
import { ApiError } from "@/lib/api/errors";
import { recordScaleChanges } from "@/lib/enterprises/scale-history";
import { booleanArray, insertEnterprisesBulk, numberArray, textArray } from "./bulk";
import type { EnterpriseValueWrite, EnterpriseWrite } from "./plan-enterprises";
import { BATCH, type WriteContext } from "./write-context";

const CHANGED_MEANWHILE = "数据在预览后发生变化，导入未执行：部分企业数据在导入期间被他人修改，请重新上传预览";

export async function writeEnterprises(ctx: WriteContext, writes: EnterpriseWrite[]) {
  const { tx } = ctx;
  const creates = writes.filter((w) => w.stored === null);
  for (let i = 0; i < creates.length; i += BATCH) {
    const chunk = creates.slice(i, i + BATCH);
    const rows = await insertEnterprisesBulk(
      tx,
      chunk.map(({ record: r }) => ({ creditCode: r.creditCode, name: r.name, townId: r.townId, parkId: r.parkId, industryCode: r.industryCode, ownership: r.ownership ?? "PRIVATE", aboveScale: r.aboveScale ?? false })),
    );
    for (const row of rows) ctx.audit.push({ action: "import", entity: "Enterprise", entityId: row.id, regionId: row.townId, field: "新增企业", newValue: row.creditCode });
    // A new 规上 enterprise enters the 规上 history too (the 同口径 base and the entry grids read it).
    const aboveByCode = new Map(chunk.map(({ record: r }) => [r.creditCode, r.aboveScale === true]));
    await recordScaleChanges(ctx.tx, rows.filter((row) => aboveByCode.get(row.creditCode)).map((row) => ({ enterpriseId: row.id, aboveScale: true })), "名录导入");
    await ctx.rowsWritten(chunk.length);
  }
  const updates = writes.filter((w) => w.stored !== null);
  for (let i = 0; i < updates.length; i += BATCH) {
    const chunk = updates.slice(i, i + BATCH);
    // Optional columns left blank in the file (NULL here) keep what is stored.
    const changed = await tx.$executeRawUnsafe(
      `UPDATE "Enterprise" e
          SET name = x.n, "townId" = x.t, "industryCode" = x.i,
              "parkId" = COALESCE(x.p, e."parkId"), ownership = COALESCE(x.o::"Ownership", e.ownership), "aboveScale" = COALESCE(x.a, e."aboveScale"),
              version = e.version + 1, "updatedAt" = now()
         FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::boolean[]) AS x(id, n, t, i, p, o, a)
        WHERE e.id = x.id`,
      numberArray(chunk.map((w) => w.stored!.id)),
      textArray(chunk.map((w) => w.record.name)),
      numberArray(chunk.map((w) => w.record.townId)),
      textArray(chunk.map((w) => w.record.industryCode)),
      numberArray(chunk.map((w) => w.record.parkId)),
      textArray(chunk.map((w) => w.record.ownership)),
      booleanOrNullArray(chunk.map((w) => w.record.aboveScale)),
    );
    if (changed !== chunk.length) throw new ApiError("conflict", CHANGED_MEANWHILE);
    await recordScaleChanges(
      tx,
      chunk.filter((w) => w.record.aboveScale !== null && w.record.aboveScale !== w.stored!.aboveScale).map((w) => ({ enterpriseId: w.stored!.id, aboveScale: w.record.aboveScale! })),
      "名录导入",
    );
    for (const w of chunk) {
      for (const c of w.changes) ctx.audit.push({ action: "import", entity: "Enterprise", entityId: w.stored!.id, regionId: w.record.townId, field: c.field, oldValue: c.old, newValue: c.new });
    }
    await ctx.rowsWritten(chunk.length);
  }
}

const booleanOrNullArray = (xs: (boolean | null)[]) => (xs.every((x) => x !== null) ? booleanArray(xs as boolean[]) : `{${xs.map((x) => (x === null ? "NULL" : x ? "t" : "f")).join(",")}}`);

/**
 * New figures are INSERTed (no ON CONFLICT: the plan, made in this transaction, found none
 * stored; a row another session inserted since makes the import fail and roll back rather than
 * be overwritten unaudited). Changed figures are UPDATEd only where the stored value is still the
 * one the plan saw, so the audit's old value is true; otherwise the import is refused. Unchanged
 * figures are not sent at all. The rollup triggers on EnterpriseValue (ComparableBase) run once
 * per statement.
 */
export async function writeEnterpriseValues(ctx: WriteContext, writes: EnterpriseValueWrite[]) {
  for (let i = 0; i < writes.length; i += BATCH) {
    const chunk = writes.slice(i, i + BATCH);
    const add = { e: [] as number[], i: [] as number[], y: [] as number[], m: [] as number[], v: [] as string[] };
    const upd = { e: [] as number[], i: [] as number[], y: [] as number[], m: [] as number[], v: [] as string[], old: [] as string[] };
    for (const w of chunk) {
      const { enterpriseId, year, month } = w.record;
      for (const s of w.set) {
        const to = s.old === null ? add : upd;
        to.e.push(enterpriseId);
        to.i.push(ctx.indicatorId(s.code));
        to.y.push(year);
        to.m.push(month);
        to.v.push(s.value);
        if (s.old !== null) upd.old.push(s.old);
      }
      // One entry per enterprise and period listing every changed figure (a 50k-row file would
      // otherwise write 200k entries); a single change reads like a form edit.
      const one = w.set.length === 1;
      ctx.audit.push({
        action: "import", entity: "Enterprise", entityId: enterpriseId, regionId: w.record.townId, year, month,
        field: one ? ctx.indicatorName(w.set[0].code) : "月度数据",
        oldValue: one ? w.set[0].old : w.set.some((s) => s.old !== null) ? w.set.map((s) => `${ctx.indicatorName(s.code)}：${s.old ?? "空"}`).join("；") : null,
        newValue: one ? w.set[0].value : w.set.map((s) => `${ctx.indicatorName(s.code)}：${s.value}`).join("；"),
      });
    }
    if (add.e.length > 0) {
      await ctx.tx.$executeRawUnsafe(
        `INSERT INTO "EnterpriseValue" ("enterpriseId", "indicatorId", year, month, value)
         SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::numeric[])`,
        numberArray(add.e), numberArray(add.i), numberArray(add.y), numberArray(add.m), numberArray(add.v),
      );
    }
    if (upd.e.length > 0) {
      const changed = await ctx.tx.$executeRawUnsafe(
        `UPDATE "EnterpriseValue" ev SET value = x.v
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::numeric[], $6::numeric[]) AS x(e, i, y, m, v, old)
          WHERE ev."enterpriseId" = x.e AND ev."indicatorId" = x.i AND ev.year = x.y AND ev.month = x.m AND ev.value = x.old`,
        numberArray(upd.e), numberArray(upd.i), numberArray(upd.y), numberArray(upd.m), numberArray(upd.v), numberArray(upd.old),
      );
      if (changed !== upd.e.length) throw new ApiError("conflict", CHANGED_MEANWHILE);
    }
    await ctx.rowsWritten(chunk.length);
  }
}
