import "server-only";
// Bulletin revisions: the generated text, a reviewer's edited draft, and every published version
// (kept, never overwritten). Publishing is audited in the same transaction.
import { ApiError, forbidden, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import { canPublishBulletin, canViewSubmissions, type Caller } from "@/lib/permissions";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { defaultPeriod } from "@/lib/reports/default-period";
import { formatPeriodRange, parsePeriod, periodKeyProblem, type Period } from "@/lib/stats";
import { reconciliationChecks } from "./checks";
import { composeBulletin, sectionsToText, textToSections } from "./compose";
import { getBulletinData } from "./data";
import { bulletinHeadSchema, formatIssueDate, type BulletinHead } from "./head";
import type { BulletinData, Section } from "./types";

export type BulletinRevision = {
  id: number;
  revision: number;
  status: "DRAFT" | "PUBLISHED";
  title: string;
  body: string;
  publishedAt: Date | null;
  createdAt: Date;
  /** 发文机关, 文号, 成文日期 as saved with this revision; null when it was saved before they were kept. */
  head: BulletinHead | null;
};

const REVISION_SELECT = { id: true, revision: true, status: true, title: true, body: true, publishedAt: true, createdAt: true, issuer: true, docNumber: true, issueDate: true } as const;

type StoredHead = { issuer: string | null; docNumber: string | null; issueDate: Date | null };

/** The stored head, whole or not at all (a @db.Date reads back as UTC midnight of that day). */
function headOf(r: StoredHead): BulletinHead | null {
  if (r.issuer === null || r.docNumber === null || r.issueDate === null) return null;
  return { issuer: r.issuer, docNumber: r.docNumber, issueDate: r.issueDate.toISOString().slice(0, 10) };
}

const headText = (h: BulletinHead | null) => (h ? `${h.issuer}｜${h.docNumber}｜${formatIssueDate(h.issueDate)}` : null);

/** The county and period a bulletin request names; the caller must be county staff. */
export async function bulletinTarget(user: Caller, regionCode: string | undefined, periodKey: string | undefined): Promise<{ county: RegionRef; period: Period }> {
  const county = regionCode ? await getRegionByCode(regionCode) : user.regionId ? await getPrisma().region.findUnique({ where: { id: user.regionId }, select: { id: true, code: true, name: true, level: true, parentId: true, kind: true } }) : null;
  // Permission before existence: a reporter (whose own region is a town) is told 无权限, and
  // nobody outside the bureau learns which codes exist. A missing code is checked against the
  // caller's own region, so county staff still hear that it does not exist.
  if (!(await canViewSubmissions(user, county?.id ?? user.regionId ?? 0))) throw forbidden();
  if (!county || county.level !== "COUNTY") throw notFound(`县（市、区）${regionCode ?? ""}`);
  // Approved figures only; by default the latest closed month most towns' reports are approved for.
  const period = periodKey ? parsePeriod(periodKey) : await defaultPeriod(county.id);
  if (!period) throw new ApiError(periodKey ? "bad_request" : "not_found", periodKey ? (periodKeyProblem(periodKey) ?? "统计期格式应为 YYYY-MM") : `${county.name}暂无已报送的数据`);
  return { county, period };
}

export async function listRevisions(countyId: number, period: Period): Promise<BulletinRevision[]> {
  const rows = await getPrisma().bulletin.findMany({ where: { regionId: countyId, year: period.year, month: period.month }, select: REVISION_SELECT, orderBy: { revision: "desc" } });
  return rows.map(({ issuer, docNumber, issueDate, ...r }) => ({ ...r, head: headOf({ issuer, docNumber, issueDate }) }));
}

/** `checks`: for the reviewer on the page (project records vs the monthly reports), never in the text. */
export type BulletinView = {
  data: BulletinData;
  checks: string[];
  generated: { title: string; text: string };
  /** `head`: the one saved with the shown revision (null: generated text, or saved before heads were kept). */
  current: { title: string; sections: Section[]; source: "generated" | "draft" | "published"; revision: number | null; head: BulletinHead | null };
  revisions: BulletinRevision[];
};

/**
 * What the page, the print view and the Word export show: the revision asked for (a kept version),
 * else the latest revision, else the generated text. An unknown revision is a not-found.
 */
export async function getBulletinView(county: RegionRef, period: Period, revision?: number): Promise<BulletinView> {
  const data = await getBulletinData(county, period.year, period.month);
  const revisions = await listRevisions(county.id, period);
  const composed = composeBulletin(data);
  const generated = { title: composed.title, text: sectionsToText(composed.sections) };
  const shown = revision === undefined ? revisions[0] : revisions.find((r) => r.revision === revision);
  if (revision !== undefined && !shown) throw notFound(`通报第${revision}版`);
  const current = shown
    ? { title: shown.title, sections: textToSections(shown.body), source: shown.status === "PUBLISHED" ? ("published" as const) : ("draft" as const), revision: shown.revision, head: shown.head }
    : { title: composed.title, sections: composed.sections, source: "generated" as const, revision: null, head: null };
  return { data, checks: reconciliationChecks(data), generated, current, revisions };
}

/** How the shown text came about (on the page and in the Word file's properties, never in the text): 已发布第2版, 草稿（第3版）, 系统起草（未保存）. */
export function statusLabel(current: BulletinView["current"]): string {
  if (current.source === "published") return `已发布第${current.revision}版`;
  if (current.source === "draft") return `草稿（第${current.revision}版）`;
  return "系统起草（未保存）";
}

/** The `revision` query parameter: a positive whole number, or absent. */
export function parseRevision(raw: string | null | undefined): number | undefined {
  if (raw == null || raw === "") return undefined;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw new ApiError("bad_request", "版本号应为正整数");
  return Number(raw);
}

const clean = (s: string) => s.replace(/\r\n/g, "\n").trim();

/**
 * Saves the reviewer's text and head (发文机关, 文号, 成文日期) as the draft (updating the open draft) or
 * publishes them as a new kept version; a changed head is audited beside the text.
 */
export async function saveBulletin(user: Caller, county: RegionRef, period: Period, input: { title: string; body: string; head: BulletinHead; publish: boolean }) {
  if (!(await canPublishBulletin(user, county.id))) throw new ApiError("forbidden", "只有县局审核员可以编辑和发布通报");
  const title = clean(input.title).slice(0, 120);
  const body = clean(input.body);
  if (!title || !body) throw new ApiError("bad_request", "标题和正文不能为空");
  if (/NaN|undefined|Infinity/.test(body)) throw new ApiError("bad_request", "正文中含有无效数值（NaN/undefined），请修改后再保存");
  const head = bulletinHeadSchema.safeParse(input.head);
  if (!head.success) throw new ApiError("bad_request", head.error.issues[0]?.message ?? "版头填写有误");
  const where = { regionId: county.id, year: period.year, month: period.month };
  return getPrisma().$transaction(async (tx) => {
    const latest = await tx.bulletin.findFirst({ where, orderBy: { revision: "desc" }, select: { id: true, revision: true, status: true, body: true, title: true, issuer: true, docNumber: true, issueDate: true } });
    const status = input.publish ? ("PUBLISHED" as const) : ("DRAFT" as const);
    const { issuer, docNumber, issueDate } = head.data;
    const data = { title, body, status, issuer, docNumber, issueDate: new Date(`${issueDate}T00:00:00Z`), publishedAt: input.publish ? new Date() : null, createdById: user.id };
    const saved =
      latest?.status === "DRAFT"
        ? await tx.bulletin.update({ where: { id: latest.id }, data, select: { id: true, revision: true } })
        : await tx.bulletin.create({ data: { ...where, revision: (latest?.revision ?? 0) + 1, ...data }, select: { id: true, revision: true } });
    const reason = `${county.name}${formatPeriodRange(period.year, period.month)}通报`;
    const oldHead = latest ? headText(headOf(latest)) : null;
    const newHead = headText(head.data);
    await recordAudit(tx, user, [
      {
        action: input.publish ? "publish" : "update", entity: "Bulletin", entityId: saved.id, ...where,
        field: input.publish ? `发布第${saved.revision}版` : "通报草稿",
        oldValue: latest?.status === "DRAFT" ? latest.body.slice(0, 2000) : null,
        newValue: body.slice(0, 2000),
        reason,
      },
      ...(oldHead !== newHead ? [{ action: "update" as const, entity: "Bulletin", entityId: saved.id, ...where, field: "版头（发文机关｜文号｜成文日期）", oldValue: oldHead, newValue: newHead, reason }] : []),
    ]);
    return saved;
  });
}
