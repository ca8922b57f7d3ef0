// What real use would have left behind the demo's reports: the 说明 a town writes for each 核实性审核
// warning before it can submit, and the audit trail of creating, filling, submitting and reviewing —
// with every time stamp in the past. Runs after the figures, plans and users are in.
import type { Db } from "@/lib/db/client";
import { runChecks, type IndicatorRule, type Issue } from "@/lib/checks";
import type { ReportStatus } from "@/lib/generated/prisma/client";

const STATUS_LABELS: Record<ReportStatus, string> = { DRAFT: "草稿", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核" };

/** The 说明 a town office would write for a warning, by rule and direction. */
export function demoExplanation(issue: Issue, up: boolean): string {
  switch (issue.rule) {
    case "yoy_out_of_range":
      return up ? "新投产项目产能释放，主要企业订单增加，同比增长较快" : "主要企业订单减少、部分产线检修，同比下降较多";
    case "magnitude_vs_last_year":
    case "magnitude_vs_last_month":
      return "企业统计口径调整，已与企业财务报表核对无误";
    case "plan_over":
      return "年初计划偏保守，重点企业新增订单，超额完成";
    case "sales_output_ratio":
      return "产品库存变动，产销率阶段性波动，已核实";
    case "value_added_ratio":
      return "原材料价格波动影响增加值率，已按企业报表核实";
    default:
      return "已核实，数据无误";
  }
}

/**
 * Moves the latest period's planned time stamps into the past when the month has barely ended:
 * events planned after `now` are compressed, in order, into the time between the period's end and now.
 */
export function timeline(periodEnd: Date, latestPlanned: Date, now: Date): (planned: Date) => Date {
  if (now.getTime() > latestPlanned.getTime()) return (planned) => planned;
  const span = Math.max(0, now.getTime() - periodEnd.getTime()) * 0.9;
  const factor = span / Math.max(1, latestPlanned.getTime() - periodEnd.getTime());
  return (planned) => (planned.getTime() <= periodEnd.getTime() ? planned : new Date(periodEnd.getTime() + (planned.getTime() - periodEnd.getTime()) * factor));
}

/** 00:00 China time (UTC+8) on the 1st of `month` (13 → January of the next year). */
export function chinaMonthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - 8 * 3_600_000);
}

type Person = { id: number | null; actor: string };

/**
 * Writes the 说明 of every warned figure of each submitted, returned or approved report (a report that
 * reached review had answered its warnings), sets each report's version to the saves and transitions
 * it went through, and writes the audit rows those actions leave.
 */
