import "server-only";
// The city's monthly table of counties (全市分县（市、区）月报表) and the counties' annual plans, imported
// by a city reviewer through the same importer as a county's towns: the city is the scope and its
// counties are the rows (recognised by name, short name or 12-digit code; the 全市/合计 row is
// cross-checked against their sum; 同比/上年同期/占年计划 columns cross-checked as for towns).
// docs/decisions/016-city-and-peer-counties.md:
//   rule 1 — a county without town detail gets county-level figures: a TownReport + ReportValues at
//            the county (the same planner, checks, locks, versions and audit as a town's);
//   rule 2 — a county WITH town detail keeps its towns' total: its row goes to CityTableFigure, only
//            for the cross-check 本县乡镇汇总 X万元，市表 Y万元 — never counted, never overwriting.
import { createHash } from "node:crypto";
import { ApiError, notFound } from "@/lib/api/errors";
import { recordAudit, type Tx } from "@/lib/audit";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEditCountyPlans, canEditReport, canEnterCityTable, type Caller } from "@/lib/permissions";
import { presentValue } from "@/lib/present/figure";
import { getRegionById, type RegionRef } from "@/lib/regions";
import { formatPeriodRange, type Period } from "@/lib/stats";
import { loadRefs } from "./facts";
import { packRecords, unpackRecords } from "./pack";
import { hasErrors, parseImport, type SheetChoices } from "./parse";
import { opOf, sameFigure, countOps, type Action, type Change, type Planned } from "./plan-types";
import type { PlanWrite, TownWrite } from "./plan-figures";
import { planImport } from "./planner";
import { readUploadForPreview } from "./read";
import type { PlanRecord, TownValuesRecord } from "./records";
import type { Refs } from "./refs";
import { trimForDisplay, type ImportSummary } from "./summary";
import type { ImportKind, Problem } from "./types";
import { WriteContext } from "./write-context";
import { writePlans, writeTownValues } from "./write-figures";

export const CITY_IMPORT_KINDS = ["city_values", "city_plans"] as const;
export type CityImportKind = (typeof CITY_IMPORT_KINDS)[number];
export const CITY_IMPORT_LABELS: Record<CityImportKind, string> = { city_values: "全市分县（市、区）月报表", city_plans: "县（市、区）年度计划" };
/** The importer's kind each city kind reads its rows with. */
const BASE: Record<CityImportKind, ImportKind> = { city_values: "town_values", city_plans: "plans" };

export const isCityImportKind = (x: string): x is CityImportKind => (CITY_IMPORT_KINDS as readonly string[]).includes(x);

/** The city a city reviewer enters the table for (their own region); forbidden for anyone else. */
export async function cityImportScope(user: Caller): Promise<RegionRef> {
  const city = user.regionId ? await getRegionById(user.regionId) : null;
  if (!city || city.level !== "CITY" || !(await canEnterCityTable(user, city.id))) throw new ApiError("forbidden", "没有导入全市县（市、区）数据的权限：由市级审核员导入");
  return city;
}

/** The importer's reference data with the city as the scope and its counties as the rows. */
export async function loadCityRefs(db: Db | Tx, kind: CityImportKind, city: RegionRef, period: Period | null): Promise<Refs> {
  const refs = await loadRefs(db, BASE[kind], city, null, period);
  const detailed = await db.region.findMany({ where: { parentId: city.id, level: "COUNTY", children: { some: { level: "TOWN" } } }, select: { id: true } });
  return { ...refs, peers: { detailed: new Set(detailed.map((d) => d.id)) } };
}

/** One figure of the city's table for a county with town detail (rule 2). */
export type CityTableWrite = { regionId: number; name: string; year: number; month: number; code: string; value: string; old: string | null };

export type CityPlan = {
  problems: Problem[];
  actions: Action[];
  /** Rule 1: county-level reports (city_values) or county plans (city_plans), by the importer's own planner. */
  peers: { kind: "town_values"; writes: TownWrite[] } | { kind: "plans"; writes: PlanWrite[] };
  /** Rule 2: figures kept for the cross-check only. */
  table: CityTableWrite[];
};

