import "server-only";
// Every permission decision lives here: named, deny-by-default functions, called first by
// pages, server actions and route handlers (and again inside services, against fresh data).
// Each can* = the role's capability (./capabilities.ts, the table) ∧ the caller's scope ∧, for
// figures of a town-period, the period's state. Hiding a button is not a permission.
//
//   reporter — reads county totals and rankings; reads and writes only their own town's reports,
//              entry grids, enterprise-level figures and imports (town figures, firm figures, projects)
//   reviewer — everything in their county except users, tokens and kiosk links
//   leader   — reads everything in their county, changes nothing
//   admin    — users, API tokens, kiosk links, indicator settings; reads figures
//   city reviewer — reads everything in the city; types, approves, returns and reopens county-level
//              reports (counties without town detail) and their plans; no town's report
//   city leader   — reads everything in the city, changes nothing
// A report's capabilities are chosen by its region's level: report.* for a town's, county_report.*
// for a county's own (which exists only for a county without towns: docs/decisions/016).
import type { CurrentUser, Role } from "@/lib/auth/session";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/types";
import { getPrisma } from "@/lib/db/client";
import { getRegionById, isWithin, type RegionRef } from "@/lib/regions";
import { periodAllows, reachOf, WRITE_CAPABILITIES, type Capability, type Reach } from "./capabilities";

export { canImportInto, isPeriodOpen, periodLockReason, ROLE_CAPABILITIES, type Capability, type Reach } from "./capabilities";

/** An API token may narrow its owner's scope to one region and make it read-only; it never widens it. */
export type Caller = CurrentUser & { token?: { regionId: number | null; readOnly: boolean } };

const LEVEL_DEPTH: Record<RegionRef["level"], number> = { CITY: 0, COUNTY: 1, TOWN: 2 };
const REACH_LEVEL: Record<Reach, RegionRef["level"]> = { city: "CITY", county: "COUNTY", town: "TOWN" };

/**
 * The region a reach covers for this user: the ancestor of their own region (or the region itself)
 * at the reach's level — a reporter's county is their town's parent. A reach never widens past the
 * user's own region: a county user's "city" reach covers nothing (no role has one), and a user placed
 * above the reach's level (an admin of a city: "county" reach) covers their own region. The user
 * admin places each role at its level (lib/auth/roles ROLE_LEVEL), so the second case is the admin's.
 */
async function reachRoot(user: CurrentUser, reach: Reach): Promise<RegionRef | null> {
  if (!user.regionId) return null;
  let region = await getRegionById(user.regionId);
  const level = REACH_LEVEL[reach];
  if (!region) return null;
  if (reach === "city" && region.level !== "CITY") return null;
  if (LEVEL_DEPTH[region.level] <= LEVEL_DEPTH[level]) return reach === "town" && region.level !== "TOWN" ? null : region;
  while (region && region.level !== level) region = region.parentId ? await getRegionById(region.parentId) : null;
  return region;
}

/** The region whose subtree a user may read: a reporter reads the county of their town. */
export async function readScopeRoot(user: CurrentUser): Promise<RegionRef | null> {
  const reach = reachOf(user.role, "figures.read");
  return reach ? reachRoot(user, reach) : null;
}

/** The region whose enterprise-level figures a user may read: a reporter's own town, staff's county. */
export async function firmReadRoot(user: CurrentUser): Promise<RegionRef | null> {
  const reach = reachOf(user.role, "firms.read");
  return reach ? reachRoot(user, reach) : null;
}

/**
 * The region whose submitted reports a user reviews (their 待审核 inbox), or null for roles that do
 * not review: a county reviewer's county (its towns' reports), a city reviewer's city (its counties'
 * county-level reports). `level`: the level of the reports reviewed there.
 */
export async function reviewScopeRoot(user: CurrentUser): Promise<(RegionRef & { reviews: "TOWN" | "COUNTY" }) | null> {
  for (const [capability, reviews] of [["report.review", "TOWN"], ["county_report.review", "COUNTY"]] as const) {
    const reach = reachOf(user.role, capability);
    const root = reach ? await reachRoot(user, reach) : null;
    if (root) return { ...root, reviews };
  }
  return null;
}

