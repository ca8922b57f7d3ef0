import "server-only";
// The town's parks for one period: 已开发面积, 基础设施投资, 入园企业数, 销售收入 and 利税 (ParkValue),
// beside last month's and last year's. A park's row is all five figures or none; saving checks
// each park like a report (YTD not below last month's, counts whole) and runs in one transaction.
import { recordAudit, type AuditEntry, type Tx } from "@/lib/audit";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Caller } from "@/lib/permissions";
import { formatPeriodKey, type Period } from "@/lib/stats";
import { checkRow, parseRow, present, sameFigure } from "./cells";
import { PARK_FIELDS, PARK_LEVEL_NAMES, type ParkFieldCode } from "./fields";
import type { FigureGridSave } from "./schema";
import { assertCanEdit, assertCanView, assertDistinct, entryTown, EntryConflictError, fieldErrorsFailure, holdUnlocked, lastWriter, reportStatusOf, rowErrorsFailure } from "./scope";
import { canonical, rowToken } from "./token";
import type { ParkGridRow, ParkGridView, StoredRow } from "./types";

const CODES = PARK_FIELDS.map((f) => f.code as ParkFieldCode);
const select = { parkId: true, version: true, developedArea: true, infrastructureInvestment: true, enterpriseCount: true, salesRevenue: true, profitTax: true } as const;

type Stored = { version: number; values: Record<string, string> };

async function parkValues(db: Db | Tx, parkIds: number[], year: number, month: number): Promise<Map<number, Stored>> {
  const out = new Map<number, Stored>();
  if (parkIds.length === 0 || month < 1) return out;
  const rows = await db.parkValue.findMany({ where: { parkId: { in: parkIds }, year, month }, select });
  for (const r of rows) out.set(r.parkId, { version: r.version, values: Object.fromEntries(CODES.map((c) => [c, canonical(r[c])!])) });
  return out;
}

// ParkValue has its own version: the token is that version (0 = no figures yet) and the figures.
const storedRow = (id: number, s: Stored | undefined): StoredRow => ({ id, token: rowToken({ version: s?.version ?? 0, ...(s?.values ?? {}) }), values: s?.values ?? {} });

async function townParks(db: Db | Tx, townId: number) {
  return db.park.findMany({ where: { townId }, select: { id: true, name: true, level: true, plannedArea: true }, orderBy: [{ level: "asc" }, { id: "asc" }] });
}

export async function getParkGrid(user: Caller, townCode: string, period: Period): Promise<ParkGridView> {
  const town = await entryTown(townCode);
  await assertCanView(user, town);
  const db = getPrisma();
  const [parks, reportStatus] = await Promise.all([townParks(db, town.id), reportStatusOf(town.id, period)]);
  const ids = parks.map((p) => p.id);
  const [current, previous, lastYear] = await Promise.all([
    parkValues(db, ids, period.year, period.month),
    parkValues(db, ids, period.year, period.month - 1),
    parkValues(db, ids, period.year - 1, period.month),
  ]);
  const rows: ParkGridRow[] = parks.map((p) => ({
    ...storedRow(p.id, current.get(p.id)),
    name: p.name,
    levelLabel: PARK_LEVEL_NAMES[p.level] ?? p.level,
    plannedArea: canonical(p.plannedArea)!,
    previous: previous.get(p.id)?.values ?? {},
    lastYear: lastYear.get(p.id)?.values ?? {},
  }));
  return { town: { code: town.code, name: town.name }, period: { year: period.year, month: period.month, key: formatPeriodKey(period) }, reportStatus, fields: [...PARK_FIELDS], rows };
}

