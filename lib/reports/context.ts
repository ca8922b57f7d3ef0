import "server-only";
// Everything around one town report: its indicators with thresholds, the current values and
// explanations, last month's YTD, the same period last year, the annual plans — what the form shows
// beside each input and what the checks compare against.
import type { Db } from "@/lib/db/client";
import type { CheckInput, IndicatorRule } from "@/lib/checks";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/audit";

export type ReportIndicator = IndicatorRule & { id: number; isMoney: boolean; percentPrecision: number };

export type ReportState = {
  id: number | null;
  status: ReportStatus | null;
  version: number;
  reviewerComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type ReportContext = {
  report: ReportState;
  indicators: ReportIndicator[];
  values: Record<string, string>;
  explanations: Record<string, string>;
  previousYtd: Record<string, string>;
  lastYear: Record<string, string>;
  /**
   * 同口径 bases the dashboards compare with instead of `lastYear` (decision 004): last year's output
   * of this year's 规上 enterprises, for 规上工业总产值 where enterprise figures exist.
   */
  comparableBase: Record<string, string>;
  plans: Record<string, string>;
  /** The county's 必填指标 (codes on this form, form order): a submit without them is refused. */
  required: string[];
};

/** The town indicator whose dashboards use the 同口径 base (lib/overview/query.ts, decision 004). */
const COMPARABLE_CODE = "above_scale_output";

async function valuesOf(db: Db | Tx, regionId: number, year: number, month: number) {
  const rows = await db.reportValue.findMany({
    where: { regionId, year, month },
    select: { value: true, explanation: true, indicator: { select: { code: true } } },
  });
  return {
    values: Object.fromEntries(rows.map((r) => [r.indicator.code, r.value.toString()])),
    explanations: Object.fromEntries(rows.filter((r) => r.explanation).map((r) => [r.indicator.code, r.explanation!])),
  };
}

export async function loadIndicators(db: Db | Tx): Promise<ReportIndicator[]> {
  const rows = await db.indicator.findMany({
    where: { active: true, onTownForm: true },
    select: {
      id: true,
      code: true,
      name: true,
      unit: true,
      kind: true,
      precision: true,
      percentPrecision: true,
      allowNegative: true,
      integerOnly: true,
      isMoney: true,
      yoyWarnPercent: true,
      planWarnPercent: true,
      magnitudeWarnRatio: true,
    },
    orderBy: { sortOrder: "asc" },
  });
  return rows.map((r) => ({
    ...r,
    yoyWarnPercent: r.yoyWarnPercent.toString(),
    planWarnPercent: r.planWarnPercent.toString(),
    magnitudeWarnRatio: r.magnitudeWarnRatio.toString(),
  }));
}

export async function loadReportContext(db: Db | Tx, townId: number, year: number, month: number): Promise<ReportContext> {
  const [report, indicators, current, previous, lastYear, plans, comparable, town] = await Promise.all([
    db.townReport.findUnique({
      where: { regionId_year_month: { regionId: townId, year, month } },
      select: { id: true, status: true, version: true, reviewerComment: true, submittedAt: true, reviewedAt: true, updatedAt: true, updatedById: true },
    }),
    loadIndicators(db),
    valuesOf(db, townId, year, month),
    month > 1 ? valuesOf(db, townId, year, month - 1) : Promise.resolve({ values: {}, explanations: {} }),
    valuesOf(db, townId, year - 1, month),
    db.annualPlan.findMany({ where: { regionId: townId, year }, select: { value: true, indicator: { select: { code: true } } } }),
    db.comparableBase.findUnique({ where: { townId_year_month: { townId, year, month } }, select: { value: true } }),
    db.region.findUnique({ where: { id: townId }, select: { level: true, requiredIndicators: true, parent: { select: { requiredIndicators: true } } } }),
  ]);
  // The county's 必填指标: a town's county, or the county itself for its own (county-level) report.
  const wanted = new Set((town?.level === "COUNTY" ? town.requiredIndicators : town?.parent?.requiredIndicators) ?? []);
  const updatedBy = report?.updatedById
    ? (await db.user.findUnique({ where: { id: report.updatedById }, select: { displayName: true } }))?.displayName ?? null
    : null;
  return {
    report: {
      id: report?.id ?? null,
      status: report?.status ?? null,
      version: report?.version ?? 0,
      reviewerComment: report?.reviewerComment ?? null,
      submittedAt: report?.submittedAt ?? null,
      reviewedAt: report?.reviewedAt ?? null,
      updatedAt: report?.updatedAt ?? null,
      updatedBy,
    },
    indicators,
    values: current.values,
    explanations: current.explanations,
    previousYtd: previous.values,
    lastYear: lastYear.values,
    comparableBase: comparable ? { [COMPARABLE_CODE]: comparable.value.toString() } : {},
    plans: Object.fromEntries(plans.map((p) => [p.indicator.code, p.value.toString()])),
    required: indicators.filter((i) => wanted.has(i.code)).map((i) => i.code),
  };
}

export function checkInputOf(ctx: ReportContext, month: number, values: CheckInput["values"] = ctx.values): CheckInput {
  return { month, indicators: ctx.indicators, values, previousYtd: ctx.previousYtd, lastYear: ctx.lastYear, plans: ctx.plans };
}