export async function recordDemoHistory(db: Db, opts: { latest: { year: number; month: number }; now: Date }) {
  const [indicators, reports, values, plans, users, regions] = await Promise.all([
    db.indicator.findMany({
      where: { active: true, onTownForm: true },
      select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, allowNegative: true, integerOnly: true, yoyWarnPercent: true, planWarnPercent: true, magnitudeWarnRatio: true },
      orderBy: { sortOrder: "asc" },
    }),
    db.townReport.findMany({ select: { id: true, regionId: true, year: true, month: true, status: true, submittedAt: true, reviewedAt: true, reviewerComment: true } }),
    db.reportValue.findMany({ select: { reportId: true, regionId: true, year: true, month: true, indicatorId: true, value: true } }),
    db.annualPlan.findMany({ select: { regionId: true, indicatorId: true, year: true, value: true } }),
    db.user.findMany({ select: { id: true, role: true, regionId: true, displayName: true, username: true } }),
    db.region.findMany({ where: { level: { in: ["TOWN", "COUNTY"] } }, select: { id: true, name: true, level: true } }),
  ]);
  const rules: IndicatorRule[] = indicators.map((i) => ({
    ...i,
    yoyWarnPercent: i.yoyWarnPercent.toString(),
    planWarnPercent: i.planWarnPercent.toString(),
    magnitudeWarnRatio: i.magnitudeWarnRatio.toString(),
  }));
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const nameOf = new Map(indicators.map((i) => [i.code, i.name]));
  const figures = new Map<string, Record<string, string>>();
  for (const v of values) {
    const key = `${v.regionId}:${v.year}:${v.month}`;
    const code = codeOf.get(v.indicatorId);
    if (!code) continue;
    (figures.get(key) ?? figures.set(key, {}).get(key)!)[code] = v.value.toString();
  }
  const planOf = new Map<string, Record<string, string>>();
  for (const p of plans) {
    const key = `${p.regionId}:${p.year}`;
    const code = codeOf.get(p.indicatorId);
    if (code) (planOf.get(key) ?? planOf.set(key, {}).get(key)!)[code] = p.value.toString();
  }

  const label = (u: { displayName: string; username: string }) => `${u.displayName}（${u.username}）`.slice(0, 80);
  const reviewerUser = users.find((u) => u.role === "REVIEWER");
  const reviewer: Person = reviewerUser ? { id: reviewerUser.id, actor: label(reviewerUser) } : { id: null, actor: "县局审核员" };
  const townName = new Map(regions.map((r) => [r.id, r.name]));
  // A county's own report (a county without towns, known from the city's table): the city's reviewer
  // typed it in from the table and approved it (decision 016).
  const cityReviewerUser = users.find((u) => u.role === "CITY_REVIEWER");
  const cityReviewer: Person = cityReviewerUser ? { id: cityReviewerUser.id, actor: label(cityReviewerUser) } : { id: null, actor: "市级审核员" };
  const countyLevel = new Set(regions.filter((r) => r.level === "COUNTY").map((r) => r.id));
  const reviewerOf = (regionId: number): Person => (countyLevel.has(regionId) ? cityReviewer : reviewer);
  const reporterOf = (regionId: number): Person => {
    if (countyLevel.has(regionId)) return cityReviewer;
    const u = users.find((x) => x.role === "REPORTER" && x.regionId === regionId);
    return u ? { id: u.id, actor: label(u) } : { id: null, actor: `${townName.get(regionId) ?? ""}填报员` };
  };

  // 说明 per (indicator, text): one updateMany each.
  const explain = new Map<string, { indicatorId: number; text: string; reportIds: number[] }>();
  const audit: { at: Date; userId: number | null; actor: string; action: string; entity: string; entityId: string; regionId: number; year: number; month: number; field: string | null; oldValue: string | null; newValue: string | null; reason: string | null }[] = [];
  const versions = new Map<number, number[]>();
  const HOUR = 3_600_000;

  for (const r of reports) {
    const isLatest = r.year === opts.latest.year && r.month === opts.latest.month;
    const current = figures.get(`${r.regionId}:${r.year}:${r.month}`) ?? {};
    const town = reporterOf(r.regionId);
    const row = (at: Date, person: Person, action: string, field: string | null, oldValue: string | null, newValue: string | null, reason: string | null = null) =>
      audit.push({ at, userId: person.id, actor: person.actor, action, entity: "TownReport", entityId: String(r.id), regionId: r.regionId, year: r.year, month: r.month, field, oldValue, newValue, reason });

    // Filled in after the period ended and before it was submitted (a draft: halfway to now).
    const periodEnd = chinaMonthStart(r.year, r.month + 1);
    const start = r.submittedAt
      ? new Date(Math.max(periodEnd.getTime(), r.submittedAt.getTime() - 2 * HOUR))
      : new Date(Math.min(opts.now.getTime(), periodEnd.getTime() + Math.max(0, opts.now.getTime() - periodEnd.getTime()) / 2));
    row(start, town, "create", null, null, null);
    // The latest month's figures as they were typed (older months: the creation row stands for them).
    if (isLatest) for (const [code, value] of Object.entries(current)) row(start, town, "update", nameOf.get(code) ?? code, null, value);

    let version = 1;
    if (r.status !== "DRAFT") {
      const checks = runChecks({
        month: r.month,
        indicators: rules,
        values: current,
        previousYtd: figures.get(`${r.regionId}:${r.year}:${r.month - 1}`) ?? {},
        lastYear: figures.get(`${r.regionId}:${r.year - 1}:${r.month}`) ?? {},
        plans: planOf.get(`${r.regionId}:${r.year}`) ?? {},
      });
      const answered = new Set<string>();
      for (const w of checks.warnings) {
        if (answered.has(w.indicator) || !idOf.has(w.indicator) || current[w.indicator] === undefined) continue;
        answered.add(w.indicator);
        const last = figures.get(`${r.regionId}:${r.year - 1}:${r.month}`)?.[w.indicator];
        const text = demoExplanation(w, last === undefined || Number(current[w.indicator]) >= Number(last));
        const key = `${w.indicator}:${text}`;
        (explain.get(key) ?? explain.set(key, { indicatorId: idOf.get(w.indicator)!, text, reportIds: [] }).get(key)!).reportIds.push(r.id);
        if (isLatest) row(start, town, "update", `${nameOf.get(w.indicator) ?? w.indicator}（说明）`, null, text);
      }
      if (r.submittedAt) {
        version += 1;
        row(r.submittedAt, town, "submit", "状态", STATUS_LABELS.DRAFT, STATUS_LABELS.SUBMITTED);
      }
      if (r.reviewedAt && (r.status === "APPROVED" || r.status === "RETURNED")) {
        version += 1;
        row(r.reviewedAt, reviewerOf(r.regionId), r.status === "APPROVED" ? "approve" : "return", "状态", STATUS_LABELS.SUBMITTED, STATUS_LABELS[r.status], r.status === "RETURNED" ? r.reviewerComment : null);
      }
    }
    (versions.get(version) ?? versions.set(version, []).get(version)!).push(r.id);
  }

  // 报送人 and 审核人 as real use records them on the report (the inbox and the report page show them).
  const submitters = new Map<number, number[]>();
  for (const r of reports) {
    const id = r.submittedAt ? reporterOf(r.regionId).id : null;
    if (id !== null) (submitters.get(id) ?? submitters.set(id, []).get(id)!).push(r.id);
  }
  for (const [userId, ids] of submitters) await db.townReport.updateMany({ where: { id: { in: ids } }, data: { submittedById: userId } });
  for (const person of [reviewer, cityReviewer]) {
    if (person.id === null) continue;
    const reviewed = reports.filter((r) => r.reviewedAt && (r.status === "APPROVED" || r.status === "RETURNED") && reviewerOf(r.regionId) === person).map((r) => r.id);
    await db.townReport.updateMany({ where: { id: { in: reviewed } }, data: { reviewerId: person.id } });
  }

  for (const { indicatorId, text, reportIds } of explain.values()) {
    await db.reportValue.updateMany({ where: { indicatorId, reportId: { in: reportIds } }, data: { explanation: text } });
  }
  for (const [version, ids] of versions) {
    if (version !== 1) await db.townReport.updateMany({ where: { id: { in: ids } }, data: { version } });
  }
  audit.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let i = 0; i < audit.length; i += 5000) await db.auditLog.createMany({ data: audit.slice(i, i + 5000) });
  return { explained: [...explain.values()].reduce((a, e) => a + e.reportIds.length, 0), auditRows: audit.length };
}