export async function saveParkGrid(user: Caller, townCode: string, period: Period, rows: FigureGridSave["rows"]): Promise<StoredRow[]> {
  const town = await entryTown(townCode);
  await assertCanEdit(user, town, period);
  assertDistinct(rows.map((r) => r.id));

  const parsed = new Map<number, Record<string, string | null>>();
  const fieldErrors: Record<string, string> = {};
  for (const row of rows) {
    const p = parseRow(PARK_FIELDS, row.values);
    for (const [code, message] of Object.entries(p.errors)) fieldErrors[`${row.id}.${code}`] = `${PARK_FIELDS.find((f) => f.code === code)!.name}：${message}`;
    // The columns are NOT NULL: a park's figures are all filled, or all cleared.
    const filled = CODES.filter((c) => p.values[c] !== null && p.values[c] !== undefined);
    if (filled.length > 0 && filled.length < CODES.length) {
      for (const c of CODES) if (!filled.includes(c) && !p.errors[c]) fieldErrors[`${row.id}.${c}`] = `${PARK_FIELDS.find((f) => f.code === c)!.name}：请填写（园区各项须填写完整）`;
    }
    parsed.set(row.id, p.values);
  }
  if (Object.keys(fieldErrors).length > 0) throw fieldErrorsFailure(fieldErrors);

  return getPrisma().$transaction(async (tx) => {
    await holdUnlocked(tx, town.id, period);
    const parks = new Map((await townParks(tx, town.id)).map((p) => [p.id, p]));
    if (rows.some((r) => !parks.has(r.id))) throw fieldErrorsFailure({ rows: "有园区不属于本镇；请刷新页面后重试" });
    const ids = rows.map((r) => r.id);
    await tx.$queryRaw`SELECT id FROM "Park" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
    const [current, previous, lastYear] = await Promise.all([
      parkValues(tx, ids, period.year, period.month),
      parkValues(tx, ids, period.year, period.month - 1),
      parkValues(tx, ids, period.year - 1, period.month),
    ]);
    const stale = rows.filter((r) => storedRow(r.id, current.get(r.id)).token !== r.token);
    if (stale.length > 0) {
      const who = await lastWriter(tx, "Park", stale.map((r) => r.id), town.id, period);
      throw new EntryConflictError({ rows: stale.map((r) => storedRow(r.id, current.get(r.id))), ...who }, "个园区");
    }

    const rowErrors: Record<string, string[]> = {};
    for (const row of rows) {
      const errors = checkRow(PARK_FIELDS, period.month, present(parsed.get(row.id)!), previous.get(row.id)?.values ?? {}, lastYear.get(row.id)?.values ?? {}).errors;
      if (errors.length > 0) rowErrors[row.id] = errors.map((e) => `${parks.get(row.id)!.name}：${e.message}`);
    }
    if (Object.keys(rowErrors).length > 0) throw rowErrorsFailure(rowErrors, "个园区");

    const audit: AuditEntry[] = [];
    for (const row of rows) {
      const next = parsed.get(row.id)!;
      const before = current.get(row.id);
      const name = parks.get(row.id)!.name;
      const changed = PARK_FIELDS.filter((f) => !sameFigure(before?.values[f.code] ?? null, next[f.code] ?? null));
      if (changed.length === 0) continue;
      const key = { parkId: row.id, year: period.year, month: period.month };
      if (next.developedArea === null) {
        await tx.parkValue.deleteMany({ where: key });
      } else {
        const data = {
          developedArea: next.developedArea!,
          infrastructureInvestment: next.infrastructureInvestment!,
          enterpriseCount: Number(next.enterpriseCount),
          salesRevenue: next.salesRevenue!,
          profitTax: next.profitTax!,
        };
        if (before) await tx.parkValue.update({ where: { parkId_year_month: key }, data: { ...data, version: { increment: 1 } } });
        else await tx.parkValue.create({ data: { ...key, ...data } });
      }
      for (const f of changed) {
        audit.push({ action: "update", entity: "Park", entityId: row.id, regionId: town.id, year: period.year, month: period.month, field: `${name}·${f.name}`.slice(0, 60), oldValue: before?.values[f.code] ?? null, newValue: next[f.code] ?? null });
      }
    }
    await recordAudit(tx, user, audit);
    const after = await parkValues(tx, ids, period.year, period.month);
    return ids.map((id) => storedRow(id, after.get(id)));
  });
}