/** The region whose audit trail a user reads: a reporter's own town, staff's county. */
export async function auditScopeRoot(user: CurrentUser): Promise<RegionRef | null> {
  const reach = reachOf(user.role, "audit.view");
  return reach ? reachRoot(user, reach) : null;
}

async function inReach(user: Caller, reach: Reach, regionId: number): Promise<boolean> {
  const root = await reachRoot(user, reach);
  if (!root || !(await isWithin(regionId, root.id))) return false;
  if (user.token?.regionId && !(await isWithin(regionId, user.token.regionId))) return false;
  return true;
}

/** The one decision: capability ∧ (read-only token: no writes) ∧ period state ∧ scope. */
async function can(user: Caller | null, capability: Capability, regionId: number, status?: ReportStatus | null): Promise<boolean> {
  if (!user) return false;
  const reach = reachOf(user.role, capability);
  if (!reach) return false;
  if (WRITE_CAPABILITIES.has(capability) && user.token?.readOnly) return false;
  if (status !== undefined && !periodAllows(capability, status)) return false;
  return inReach(user, reach, regionId);
}

export async function canReadRegion(user: Caller | null, regionId: number): Promise<boolean> {
  return can(user, "figures.read", regionId);
}

/** Enterprise-level figures of a town: its enterprises' list, detail and exports. */
export async function canReadFirms(user: Caller | null, townId: number): Promise<boolean> {
  return can(user, "firms.read", townId);
}

/** A town's monthly report form and its figures: the town's own reporter and the county's staff (and the city's). */
export async function canViewReport(user: Caller | null, townId: number): Promise<boolean> {
  return can(user, "report.view", townId);
}

/** Whether a county has town detail (TOWN children): then its figures are its towns' and it has no report of its own. */
export async function hasTownDetail(countyId: number): Promise<boolean> {
  return (await getPrisma().region.count({ where: { parentId: countyId, level: "TOWN" } })) > 0;
}

type ReportAction = "edit" | "review" | "reopen";

/**
 * A report's capability by its region's level: a town's report (report.*), or a county's own report
 * (county_report.*), which only a county without town detail has. Any other region has no report.
 */
async function canActOnReport(user: Caller | null, regionId: number, action: ReportAction, status: ReportStatus | null): Promise<boolean> {
  if (!user) return false;
  const region = await getRegionById(regionId);
  if (region?.level === "TOWN") return can(user, `report.${action}`, regionId, status);
  if (region?.level !== "COUNTY") return false;
  return (await can(user, `county_report.${action}`, regionId, status)) && !(await hasTownDetail(regionId));
}

/** Save a draft or submit: only while the report is not submitted or approved. A town's or a county's own (by its level). */
export async function canEditReport(user: Caller | null, regionId: number, status: ReportStatus | null): Promise<boolean> {
  return canActOnReport(user, regionId, "edit", status);
}

/** Approve or return a submitted report: a town's by its county, a county's own by the city. */
export async function canReviewReport(user: Caller | null, regionId: number, status: ReportStatus | null): Promise<boolean> {
  return canActOnReport(user, regionId, "review", status);
}

/** Reopen an approved report (needs a reason; audited): a town's by its county, a county's own by the city. */
export async function canReopenReport(user: Caller | null, regionId: number, status: ReportStatus | null): Promise<boolean> {
  return canActOnReport(user, regionId, "reopen", status);
}

/**
 * The city's table of counties (typed on the city grid or imported): county-level figures of the
 * city's counties without town detail, and the cross-check figures of those with it. The city's
 * reviewers; each county-level report a row writes is checked again with canEditReport.
 */
export async function canEnterCityTable(user: Caller | null, cityId: number): Promise<boolean> {
  const region = await getRegionById(cityId);
  return region?.level === "CITY" && (await can(user, "county_report.edit", cityId)) && reachOf(user!.role, "county_report.edit") === "city";
}

/** Annual plans of a county without town detail (the city's grid or import). */
export async function canEditCountyPlans(user: Caller | null, countyId: number): Promise<boolean> {
  const region = await getRegionById(countyId);
  return region?.level === "COUNTY" && (await can(user, "county_plans.edit", countyId)) && !(await hasTownDetail(countyId));
}

