import "server-only";
// The town's 规上 enterprises for one period: their YTD figures beside last month's and last year's,
// and saving a grid of them — parsed per field, checked per enterprise, all rows in one transaction
// with their audit entries, a stale row a conflict, never an overwrite. EnterpriseValue's triggers
// keep the 同口径 base (ComparableBase) in step inside the same transaction.
import { recordAudit, type AuditEntry, type Tx } from "@/lib/audit";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Caller } from "@/lib/permissions";
import { formatPeriodKey, type Period } from "@/lib/stats";
import { checkRow, parseRow, present, sameFigure } from "./cells";
import type { FigureGridSave } from "./schema";
import { assertCanEdit, assertCanView, assertDistinct, entryTown, EntryConflictError, fieldErrorsFailure, holdUnlocked, lastWriter, reportStatusOf, rowErrorsFailure } from "./scope";
import { canonical, rowToken } from "./token";
import type { EnterpriseGridRow, EnterpriseGridView, EntryField, StoredRow } from "./types";

type Field = EntryField & { id: number };
type Listed = { id: number; name: string; creditCode: string; parkName: string | null };

/** The indicators reported per enterprise (工业总产值, 销售收入, 利润总额, 入库税金 in the standard set). */
export async function loadEnterpriseFields(db: Db | Tx): Promise<Field[]> {
  const rows = await db.indicator.findMany({
    where: { active: true, onEnterpriseForm: true },
    select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, allowNegative: true, integerOnly: true, yoyWarnPercent: true, planWarnPercent: true, magnitudeWarnRatio: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, yoyWarnPercent: r.yoyWarnPercent.toString(), planWarnPercent: r.planWarnPercent.toString(), magnitudeWarnRatio: r.magnitudeWarnRatio.toString() }));
}

/**
 * The town's enterprises that are 规上 in the period: the latest 规上 change on or before it says so
 * (the same rule as the 同口径 base); one with no history at all counts by its current flag.
 */
