// The role → capability table: what each role may do, and how far its reach goes. The named
// can* functions (./index.ts) combine a row of this table with the caller's scope and, for
// figures of a town-period, the period's state. Pure data: no I/O, importable anywhere.
import type { ReportStatus, Role } from "@/lib/generated/prisma/enums";
import type { ImportKind } from "@/lib/import/types";

export const CAPABILITIES = [
  "figures.read", // county and town totals, rankings, series, park and project figures
  "firms.read", // enterprise-level figures: enterprise list and detail, a park's or town's firms, per-firm exports
  "report.view", // a town's monthly form and its entry grids
  "report.edit", // save and submit the town form
  "report.review", // approve or return a submitted report
  "report.reopen", // reopen an approved report
  // A county-level report (the figures of a county without town detail, docs/decisions/016): the same
  // workflow one level up; which capability applies is chosen by the report region's level (./index.ts).
  "county_report.edit", // type, save and submit a county's county-level figures
  "county_report.review", // approve or return a county-level report
  "county_report.reopen", // reopen an approved county-level report
  "county_plans.edit", // annual plans of counties without town detail (the city's grid)
  "entries.edit", // enterprise, park and project figures of a town-period (the entry grids)
  "registry.edit", // the registers: enterprises, parks, projects, plans
  "submissions.view", // who has submitted, who is late
  "audit.view",
  "bulletin.publish",
  "import.town_values",
  "import.enterprise_values",
  "import.projects",
  "import.enterprises",
  "import.plans",
  "import.history", // town figures imported as already-approved history (they land 已审核, locked)
  "admin", // users, API tokens, kiosk links, indicator settings (never through a token)
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * How far a capability reaches: the caller's city (a city user's own region), the caller's county (a
 * reporter's: their town's county), or their own town only.
 */
export type Reach = "city" | "county" | "town";

export const ROLE_CAPABILITIES: Readonly<Record<Role, Readonly<Partial<Record<Capability, Reach>>>>> = {
  REPORTER: {
    "figures.read": "county",
    "firms.read": "town",
    "report.view": "town",
    "report.edit": "town",
    "entries.edit": "town",
    "audit.view": "town",
    "import.town_values": "town",
    "import.enterprise_values": "town",
    "import.projects": "town",
  },
  REVIEWER: {
    "figures.read": "county",
    "firms.read": "county",
    "report.view": "county",
    "report.edit": "county",
    "report.review": "county",
    "report.reopen": "county",
    "entries.edit": "county",
    "registry.edit": "county",
    "submissions.view": "county",
    "audit.view": "county",
    "bulletin.publish": "county",
    "import.town_values": "county",
    "import.enterprise_values": "county",
    "import.projects": "county",
    "import.enterprises": "county",
    "import.plans": "county",
    "import.history": "county",
    // Only where the county has no town detail (a peer county reporting to the city); never approves it.
    "county_report.edit": "county",
  },
  LEADER: {
    "figures.read": "county",
    "firms.read": "county",
    "report.view": "county",
    "submissions.view": "county",
  },
  ADMIN: {
    "figures.read": "county",
    "firms.read": "county",
    "report.view": "county",
    "submissions.view": "county",
    "audit.view": "county",
    admin: "county",
  },
  // The city bureau: reads everything in the city; reviews what counties report to it (county-level
  // reports), types peer counties' figures and plans; never a town's report.
  CITY_REVIEWER: {
    "figures.read": "city",
    "firms.read": "city",
    "report.view": "city",
    "submissions.view": "city",
    "audit.view": "city",
    "county_report.edit": "city",
    "county_report.review": "city",
    "county_report.reopen": "city",
    "county_plans.edit": "city",
  },
  CITY_LEADER: {
    "figures.read": "city",
    "firms.read": "city",
    "report.view": "city",
    "submissions.view": "city",
  },
};

/** Capabilities that change data: a read-only API token never has them. */
export const WRITE_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  "report.edit", "report.review", "report.reopen", "county_report.edit", "county_report.review", "county_report.reopen", "county_plans.edit", "entries.edit", "registry.edit", "bulletin.publish",
  "import.town_values", "import.enterprise_values", "import.projects", "import.enterprises", "import.plans", "import.history", "admin",
]);

/**
 * The period state each capability needs, where it acts on a town-period: figures are written only
 * while the town's report for the period is not submitted or approved (none yet, 草稿 or 已退回).
 */
export const PERIOD_RULES: Readonly<Partial<Record<Capability, readonly (ReportStatus | null)[]>>> = {
  "report.edit": [null, "DRAFT", "RETURNED"],
  "entries.edit": [null, "DRAFT", "RETURNED"],
  "import.town_values": [null, "DRAFT", "RETURNED"],
  "import.enterprise_values": [null, "DRAFT", "RETURNED"],
  "import.projects": [null, "DRAFT", "RETURNED"],
  "report.review": ["SUBMITTED"],
  "report.reopen": ["APPROVED"],
  "county_report.edit": [null, "DRAFT", "RETURNED"],
  "county_report.review": ["SUBMITTED"],
  "county_report.reopen": ["APPROVED"],
};

export function reachOf(role: Role, capability: Capability): Reach | null {
  return ROLE_CAPABILITIES[role][capability] ?? null;
}

/** Whether the period state allows the capability (capabilities without a period rule: always). */
export function periodAllows(capability: Capability, status: ReportStatus | null): boolean {
  const rule = PERIOD_RULES[capability];
  return !rule || rule.includes(status);
}

/** Figures of a town-period may be written: its report is not submitted or approved. */
export const isPeriodOpen = (status: ReportStatus | null) => periodAllows("entries.edit", status);

const LOCK_REASONS: Partial<Record<ReportStatus, string>> = { SUBMITTED: "已报送、等待审核", APPROVED: "已审核通过并锁定" };

/** Why a town-period's figures are locked, in Chinese ("已报送、等待审核"), or null when open. */
export const periodLockReason = (status: ReportStatus | null): string | null => (status && !isPeriodOpen(status) ? LOCK_REASONS[status] ?? null : null);

/** A row of an import of `kind` may write figures of a town-period whose report is in `status`. */
export function canImportInto(kind: ImportKind, status: ReportStatus | null): boolean {
  return periodAllows(`import.${kind}`, status);
}
