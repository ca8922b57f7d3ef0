import "server-only";
// Every permission decision lives here: named, deny-by-default functions, called first by
// pages, server actions and route handlers (and again inside services, against fresh data).
// Hiding a button is not a permission.
//
//   reporter — reads county figures; reads and writes only their own town's drafts and entry grids
//   reviewer — everything in their county except users, tokens and kiosk links
//   leader   — reads everything in their county, changes nothing
//   admin    — users, API tokens, kiosk links, indicator settings; reads figures
import type { CurrentUser, Role } from "@/lib/auth/session";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { getRegionById, isWithin, type RegionRef } from "@/lib/regions";

/** An API token may narrow its owner's scope to one region and make it read-only; it never widens it. */
export type Caller = CurrentUser & { token?: { regionId: number | null; readOnly: boolean } };

/** The region whose subtree a user may read: a reporter reads the county of their town. */
export async function readScopeRoot(user: CurrentUser): Promise<RegionRef | null> {
  if (!user.regionId) return null;
  const own = await getRegionById(user.regionId);
  if (!own) return null;
  if (user.role === "REPORTER") return own.parentId ? getRegionById(own.parentId) : null;
  return own;
}

async function inScope(user: Caller, regionId: number): Promise<boolean> {
  const root = await readScopeRoot(user);
  if (!root || !(await isWithin(regionId, root.id))) return false;
  if (user.token?.regionId && !(await isWithin(regionId, user.token.regionId))) return false;
  return true;
}

const writes = (user: Caller) => !user.token?.readOnly;

export async function canReadRegion(user: Caller | null, regionId: number): Promise<boolean> {
  if (!user) return false;
  return inScope(user, regionId);
}

/** A town's monthly report form and its figures: the town's own reporter and the county's staff. */
export async function canViewReport(user: Caller | null, townId: number): Promise<boolean> {
  if (!user) return false;
  if (user.role === "REPORTER") return user.regionId === townId && (await inScope(user, townId));
  return ["REVIEWER", "LEADER", "ADMIN"].includes(user.role) && inScope(user, townId);
}

const EDITABLE: readonly (ReportStatus | null)[] = [null, "DRAFT", "RETURNED"];

/** Save a draft or submit: only while the report is not submitted or approved. */
export async function canEditReport(user: Caller | null, townId: number, status: ReportStatus | null): Promise<boolean> {
  if (!user || !writes(user) || !EDITABLE.includes(status)) return false;
  if (user.role === "REPORTER") return user.regionId === townId && (await inScope(user, townId));
  if (user.role === "REVIEWER") return inScope(user, townId);
  return false;
}

/** Approve or return a submitted report. */
export async function canReviewReport(user: Caller | null, townId: number, status: ReportStatus | null): Promise<boolean> {
  if (!user || !writes(user) || status !== "SUBMITTED") return false;
  return user.role === "REVIEWER" && inScope(user, townId);
}

/** Reopen an approved report (needs a reason; audited). */
export async function canReopenReport(user: Caller | null, townId: number, status: ReportStatus | null): Promise<boolean> {
  if (!user || !writes(user) || status !== "APPROVED") return false;
  return user.role === "REVIEWER" && inScope(user, townId);
}

/** Who has submitted, who is late: the bureau's view of a county. */
export async function canViewSubmissions(user: Caller | null, countyId: number): Promise<boolean> {
  if (!user || !["REVIEWER", "LEADER", "ADMIN"].includes(user.role)) return false;
  return inScope(user, countyId);
}

/** The audit trail of a town: the county's reviewers and admins, and the town's own reporter. */
export async function canViewAudit(user: Caller | null, townId: number): Promise<boolean> {
  if (!user) return false;
  if (user.role === "REPORTER") return user.regionId === townId;
  return ["REVIEWER", "ADMIN"].includes(user.role) && inScope(user, townId);
}

/** Enterprise, park and project figures of a town for a period. */
export async function canEditTownEntries(user: Caller | null, townId: number): Promise<boolean> {
  if (!user || !writes(user)) return false;
  if (user.role === "REPORTER") return user.regionId === townId;
  return user.role === "REVIEWER" && inScope(user, townId);
}

/** The registers: enterprises, parks, projects, plans. */
export async function canEditRegistry(user: Caller | null, regionId: number): Promise<boolean> {
  if (!user || !writes(user)) return false;
  return user.role === "REVIEWER" && inScope(user, regionId);
}

export async function canPublishBulletin(user: Caller | null, countyId: number): Promise<boolean> {
  if (!user || !writes(user)) return false;
  return user.role === "REVIEWER" && inScope(user, countyId);
}

/** Imports: reviewers for the county; a reporter only into their own town. */
export async function canImport(user: Caller | null, regionId: number): Promise<boolean> {
  if (!user || !writes(user)) return false;
  if (user.role === "REPORTER") return user.regionId === regionId;
  return user.role === "REVIEWER" && inScope(user, regionId);
}

/** Users, API tokens, kiosk links and indicator settings: admins only, never through a token. */
export function canAdminister(user: Caller | null): boolean {
  return !!user && !user.token && user.role === "ADMIN";
}

/** Navigation entries a role may use (the pages check again on the server). */
export function navigationFor(role: Role): { href: string; label: string }[] {
  const staff = role === "REVIEWER" || role === "LEADER" || role === "ADMIN";
  const items: { href: string; label: string; show: boolean }[] = [
    { href: "/overview", label: "全县概览", show: true },
    { href: "/report", label: "本镇填报", show: role === "REPORTER" },
    { href: "/review", label: "报送审核", show: staff },
    { href: "/enterprises", label: "企业", show: true },
    { href: "/parks", label: "园区", show: true },
    { href: "/projects", label: "项目", show: true },
    { href: "/attraction", label: "招商引资", show: true },
    { href: "/bulletin", label: "通报", show: staff },
    { href: "/import", label: "数据导入", show: role === "REVIEWER" || role === "REPORTER" },
    { href: "/audit", label: "审计日志", show: role === "REVIEWER" || role === "REPORTER" || role === "ADMIN" },
    { href: "/admin/users", label: "系统管理", show: role === "ADMIN" },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}