export async function listAboveScale(db: Db | Tx, townId: number, period: Period): Promise<Listed[]> {
  const rows = await db.$queryRaw<Listed[]>`
    SELECT e.id, e.name, e."creditCode", p.name AS "parkName"
    FROM "Enterprise" e
    LEFT JOIN "Park" p ON p.id = e."parkId"
    WHERE e."townId" = ${townId}
      AND COALESCE(
        (SELECT c."aboveScale" FROM "EnterpriseScaleChange" c
         WHERE c."enterpriseId" = e.id AND (c.year, c.month) <= (${period.year}::int, ${period.month}::int)
         ORDER BY c.year DESC, c.month DESC LIMIT 1),
        NOT EXISTS (SELECT 1 FROM "EnterpriseScaleChange" c WHERE c."enterpriseId" = e.id) AND e."aboveScale")`;
  const collator = new Intl.Collator("zh-CN");
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

type Figures = Map<number, Record<string, string>>;

/** Figures of these enterprises for one period, by enterprise id then indicator code. */
async function figuresOf(db: Db | Tx, ids: number[], fields: Field[], year: number, month: number): Promise<Figures> {
  const out: Figures = new Map(ids.map((id) => [id, {}]));
  if (ids.length === 0 || month < 1) return out;
  const codeOf = new Map(fields.map((f) => [f.id, f.code]));
  const rows = await db.enterpriseValue.findMany({
    where: { enterpriseId: { in: ids }, indicatorId: { in: fields.map((f) => f.id) }, year, month },
    select: { enterpriseId: true, indicatorId: true, value: true },
  });
  for (const r of rows) out.get(r.enterpriseId)![codeOf.get(r.indicatorId)!] = canonical(r.value)!;
  return out;
}

const tokenOf = (values: Record<string, string>) => rowToken(values);
const storedRow = (id: number, values: Record<string, string>): StoredRow => ({ id, token: tokenOf(values), values });

export async function getEnterpriseGrid(user: Caller, townCode: string, period: Period): Promise<EnterpriseGridView> {
  const town = await entryTown(townCode);
  await assertCanView(user, town);
  const db = getPrisma();
  const [fields, listed, reportStatus] = await Promise.all([loadEnterpriseFields(db), listAboveScale(db, town.id, period), reportStatusOf(town.id, period)]);
  const ids = listed.map((e) => e.id);
  const [current, previous, lastYear] = await Promise.all([
    figuresOf(db, ids, fields, period.year, period.month),
    figuresOf(db, ids, fields, period.year, period.month - 1),
    figuresOf(db, ids, fields, period.year - 1, period.month),
  ]);
  const rows: EnterpriseGridRow[] = listed.map((e) => ({
    ...storedRow(e.id, current.get(e.id)!),
    name: e.name,
    creditCode: e.creditCode,
    parkName: e.parkName,
    previousYtd: previous.get(e.id)!,
    lastYear: lastYear.get(e.id)!,
  }));
  return {
    town: { code: town.code, name: town.name },
    period: { year: period.year, month: period.month, key: formatPeriodKey(period) },
    reportStatus,
    fields: fields.map(({ id: _id, ...f }) => f),
    rows,
  };
}

/** Saves the changed rows of the grid; returns their stored state (and new tokens) after the save. */
export async function saveEnterpriseGrid(user: Caller, townCode: string, period: Period, rows: FigureGridSave["rows"]): Promise<StoredRow[]> {
  const town = await entryTown(townCode);
  await assertCanEdit(user, town, period);
  assertDistinct(rows.map((r) => r.id));
  const db = getPrisma();
  const fields = await loadEnterpriseFields(db);

  // Every cell parsed before anything is written: one bad figure saves nothing.
  const parsed = new Map<number, Record<string, string | null>>();
  const fieldErrors: Record<string, string> = {};
  for (const row of rows) {
    const p = parseRow(fields, row.values);
    for (const [code, message] of Object.entries(p.errors)) fieldErrors[`${row.id}.${code}`] = `${fields.find((f) => f.code === code)!.name}：${message}`;
    parsed.set(row.id, p.values);
  }
  if (Object.keys(fieldErrors).length > 0) throw fieldErrorsFailure(fieldErrors);

  return db.$transaction(async (tx) => {
    await holdUnlocked(tx, town.id, period);
    const listed = new Map((await listAboveScale(tx, town.id, period)).map((e) => [e.id, e]));
    if (rows.some((r) => !listed.has(r.id))) throw fieldErrorsFailure({ rows: "有企业不属于本镇，或本期不是规上企业；请刷新页面后重试" });
    const ids = rows.map((r) => r.id);
    // Row locks: a concurrent save of the same enterprises waits here, then sees our figures.
    await tx.$queryRaw`SELECT id FROM "Enterprise" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
    const [current, previous, lastYear] = await Promise.all([
      figuresOf(tx, ids, fields, period.year, period.month),
      figuresOf(tx, ids, fields, period.year, period.month - 1),
      figuresOf(tx, ids, fields, period.year - 1, period.month),
    ]);

    const stale = rows.filter((r) => tokenOf(current.get(r.id)!) !== r.token);
    if (stale.length > 0) {
      const who = await lastWriter(tx, "Enterprise", stale.map((r) => r.id), town.id, period);
      throw new EntryConflictError({ rows: stale.map((r) => storedRow(r.id, current.get(r.id)!)), ...who }, "家企业");
    }

    const rowErrors: Record<string, string[]> = {};
    for (const row of rows) {
      const values = present(parsed.get(row.id)!);
      const errors = checkRow(fields, period.month, values, previous.get(row.id)!, lastYear.get(row.id)!).errors;
      if (errors.length > 0) rowErrors[row.id] = errors.map((e) => `${listed.get(row.id)!.name}：${e.message}`);
    }
    if (Object.keys(rowErrors).length > 0) throw rowErrorsFailure(rowErrors, "家企业");

    const upsert = { e: [] as number[], i: [] as number[], v: [] as string[] };
    const remove = { e: [] as number[], i: [] as number[] };
    const audit: AuditEntry[] = [];
    for (const row of rows) {
      const before = current.get(row.id)!;
      const name = listed.get(row.id)!.name;
      for (const f of fields) {
        const next = parsed.get(row.id)![f.code] ?? null;
        const old = before[f.code] ?? null;
        if (sameFigure(old, next)) continue;
        if (next === null) {
          remove.e.push(row.id);
          remove.i.push(f.id);
        } else {
          upsert.e.push(row.id);
          upsert.i.push(f.id);
          upsert.v.push(next);
        }
        audit.push({ action: "update", entity: "Enterprise", entityId: row.id, regionId: town.id, year: period.year, month: period.month, field: `${name}·${f.name}`.slice(0, 60), oldValue: old, newValue: next });
      }
    }
    if (upsert.e.length > 0) {
      // One statement: EnterpriseValue's statement-level triggers adjust the 同口径 base once.
      await tx.$executeRaw`
        INSERT INTO "EnterpriseValue" ("enterpriseId", "indicatorId", year, month, value)
        SELECT e, i, ${period.year}::int, ${period.month}::int, v FROM unnest(${upsert.e}::int[], ${upsert.i}::int[], ${upsert.v}::numeric[]) AS x(e, i, v)
        ON CONFLICT ("enterpriseId", "indicatorId", year, month) DO UPDATE SET value = EXCLUDED.value`;
    }
    if (remove.e.length > 0) {
      await tx.$executeRaw`
        DELETE FROM "EnterpriseValue" ev USING unnest(${remove.e}::int[], ${remove.i}::int[]) AS x(e, i)
        WHERE ev."enterpriseId" = x.e AND ev."indicatorId" = x.i AND ev.year = ${period.year} AND ev.month = ${period.month}`;
    }
    await recordAudit(tx, user, audit);
    const after = await figuresOf(tx, ids, fields, period.year, period.month);
    return ids.map((id) => storedRow(id, after.get(id)!));
  });
}