/** Who has submitted, who is late: the bureau's view of a county. */
export async function canViewSubmissions(user: Caller | null, countyId: number): Promise<boolean> {
  return can(user, "submissions.view", countyId);
}

/** The audit trail of a town: the county's reviewers and admins, and the town's own reporter. */
export async function canViewAudit(user: Caller | null, townId: number): Promise<boolean> {
  return can(user, "audit.view", townId);
}

/**
 * Enterprise, park and project figures of a town for a period, whose report is in `status`
 * (null: no report yet). Pass null to ask whether the user could edit them in an open period.
 */
export async function canEditTownEntries(user: Caller | null, townId: number, status: ReportStatus | null): Promise<boolean> {
  return can(user, "entries.edit", townId, status);
}

/** The registers: enterprises, parks, projects, plans. */
export async function canEditRegistry(user: Caller | null, regionId: number): Promise<boolean> {
  return can(user, "registry.edit", regionId);
}

export async function canPublishBulletin(user: Caller | null, countyId: number): Promise<boolean> {
  return can(user, "bulletin.publish", countyId);
}

const importCapability = (kind: ImportKind) => `import.${kind}` as Capability;

/** The import kinds a role may use (the registers and plans are the bureau's). */
export function importKindsFor(role: Role): ImportKind[] {
  return IMPORT_KINDS.filter((k) => reachOf(role, importCapability(k)));
}

/**
 * Imports of `kind` into `regionId` (a reviewer's county, a reporter's own town); without a kind,
 * whether any import is allowed there. Each town-period a file touches is checked again per row
 * (canImportInto), at preview and at commit.
 */
export async function canImport(user: Caller | null, regionId: number, kind?: ImportKind): Promise<boolean> {
  if (!user) return false;
  const kinds = kind ? [kind] : importKindsFor(user.role);
  for (const k of kinds) if (await can(user, importCapability(k), regionId)) return true;
  return false;
}

/**
 * Town figures imported as already-approved history (they land 已审核 and locked): the county's
 * reviewers, who approve reports anyway. Not admins: the IT role approves nothing (decision 017).
 */
export async function canImportHistory(user: Caller | null, countyId: number): Promise<boolean> {
  // It writes town figures and, from the sheets' 年计划 columns, annual plans.
  return (await can(user, "import.history", countyId)) && (await can(user, "import.town_values", countyId)) && (await can(user, "import.plans", countyId));
}

/** A history import that reopens and overwrites approved months: history import ∧ reopening reports. */
export async function canReopenByImport(user: Caller | null, countyId: number): Promise<boolean> {
  return (await canImportHistory(user, countyId)) && (await can(user, "report.reopen", countyId));
}

/** Users, API tokens, kiosk links and indicator settings: admins only, never through a token. */
export function canAdminister(user: Caller | null): boolean {
  return !!user && !user.token && reachOf(user.role, "admin") !== null;
}

/** Navigation entries a role may use (the pages check again on the server). */
export function navigationFor(role: Role): { href: string; label: string }[] {
  const has = (c: Capability) => reachOf(role, c) !== null;
  const items: { href: string; label: string; show: boolean }[] = [
    { href: "/overview", label: reachOf(role, "figures.read") === "city" ? "全市概览" : "全县概览", show: has("figures.read") },
    { href: "/report", label: "本镇填报", show: reachOf(role, "report.edit") === "town" },
    { href: "/review", label: "报送审核", show: has("submissions.view") },
    // The city's table of counties (typed or imported): the city's reviewers.
    { href: "/city/figures", label: "全市分县数据", show: reachOf(role, "county_report.edit") === "city" },
    { href: "/enterprises", label: "企业", show: has("firms.read") },
    { href: "/parks", label: "园区", show: has("figures.read") },
    { href: "/projects", label: "项目", show: has("figures.read") },
    { href: "/attraction", label: "招商引资", show: has("figures.read") },
    { href: "/bulletin", label: "通报", show: has("submissions.view") },
    { href: "/import", label: "数据导入", show: importKindsFor(role).length > 0 },
    { href: "/audit", label: "审计日志", show: has("audit.view") },
    { href: "/admin/users", label: "系统管理", show: has("admin") },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}
