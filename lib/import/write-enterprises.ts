import "server-only";
// Writes the enterprise register and enterprises' monthly figures, in batches: a 50k-row file
// is a handful of statements, not 50k round trips.
import { insertEnterprisesBulk } from "./bulk";
import type { EnterpriseValueWrite, EnterpriseWrite } from "./plan-enterprises";
import { BATCH, type WriteContext } from "./write-context";

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
    await ctx.rowsWritten(chunk.length);
  }
  const updates = writes.filter((w) => w.stored !== null);
  for (const w of updates) {
    const r = w.record;
    const s = w.stored!;
    await tx.enterprise.update({
      where: { id: s.id },
      data: {
        name: r.name, townId: r.townId, industryCode: r.industryCode, version: { increment: 1 },
        ...(r.parkId !== null ? { parkId: r.parkId } : {}),
        ...(r.ownership ? { ownership: r.ownership } : {}),
        ...(r.aboveScale !== null ? { aboveScale: r.aboveScale } : {}),
      },
    });
    for (const c of w.changes) ctx.audit.push({ action: "import", entity: "Enterprise", entityId: s.id, regionId: r.townId, field: c.field, oldValue: c.old, newValue: c.new });
  }
  if (updates.length > 0) await ctx.rowsWritten(updates.length);
}

export async function writeEnterpriseValues(ctx: WriteContext, writes: EnterpriseValueWrite[]) {
  for (let i = 0; i < writes.length; i += BATCH) {
    const chunk = writes.slice(i, i + BATCH);
    const e: number[] = [], ind: number[] = [], y: number[] = [], m: number[] = [], v: string[] = [];
    for (const w of chunk) {
      for (const s of w.set) {
        e.push(w.record.enterpriseId);
        ind.push(ctx.indicatorId(s.code));
        y.push(w.record.year);
        m.push(w.record.month);
        v.push(s.value);
      }
      // One entry per enterprise and period listing every changed figure (a 50k-row file would
      // otherwise write 200k entries); a single change reads like a form edit.
      const one = w.set.length === 1;
      ctx.audit.push({
        action: "import", entity: "Enterprise", entityId: w.record.enterpriseId, regionId: w.record.townId, year: w.record.year, month: w.record.month,
        field: one ? ctx.indicatorName(w.set[0].code) : "月度数据",
        oldValue: one ? w.set[0].old : w.set.some((s) => s.old !== null) ? w.set.map((s) => `${ctx.indicatorName(s.code)}：${s.old ?? "空"}`).join("；") : null,
        newValue: one ? w.set[0].value : w.set.map((s) => `${ctx.indicatorName(s.code)}：${s.value}`).join("；"),
      });
    }
    // One statement per batch; the unique key makes it an upsert of exactly the changed figures.
    await ctx.tx.$executeRawUnsafe(
      `INSERT INTO "EnterpriseValue" ("enterpriseId", "indicatorId", year, month, value)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::numeric[])
       ON CONFLICT ("enterpriseId", "indicatorId", year, month) DO UPDATE SET value = EXCLUDED.value`,
      e, ind, y, m, v,
    );
    await ctx.rowsWritten(chunk.length);
  }
}