const regionLabel = (name: string, year: number, month: number) => `${name}${formatPeriodRange(year, month)}`;

/** Splits the records by the contract's rules and plans each part against the stored data (preview and commit alike). */
/** The city's counties the user may enter figures (city_values) or plans (city_plans) of: asked before any transaction (PGlite has one connection). */
export async function enterableCounties(user: Caller, kind: CityImportKind, city: RegionRef): Promise<Set<number>> {
  const counties = await getPrisma().region.findMany({ where: { parentId: city.id, level: "COUNTY" }, select: { id: true } });
  const out = new Set<number>();
  for (const c of counties) if (await (kind === "city_plans" ? canEditCountyPlans(user, c.id) : canEditReport(user, c.id, null))) out.add(c.id);
  return out;
}

export async function planCityImport(db: Db | Tx, allowed: ReadonlySet<number>, kind: CityImportKind, records: (TownValuesRecord | PlanRecord)[], refs: Refs): Promise<CityPlan> {
  const detailed = refs.peers!.detailed;
  const problems: Problem[] = [];
  const actions: Action[] = [];
  const table: CityTableWrite[] = [];
  const problem = (r: { src: { sheet: string; row: number } }, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ sheet: r.src.sheet, row: r.src.row, column: "县（市、区）", message, severity });
  if (kind === "city_plans") {
    const plans = records as PlanRecord[];
    const ours: PlanRecord[] = [];
    for (const r of plans) {
      if (r.regionId === refs.county.id) problem(r, "全市合计行的计划不导入（全市计划为各县（市、区）计划之和）", "warning");
      else if (detailed.has(r.regionId)) problem(r, `${r.regionName}有乡镇明细，其年度计划由本县（市、区）维护，市表中的计划不导入`, "warning");
      else if (!allowed.has(r.regionId)) problem(r, `没有维护${r.regionName}年度计划的权限`);
      else ours.push(r);
    }
    const plan = ours.length > 0 ? await planImport(db, "plans", ours, refs) : null;
    const planned = (plan?.planned ?? { actions: [], problems: [], writes: [] }) as Planned<PlanWrite>;
    return { problems: [...problems, ...planned.problems], actions: planned.actions, peers: { kind: "plans", writes: planned.writes }, table };
  }
  const rows = records as TownValuesRecord[];
  const peers = rows.filter((r) => !detailed.has(r.townId));
  const detail = rows.filter((r) => detailed.has(r.townId));
  // Whether the user may enter this county's own figures at all (its report's status is the planner's lock check).
  for (const r of peers) if (!allowed.has(r.townId)) problem(r, `没有录入${r.townName}数据的权限`);
  const plan = peers.length > 0 ? await planImport(db, "town_values", peers, refs) : null;
  const planned = (plan?.planned ?? { actions: [], problems: [], writes: [] }) as Planned<TownWrite>;
  problems.push(...planned.problems);
  actions.push(...planned.actions);
  if (detail.length > 0) {
    const stored = await db.cityTableFigure.findMany({
      where: { regionId: { in: [...new Set(detail.map((r) => r.townId))] }, year: { in: [...new Set(detail.map((r) => r.year))] } },
      select: { regionId: true, year: true, month: true, value: true, indicator: { select: { code: true } } },
    });
    const old = new Map(stored.map((s) => [`${s.regionId}|${s.year}|${s.month}|${s.indicator.code}`, s.value.toString()]));
    const towns = await townSums(db, detail);
    for (const r of detail) {
      const changes: Change[] = [];
      let exists = false;
      for (const ind of refs.indicators) {
        const value = r.values[ind.code];
        if (value === undefined) continue;
        const before = old.get(`${r.townId}|${r.year}|${r.month}|${ind.code}`) ?? null;
        exists ||= before !== null;
        if (!sameFigure(before, value)) {
          changes.push({ field: `${ind.name}（市表核对数）`, old: before, new: value });
          table.push({ regionId: r.townId, name: r.townName, year: r.year, month: r.month, code: ind.code, value, old: before });
        }
        const sum = towns.get(`${r.townId}|${r.year}|${r.month}|${ind.code}`);
        if (sum !== undefined && !sameFigure(sum, value)) {
          const text = (v: string) => `${presentValue(v, ind).text}${ind.unit}`;
          problem(r, `${r.townName}有乡镇明细，该行只记为市表核对数、不计入汇总：${ind.name}本县乡镇汇总${text(sum)}，市表${text(value)}，请与该县（市、区）核对`, "warning");
        }
      }
      actions.push({ op: opOf(exists, changes), label: `${regionLabel(r.townName, r.year, r.month)}（有乡镇明细：市表核对数）`, src: r.src, changes });
    }
  }
  return { problems, actions, peers: { kind: "town_values", writes: planned.writes }, table };
}

