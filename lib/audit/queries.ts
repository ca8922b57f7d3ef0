import "server-only";
// Reading the audit log: per town report and per town, filtered; and the CSV export.
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { csvLine } from "@/lib/export/csv";
import { safeText } from "@/lib/input/text";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_ACTION_LABELS } from "./index";

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  year: number | null;
  month: number | null;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
};

const select = { id: true, at: true, actor: true, action: true, entity: true, year: true, month: true, field: true, oldValue: true, newValue: true, reason: true } as const;

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD 格式")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** Filters as they come from a query string; empty fields mean "any". */
export const auditFilterSchema = z.object({
  action: z
    .string()
    .max(40)
    .optional()
    .transform((a) => (a ? a : undefined))
    .refine((a) => a === undefined || Object.hasOwn(AUDIT_ACTION_LABELS, a), "未知的操作类型"),
  from: dateParam,
  to: dateParam,
  field: safeText()
    .max(60, "字段名最多60字")
    .optional()
    .transform((f) => (f?.trim() ? f.trim() : undefined)),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** A calendar date in China time → the UTC instant its day starts. */
function chinaDayStart(date: string, plusDays = 0): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays) - CHINA_OFFSET_MS);
}

function mapRow(r: Prisma.AuditLogGetPayload<{ select: typeof select }>): AuditRow {
  return { ...r, id: r.id.toString() };
}

/** Every entry about one town report (its saves, status changes and reasons), oldest first. */
export async function listReportAudit(townId: number, year: number, month: number): Promise<AuditRow[]> {
  const rows = await getPrisma().auditLog.findMany({
    where: { regionId: townId, year, month, entity: "TownReport" },
    select,
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.map(mapRow);
}

export const AUDIT_PAGE_LIMIT = 500;

/** A town's audit trail, newest first, with the given filters (date range in China time, inclusive). */
export async function listTownAudit(townId: number, filter: AuditFilter, limit = AUDIT_PAGE_LIMIT): Promise<AuditRow[]> {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = chinaDayStart(filter.from);
  if (filter.to) at.lt = chinaDayStart(filter.to, 1);
  const rows = await getPrisma().auditLog.findMany({
    where: {
      regionId: townId,
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.field ? { field: { contains: filter.field } } : {}),
      ...(filter.from || filter.to ? { at } : {}),
    },
    select,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(mapRow);
}

/** "2024-08-03 10:00:00" in China time: what the bureau reads, independent of the server's zone. */
export function formatAuditTime(at: Date): string {
  const t = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}

/** Figures in 原值/新值 stay numbers in Excel; every other cell is text (formula starters neutralised). */
const FIGURE_COLUMNS = new Set([6, 7]);

/** CSV with a UTF-8 BOM so Excel opens the Chinese text correctly. */
export function auditCsv(townName: string, rows: AuditRow[]): string {
  const header = ["时间", "操作人", "操作", "乡镇", "统计期", "字段", "原值", "新值", "原因/意见"];
  const lines = rows.map((r) =>
    csvLine(
      [
        formatAuditTime(r.at),
        r.actor,
        AUDIT_ACTION_LABELS[r.action] ?? r.action,
        townName,
        r.year && r.month ? `${r.year}-${String(r.month).padStart(2, "0")}` : "",
        r.field,
        r.oldValue,
        r.newValue,
        r.reason,
      ],
      (i) => FIGURE_COLUMNS.has(i),
    ),
  );
  return "\uFEFF" + [csvLine(header), ...lines].join("\r\n") + "\r\n";
}

/** The picker filters of the audit page, on top of the town page's: period, who, and (optionally) one town. */
export const scopedAuditFilterSchema = auditFilterSchema.extend({
  period: z
    .string()
    .optional()
    .transform((p) => (p ? p : undefined))
    .refine((p) => p === undefined || /^\d{4}-(0[1-9]|1[0-2])$/.test(p), "统计期应为 YYYY-MM 格式"),
  user: z
    .string()
    .optional()
    .transform((u) => (u ? u : undefined))
    .refine((u) => u === undefined || /^\d{1,9}$/.test(u), "操作人无效")
    .transform((u) => (u === undefined ? undefined : Number(u))),
});
export type ScopedAuditFilter = z.infer<typeof scopedAuditFilterSchema>;

export type ScopedAuditRow = AuditRow & { regionId: number | null };

/** Entries about the given regions (a county and its towns, or one town), newest first, filtered. */
export async function listScopedAudit(regionIds: number[], filter: Partial<ScopedAuditFilter>, limit = AUDIT_PAGE_LIMIT): Promise<ScopedAuditRow[]> {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = chinaDayStart(filter.from);
  if (filter.to) at.lt = chinaDayStart(filter.to, 1);
  const [year, month] = filter.period ? filter.period.split("-").map(Number) : [undefined, undefined];
  const rows = await getPrisma().auditLog.findMany({
    where: {
      regionId: { in: regionIds },
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.field ? { field: { contains: filter.field } } : {}),
      ...(filter.from || filter.to ? { at } : {}),
      ...(year !== undefined ? { year, month } : {}),
      ...(filter.user !== undefined ? { userId: filter.user } : {}),
    },
    select: { ...select, regionId: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

/** What the pickers offer: the periods entries exist for, and the people who made them, within the regions. */
export async function auditPickerOptions(regionIds: number[]) {
  const db = getPrisma();
  const [periods, users] = await Promise.all([
    // GROUP BY in SQL (Prisma's `distinct` would read every entry into memory).
    db.auditLog.groupBy({
      by: ["year", "month"],
      where: { regionId: { in: regionIds }, year: { not: null }, month: { not: null } },
      orderBy: [{ year: "desc" }, { month: "desc" }],
      take: 60,
    }),
    db.user.findMany({
      where: { regionId: { in: regionIds } },
      select: { id: true, displayName: true, username: true },
      orderBy: [{ role: "asc" }, { username: "asc" }],
      take: 500,
    }),
  ]);
  return {
    periods: periods.map((p) => `${p.year}-${String(p.month).padStart(2, "0")}`),
    users: users.map((u) => ({ id: u.id, label: `${u.displayName}（${u.username}）` })),
  };
}