/** Per county with town detail × period × indicator: its towns' counted (submitted or approved) total, as decimal text. */
async function townSums(db: Db | Tx, rows: TownValuesRecord[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const counties = [...new Set(rows.map((r) => r.townId))];
  const years = [...new Set(rows.map((r) => r.year))];
  const sums = await db.$queryRaw<{ county: number; year: number; month: number; code: string; total: string }[]>`
    SELECT t."parentId" AS county, v.year, v.month, i.code, SUM(v.value)::text AS total
      FROM "ReportValue" v JOIN "Region" t ON t.id = v."regionId" JOIN "Indicator" i ON i.id = v."indicatorId" JOIN "TownReport" r ON r.id = v."reportId"
     WHERE t."parentId" = ANY(${counties}::int[]) AND v.year = ANY(${years}::int[]) AND r.status IN ('SUBMITTED', 'APPROVED')
     GROUP BY 1, 2, 3, 4`;
  for (const s of sums) out.set(`${s.county}|${s.year}|${s.month}|${s.code}`, s.total);
  return out;
}

export type CityPreviewInput = { kind: CityImportKind; fileName: string; bytes: Buffer; period: Period | null; choices?: SheetChoices };

export async function previewCityImport(user: Caller, input: CityPreviewInput) {
  const city = await cityImportScope(user);
  const db = getPrisma();
  const sheets = await readUploadForPreview(input.bytes, input.fileName);
  const refs = await loadCityRefs(db, input.kind, city, input.period);
  const parsed = parseImport(BASE[input.kind], sheets, refs, input.choices ?? {});
  const records = parsed.records as (TownValuesRecord | PlanRecord)[];
  const plan = records.length > 0 ? await planCityImport(db, await enterableCounties(user, input.kind, city), input.kind, records, refs) : null;
  const problems = [...parsed.problems, ...(plan?.problems ?? [])];
  const actions = plan?.actions ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const summary: ImportSummary = {
    kind: BASE[input.kind],
    period: input.period,
    scopeRegionId: city.id,
    counts: { ...countOps(actions), errors, warnings: problems.length - errors },
    ...trimForDisplay(problems, actions),
    sheets: parsed.sheets,
    records: hasErrors(problems) || records.length === 0 ? undefined : packRecords(records),
  };
  const job = await db.importJob.create({
    data: { kind: input.kind, fileName: input.fileName.slice(0, 200), fileHash: createHash("sha256").update(input.bytes).digest("hex"), status: "PREVIEWED", rowsTotal: parsed.rowsTotal, summary: summary as unknown as Prisma.InputJsonValue, createdById: user.id },
    select: { id: true },
  });
  const { records: packed, ...shown } = summary;
  return { jobId: job.id, status: "PREVIEWED" as const, fileName: input.fileName, rowsTotal: parsed.rowsTotal, ...shown, committable: packed !== undefined && errors === 0 };
}

/** Writes a previewed city import in one transaction, planned again against fresh data; all or nothing. */
export async function commitCityImport(user: Caller, jobId: number) {
  const city = await cityImportScope(user);
  const db = getPrisma();
  const job = await db.importJob.findFirst({ where: { id: jobId, createdById: user.id }, select: { id: true, kind: true, status: true, summary: true, rowsTotal: true } });
  if (!job || !isCityImportKind(job.kind)) throw notFound("导入任务");
  const kind = job.kind;
  const summary = job.summary as unknown as ImportSummary;
  if (summary.scopeRegionId !== city.id) throw new ApiError("forbidden", "没有权限提交该导入任务");
  if (job.status !== "PREVIEWED") throw new ApiError("conflict", job.status === "COMMITTED" ? "该文件已导入，无需重复提交" : "该导入已失败或正在进行，请重新上传文件");
  if (!summary.records || summary.counts.errors > 0) throw new ApiError("unprocessable", "预览中有错误，请修正文件后重新上传");
  const records = unpackRecords<TownValuesRecord | PlanRecord>(summary.records);
  const allowed = await enterableCounties(user, kind, city);
  return db.$transaction(
    async (tx) => {
      // Claimed inside the transaction: a second commit of the same job waits, then finds it taken.
      const claimed = await tx.importJob.updateMany({ where: { id: jobId, status: "PREVIEWED" }, data: { status: "RUNNING" } });
      if (claimed.count === 0) throw new ApiError("conflict", "该导入正在进行或已完成");
      const refs = await loadCityRefs(tx, kind, city, summary.period);
      const plan = await planCityImport(tx, allowed, kind, records, refs);
      const errors = plan.problems.filter((p) => p.severity === "error");
      if (errors.length > 0) throw new ApiError("conflict", `数据在预览后发生变化，导入未执行：${errors.slice(0, 3).map((e) => `第${e.row}行 ${e.message}`).join("；")}`);
      const ctx = new WriteContext(tx, user, refs.indicators, jobId);
      if (plan.peers.kind === "town_values") await writeTownValues(ctx, plan.peers.writes);
      else await writePlans(ctx, plan.peers.writes);
      await writeCityTable(tx, ctx, plan.table, jobId, user.id);
      await ctx.flushAudit();
      const counts = countOps(plan.actions);
      await recordAudit(tx, user, [{ action: "import", entity: "ImportJob", entityId: jobId, regionId: city.id, field: CITY_IMPORT_LABELS[kind], newValue: `新增${counts.create}、更新${counts.update}、未变${counts.unchanged}` }]);
      const result = { created: counts.create, updated: counts.update, unchanged: counts.unchanged, auditEntries: ctx.audit.length, seconds: 0 };
      await tx.importJob.update({ where: { id: jobId }, data: { status: "COMMITTED", rowsDone: job.rowsTotal, finishedAt: new Date(), summary: { ...summary, records: undefined, result } as unknown as Prisma.InputJsonValue } });
      return { jobId, status: "COMMITTED" as const, ...result };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/** Rule 2's figures: upserted, each change audited on the county. */
export async function writeCityTable(tx: Tx, ctx: WriteContext, writes: CityTableWrite[], importId: number | null, userId: number) {
  const source = importId === null ? "市级录入" : `市表导入（导入任务 #${importId}）`;
  for (const w of writes) {
    const indicatorId = ctx.indicatorId(w.code);
    await tx.cityTableFigure.upsert({
      where: { regionId_indicatorId_year_month: { regionId: w.regionId, indicatorId, year: w.year, month: w.month } },
      create: { regionId: w.regionId, indicatorId, year: w.year, month: w.month, value: w.value, importId, source, createdById: userId },
      update: { value: w.value, importId, source, createdById: userId, createdAt: new Date() },
    });
    ctx.audit.push({ action: importId === null ? "update" : "import", entity: "CityTableFigure", entityId: `${w.regionId}:${w.year}-${w.month}`, regionId: w.regionId, year: w.year, month: w.month, field: `${ctx.indicatorName(w.code)}（市表核对数）`, oldValue: w.old, newValue: w.value });
  }
}
