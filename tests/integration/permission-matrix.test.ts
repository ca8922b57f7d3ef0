// The permission matrix, generated from the role → capability table (lib/permissions/capabilities)
// × every path that reads or writes through it: the real route handlers (reports, checks, overview,
// submissions, audit, exports, imports: preview and commit) and the services the pages' server
// actions call (entry grids, the register, the bulletin). Every caller × path × own/other town ×
// period state, against a real database. A denied call must answer 403 (or, for an import whose
// rows are refused, a preview with Chinese problems and a refused commit) and change nothing; an
// allowed one must succeed. A capability or an import kind without a path here fails the matrix.
// The city (issue 14): the city's reviewer and leader, and the reviewer of a county without town
// detail (靖江市, a demo peer county), whose county-level report is the third kind of target; a
// report's capability is chosen by its region's level (report.* for a town's, county_report.* for a
// county's own), so every caller also walks the county-level report paths and the city's overview.
// The city's table of counties (/city/figures): the grid's and the import's server actions, called as
// the browser does (the session's user stood in for), pass canEnterCityTable first — the city
// reviewer's county_report.edit at the city's reach — and then the report's own check; a county with
// town detail only ever takes a CityTableFigure (its own paths below the matrix).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as auditGET } from "@/app/api/v1/audit/route";
import { POST as checksPOST } from "@/app/api/v1/checks/route";
import { GET as exportGET } from "@/app/api/v1/export/[table]/route";
import { POST as commitPOST } from "@/app/api/v1/import/jobs/[id]/commit/route";
import { POST as uploadPOST } from "@/app/api/v1/import/jobs/route";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { POST as actionPOST } from "@/app/api/v1/reports/[town]/[period]/[action]/route";
import { GET as reportGET, PUT as reportPUT } from "@/app/api/v1/reports/[town]/[period]/route";
import { GET as submissionsGET } from "@/app/api/v1/submissions/route";
import { ApiError } from "@/lib/api/errors";
import { loadActiveUser } from "@/lib/auth/session";
import { saveBulletin } from "@/lib/bulletin/service";
import { getPrisma } from "@/lib/db/client";
import { createUser } from "@/lib/demo/factories";
import { DEMO_CITY, DEMO_COUNTY } from "@/lib/demo/places";
import { saveEnterprise } from "@/lib/enterprises/service";
import { getEnterpriseGrid, saveEnterpriseGrid } from "@/lib/entries/enterprises";
import { getParkGrid, saveParkGrid } from "@/lib/entries/parks";
import { commitCityImportAction, previewCityImportAction, type CityPreviewView } from "@/lib/import/city-actions";
import { getCityGrid } from "@/lib/peers/grid";
import { saveCityGridAction, stepCountyReportAction } from "@/lib/peers/grid-actions";
import { getProjectGrid, saveProjectGrid } from "@/lib/entries/projects";
import type { ReportStatus, Role } from "@/lib/generated/prisma/enums";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/types";
import { readScope, firmScope, townIdsOf } from "@/lib/dashboard/scope";
import { getEnterprise } from "@/lib/enterprises/detail";
import { canEditCountyPlans, canReadFirms, canReadRegion, type Caller } from "@/lib/permissions";
import { CAPABILITIES, ROLE_CAPABILITIES, WRITE_CAPABILITIES, type Capability } from "@/lib/permissions/capabilities";
import { getRegionByCode } from "@/lib/regions";
import { saveRequiredIndicators } from "@/lib/reports/required";
import { parsePeriod, toDecimal } from "@/lib/stats";
import { toCsv } from "../fixtures/import-workbooks";
import { createApiToken } from "../support/api";
import { useDemoSnapshot } from "../support/demo-snapshot";

// Server actions read the session's user and revalidate Next's cache: stand in for both (route
// handlers authenticate by their own means and are not affected).
const session = vi.hoisted(() => ({ user: null as Caller | null }));
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<Record<string, unknown>>()), getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const OWN = "321281100000"; // 戴南镇, the demo reporter's town
const OTHER = "321281101000"; // 张郭镇
const PEER = "321282000000"; // 靖江市: a county of the demo city known by its county-level figures only
const TOWN_NAMES: Record<string, string> = { [OWN]: "戴南镇", [OTHER]: "张郭镇" };
const PERIOD = "2024-06";
const period = parsePeriod(PERIOD)!;
const STATES: readonly ReportStatus[] = ["DRAFT", "RETURNED", "SUBMITTED", "APPROVED"];

type CallerName = "admin" | "reviewer" | "leader" | "reporter" | "readonlyReviewer" | "otherCountyReviewer" | "cityReviewer" | "readonlyCityReviewer" | "cityLeader";
/** `home`: where the caller belongs — the demo county (兴化市), its town 戴南镇, the peer county 靖江市, or the city. */
type Home = "county" | "town" | "peer" | "city";
const CALLERS: Record<CallerName, { role: Role; readOnly: boolean; home: Home }> = {
  admin: { role: "ADMIN", readOnly: false, home: "county" },
  reviewer: { role: "REVIEWER", readOnly: false, home: "county" },
  leader: { role: "LEADER", readOnly: false, home: "county" },
  reporter: { role: "REPORTER", readOnly: false, home: "town" },
  readonlyReviewer: { role: "REVIEWER", readOnly: true, home: "county" },
  // Another county's reviewer: for 兴化市's towns the other county, for 靖江市's own report their own.
  otherCountyReviewer: { role: "REVIEWER", readOnly: false, home: "peer" },
  cityReviewer: { role: "CITY_REVIEWER", readOnly: false, home: "city" },
  readonlyCityReviewer: { role: "CITY_REVIEWER", readOnly: true, home: "city" },
  cityLeader: { role: "CITY_LEADER", readOnly: false, home: "city" },
};

/** The period states a capability needs, restated here from the product rule (not imported). */
const NEEDS_STATE: Partial<Record<Capability, readonly ReportStatus[]>> = {
  "report.edit": ["DRAFT", "RETURNED"],
  "entries.edit": ["DRAFT", "RETURNED"],
  "import.town_values": ["DRAFT", "RETURNED"],
  "import.enterprise_values": ["DRAFT", "RETURNED"],
  "import.projects": ["DRAFT", "RETURNED"],
  "report.review": ["SUBMITTED"],
  "report.reopen": ["APPROVED"],
  "county_report.edit": ["DRAFT", "RETURNED"],
  "county_report.review": ["SUBMITTED"],
  "county_report.reopen": ["APPROVED"],
};

/** `message`: what a server action answered (for the failure's text). */
type Outcome = { status: number; problems?: string[]; message?: string };
type Path = {
  capability: Capability;
  /**
   * A county-level path (overview, submissions, bulletin) runs once, against the county; "peer" acts
   * on the peer county's own (county-level) report; "city" on the city as a whole.
   */
  target: "town" | "county" | "peer" | "city";
  /** Runs in every period state (a figure of the town-period), or once with the report approved (or as set). */
  periodBound: boolean;
  state?: ReportStatus;
  /** Through the city's table (canEnterCityTable): the capability only at the city's reach. */
  cityTable?: true;
  /** A read behind a write capability (the city grid's page) or a decision alone: an allowed call changes nothing. */
  writesNothing?: true;
  run: (who: CallerName, town: string) => Promise<Outcome>;
};

type Which = "own" | "other" | "county" | "peer" | "city";

/** Whether a reach from the caller's home covers the target, restated from the product rule. */
function covers(home: Home, reach: "city" | "county" | "town", which: Which): boolean {
  if (reach === "city") return home === "city";
  if (reach === "town") return home === "town" && which === "own";
  if (home === "peer") return which === "peer";
  return (home === "county" || home === "town") && (which === "own" || which === "other" || which === "county");
}

/** Whether the table says yes: capability ∧ writes not through a read-only token ∧ reach ∧ period state. */
function expected(who: CallerName, path: Path, which: Which, state: ReportStatus): boolean {
  const c = CALLERS[who];
  const reach = ROLE_CAPABILITIES[c.role][path.capability];
  if (!reach || !covers(c.home, reach, which)) return false;
  if (path.cityTable && reach !== "city") return false;
  if (c.readOnly && WRITE_CAPABILITIES.has(path.capability)) return false;
  // The city as a whole (its table's cross-check figures, its grid) has no report whose state could lock it.
  const needs = path.target === "city" ? undefined : NEEDS_STATE[path.capability];
  return !needs || needs.includes(state);
}

/** Refused only because of the period state: some state would allow it. */
const byStateOnly = (who: CallerName, path: Path, which: Which) => STATES.some((s) => expected(who, path, which, s));

const tokens: Partial<Record<CallerName, string>> = {};
const callers: Partial<Record<CallerName, Caller>> = {};
const townIds: Record<string, number> = {};
let countyId = 0;

function request(path: string, token: string, method = "GET", body?: unknown) {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function reportVersion(town: string): Promise<number> {
  const r = await getPrisma().townReport.findUniqueOrThrow({ where: { regionId_year_month: { regionId: townIds[town], year: 2024, month: 6 } }, select: { version: true } });
  return r.version;
}

async function reportCall(action: string, town: string, token: string): Promise<Outcome> {
  const params = { params: Promise.resolve({ town, period: PERIOD }) };
  const path = `/api/v1/reports/${town}/${PERIOD}`;
  const version = await reportVersion(town);
  if (action === "view") return { status: (await reportGET(request(path, token), params)).status };
  if (action === "save") return { status: (await reportPUT(request(path, token, "PUT", { values: { employees: "4321" }, version }), params)).status };
  const body = { version, ...(action === "return" ? { comment: "请核实" } : {}), ...(action === "reopen" ? { reason: "数据更正" } : {}) };
  return { status: (await actionPOST(request(`${path}/${action}`, token, "POST", body), { params: Promise.resolve({ town, period: PERIOD, action }) })).status };
}

/** HTTP-like status of a service call: 200, or the ApiError's status. */
async function serviceStatus(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    await fn();
    return { status: 200 };
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status };
    throw error;
  }
}

const plusOne = (v: string | null | undefined) => toDecimal(v ?? "0")!.plus(1).toFixed();

async function entryCall(kind: "view" | "enterprises" | "parks" | "projects", town: string, caller: Caller): Promise<Outcome> {
  const reader = callers.reviewer!; // rows and tokens as the county reviewer sees them now, so an allowed save is a valid one
  return serviceStatus(async () => {
    if (kind === "view") return getEnterpriseGrid(caller, town, period);
    if (kind === "enterprises") {
      const row = (await getEnterpriseGrid(reader, town, period)).rows.find((r) => r.values.gross_output)!;
      return saveEnterpriseGrid(caller, town, period, [{ id: row.id, token: row.token, values: { ...row.values, gross_output: plusOne(row.values.gross_output) } }]);
    }
    if (kind === "parks") {
      const row = (await getParkGrid(reader, town, period)).rows[0];
      return saveParkGrid(caller, town, period, [{ id: row.id, token: row.token, values: { ...row.values, infrastructureInvestment: plusOne(row.values.infrastructureInvestment) } }]);
    }
    const row = (await getProjectGrid(reader, town, period)).rows.find((r) => r.name.startsWith("权限测试"))!;
    return saveProjectGrid(caller, town, period, [{ id: row.id, token: row.token, completedYtd: plusOne(row.values.completedYtd) }]);
  });
}

/** A one-row CSV for each import kind that really changes something of the town (each figure +1). */
async function importCsv(kind: ImportKind, town: string): Promise<string> {
  const db = getPrisma();
  const townId = townIds[town];
  const name = TOWN_NAMES[town];
  switch (kind) {
    case "town_values": {
      const v = await db.reportValue.findFirstOrThrow({ where: { regionId: townId, year: 2024, month: 6, indicator: { code: "gross_output" } }, select: { value: true } });
      return toCsv([["乡镇（街道）", "年月", "工业总产值"], [name, PERIOD, plusOne(v.value.toString())]]);
    }
    case "enterprise_values": {
      const v = await db.enterpriseValue.findFirstOrThrow({ where: { year: 2024, month: 6, indicator: { code: "gross_output" }, enterprise: { townId } }, orderBy: { enterpriseId: "asc" }, select: { value: true, enterprise: { select: { creditCode: true, name: true } } } });
      return toCsv([["信用代码", "单位名称", "工业总产值"], [v.enterprise.creditCode, v.enterprise.name, plusOne(v.value.toString())]]);
    }
    case "projects": {
      const p = await db.project.findFirstOrThrow({ where: { townId, name: { startsWith: "权限测试" } }, select: { name: true, progress: { where: { year: 2024, month: 6 }, select: { completedYtd: true } } } });
      return toCsv([["项目名称", "乡镇", "计划总投资", "项目阶段", "当年累计完成投资"], [p.name, name, "50000", "在建", plusOne(p.progress[0]?.completedYtd.toString())]]);
    }
    case "enterprises": {
      const e = await db.enterprise.findFirstOrThrow({ where: { townId }, orderBy: { id: "asc" }, select: { creditCode: true, name: true, industryCode: true, version: true } });
      return toCsv([["统一社会信用代码", "企业名称", "所属乡镇", "行业代码"], [e.creditCode, `${e.name.replace(/（\d+）$/, "")}（${e.version}）`, name, e.industryCode]]);
    }
    case "plans": {
      const v = await db.annualPlan.findFirst({ where: { regionId: townId, year: 2024, indicator: { code: "gross_output" } }, select: { value: true } });
      return toCsv([["乡镇", "年度", "工业总产值"], [name, "2024", plusOne(v?.value.toString())]]);
    }
  }
}

type Preview = { status: number; jobId: number; committable: boolean; problems: string[] };

async function importPreview(kind: ImportKind, town: string, token: string): Promise<Preview> {
  const form = new FormData();
  form.set("kind", kind);
  form.set("period", PERIOD);
  form.set("file", new Blob([await importCsv(kind, town)], { type: "text/csv" }), "matrix.csv");
  const up = await uploadPOST(new Request("http://localhost/api/v1/import/jobs", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }));
  if (up.status !== 201) return { status: up.status, jobId: 0, committable: false, problems: [] };
  const body = (await up.json()) as { jobId: number; committable: boolean; problems: { severity: string; message: string }[] };
  return { status: up.status, jobId: body.jobId, committable: body.committable, problems: body.problems.filter((p) => p.severity === "error").map((p) => p.message) };
}

async function importCommit(jobId: number, token: string) {
  const res = await commitPOST(new Request(`http://localhost/api/v1/import/jobs/${jobId}/commit`, { method: "POST", headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: String(jobId) }) });
  return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
}

/** Upload (preview) then commit, as the route handlers see it. A refused preview row makes the commit fail. */
async function importCall(kind: ImportKind, town: string, token: string): Promise<Outcome> {
  const preview = await importPreview(kind, town, token);
  if (preview.status !== 201) return { status: preview.status };
  return { status: (await importCommit(preview.jobId, token)).status, problems: preview.problems };
}

async function registryCall(town: string, caller: Caller): Promise<Outcome> {
  const db = getPrisma();
  const e = await db.enterprise.findFirstOrThrow({ where: { townId: townIds[town] }, orderBy: { id: "desc" }, select: { id: true, version: true, name: true, creditCode: true, parkId: true, industryCode: true, ownership: true, aboveScale: true } });
  const result = await saveEnterprise(caller, {
    id: String(e.id), version: String(e.version), name: `${e.name.replace(/（\d+）$/, "")}（${e.version}）`, creditCode: e.creditCode, townCode: town,
    parkId: e.parkId ? String(e.parkId) : "", industryCode: e.industryCode, ownership: e.ownership, aboveScale: e.aboveScale ? "on" : "",
  });
  if (result.fieldErrors) throw new Error(`registry form refused: ${JSON.stringify(result.fieldErrors)}`);
  return { status: result.message ? 403 : 200 };
}

/** A server action called as `who`, signed in through the session. */
async function asSignedIn<T>(who: CallerName, fn: () => Promise<T>): Promise<T> {
  session.user = callers[who]!;
  try {
    return await fn();
  } finally {
    session.user = null;
  }
}

/**
 * The HTTP-like status of a server action's answer, by what it says (an action answers in text):
 * a refusal (not permitted, or the period locked) 403, no such report 404, a transition from another
 * state 409, a preview with errors 422. Any other failure is 500, which no cell expects: a refused call must be
 * refused for the right reason.
 */
function actionOutcome(result: { ok: boolean; message: string; errors?: Record<string, string> }): Outcome {
  if (result.ok) return { status: 200 };
  const text = [result.message, ...Object.values(result.errors ?? {})].join("；");
  const status = /没有权限|没有导入全市县（市、区）数据的权限|已报送，等待审核期间不能修改|已审核通过并锁定，不能修改/.test(text)
    ? 403
    : /当前状态为“.+”，不能/.test(text)
      ? 409
      : /未导入任何数据|预览中有错误/.test(text)
        ? 422
        : /不存在$/.test(text)
          ? 404
          : 500;
  return { status, message: text };
}

/** The city grid's figures of the peer county (靖江市's county-level report, rule 1) as stored, gross output +1. */
async function gridSavePeer(who: CallerName): Promise<Outcome> {
  const row = (await getCityGrid(callers.cityReviewer!, period)).rows.find((r) => r.code === PEER)!;
  const values = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, k === "gross_output" ? plusOne(v) : v ?? ""]));
  return actionOutcome(await asSignedIn(who, () => saveCityGridAction({ period: PERIOD, rows: [{ code: PEER, version: row.version, values }] })));
}

/** The city grid's cross-check figure of 兴化市 (a county with town detail: CityTableFigure only, rule 2), +1 over what was seen. */
async function gridSaveTable(who: CallerName): Promise<Outcome> {
  const row = (await getCityGrid(callers.cityReviewer!, period)).rows.find((r) => r.code === DEMO_COUNTY.code)!;
  const seen = row.values.gross_output;
  const result = await asSignedIn(who, () => saveCityGridAction({ period: PERIOD, rows: [{ code: DEMO_COUNTY.code, version: 0, values: { gross_output: plusOne(seen) }, seen: { gross_output: seen } }] }));
  return actionOutcome(result);
}

async function gridStep(who: CallerName, code: string, step: "submit" | "approve"): Promise<Outcome> {
  const report = await getPrisma().townReport.findFirst({ where: { region: { code }, year: 2024, month: 6 }, select: { version: true } });
  return actionOutcome(await asSignedIn(who, () => stepCountyReportAction({ period: PERIOD, code, version: report?.version ?? 0, step })));
}

/** A one-row table of the city's counties: 靖江市's figure (city_values) or 2024 plan (city_plans), each +1. */
async function cityCsv(kind: "city_values" | "city_plans"): Promise<string> {
  const db = getPrisma();
  if (kind === "city_plans") {
    const v = await db.annualPlan.findFirst({ where: { regionId: townIds[PEER], year: 2024, indicator: { code: "gross_output" } }, select: { value: true } });
    return toCsv([["县（市、区）", "年度", "工业总产值"], ["靖江市", "2024", plusOne(v?.value.toString())]]);
  }
  const v = await db.reportValue.findFirst({ where: { regionId: townIds[PEER], year: 2024, month: 6, indicator: { code: "gross_output" } }, select: { value: true } });
  return toCsv([["县（市、区）", "年月", "工业总产值"], ["靖江市", PERIOD, plusOne(v?.value.toString())]]);
}

async function cityPreview(who: CallerName, kind: "city_values" | "city_plans"): Promise<CityPreviewView> {
  const form = new FormData();
  form.set("kind", kind);
  form.set("period", PERIOD);
  form.set("file", new Blob([await cityCsv(kind)], { type: "text/csv" }), "全市分县表.csv");
  return asSignedIn(who, () => previewCityImportAction(form));
}

/** Preview then commit as one caller, through the page's two server actions. A refused row makes the commit fail. */
async function cityImportCall(who: CallerName, kind: "city_values" | "city_plans"): Promise<Outcome> {
  const preview = await cityPreview(who, kind);
  if (preview.jobId === undefined) return actionOutcome(preview);
  const problems = (preview.problems ?? []).filter((p) => p.severity === "error").map((p) => p.message);
  const done = actionOutcome(await asSignedIn(who, () => commitCityImportAction(preview.jobId)));
  return problems.length > 0 ? { ...done, problems } : done;
}

/** The city reviewer previews a committable import; `who` commits it. */
async function cityCommitCall(who: CallerName): Promise<Outcome> {
  const preview = await cityPreview("cityReviewer", "city_values");
  if (!preview.committable) throw new Error(`the city reviewer's preview is not committable: ${preview.message}`);
  return actionOutcome(await asSignedIn(who, () => commitCityImportAction(preview.jobId)));
}

const apiStatus = async (p: Promise<Response>): Promise<Outcome> => ({ status: (await p).status });
const token = (who: CallerName) => tokens[who]!;

const PATHS: Record<string, Path> = {
  viewReport: { capability: "report.view", target: "town", periodBound: false, run: (w, t) => reportCall("view", t, token(w)) },
  checks: { capability: "report.view", target: "town", periodBound: false, run: (w, t) => apiStatus(checksPOST(request("/api/v1/checks", token(w), "POST", { region: t, period: PERIOD, values: { gross_output: 100 } }))) },
  viewEntries: { capability: "report.view", target: "town", periodBound: false, run: (w, t) => entryCall("view", t, callers[w]!) },
  saveReport: { capability: "report.edit", target: "town", periodBound: true, run: (w, t) => reportCall("save", t, token(w)) },
  submitReport: { capability: "report.edit", target: "town", periodBound: true, run: (w, t) => reportCall("submit", t, token(w)) },
  approveReport: { capability: "report.review", target: "town", periodBound: true, run: (w, t) => reportCall("approve", t, token(w)) },
  returnReport: { capability: "report.review", target: "town", periodBound: true, run: (w, t) => reportCall("return", t, token(w)) },
  reopenReport: { capability: "report.reopen", target: "town", periodBound: true, run: (w, t) => reportCall("reopen", t, token(w)) },
  saveEnterpriseGrid: { capability: "entries.edit", target: "town", periodBound: true, run: (w, t) => entryCall("enterprises", t, callers[w]!) },
  saveParkGrid: { capability: "entries.edit", target: "town", periodBound: true, run: (w, t) => entryCall("parks", t, callers[w]!) },
  saveProjectGrid: { capability: "entries.edit", target: "town", periodBound: true, run: (w, t) => entryCall("projects", t, callers[w]!) },
  ...Object.fromEntries(
    IMPORT_KINDS.map((kind): [string, Path] => [
      `import ${kind}`,
      { capability: `import.${kind}` as Capability, target: "town", periodBound: kind !== "enterprises" && kind !== "plans", state: "DRAFT", run: (w, t) => importCall(kind, t, token(w)) },
    ]),
  ),
  editRegister: { capability: "registry.edit", target: "town", periodBound: false, run: (w, t) => registryCall(t, callers[w]!) },
  exportFirms: { capability: "firms.read", target: "town", periodBound: false, run: (w, t) => apiStatus(exportGET(request(`/api/v1/export/enterprises?format=csv&period=${PERIOD}&town=${t}`, token(w)), { params: Promise.resolve({ table: "enterprises" }) })) },
  viewAudit: { capability: "audit.view", target: "town", periodBound: false, run: (w, t) => apiStatus(auditGET(request(`/api/v1/audit?town=${t}`, token(w)))) },
  overview: { capability: "figures.read", target: "county", periodBound: false, run: (w) => apiStatus(overviewGET(request(`/api/v1/overview?region=${DEMO_COUNTY.code}&period=${PERIOD}`, token(w)))) },
  cityOverview: { capability: "figures.read", target: "city", periodBound: false, run: (w) => apiStatus(overviewGET(request(`/api/v1/overview?region=${DEMO_CITY.code}&period=${PERIOD}`, token(w)))) },
  peerOverview: { capability: "figures.read", target: "peer", periodBound: false, run: (w) => apiStatus(overviewGET(request(`/api/v1/overview?region=${PEER}&period=${PERIOD}`, token(w)))) },
  viewPeerReport: { capability: "report.view", target: "peer", periodBound: false, run: (w) => reportCall("view", PEER, token(w)) },
  savePeerReport: { capability: "county_report.edit", target: "peer", periodBound: true, run: (w) => reportCall("save", PEER, token(w)) },
  submitPeerReport: { capability: "county_report.edit", target: "peer", periodBound: true, run: (w) => reportCall("submit", PEER, token(w)) },
  approvePeerReport: { capability: "county_report.review", target: "peer", periodBound: true, run: (w) => reportCall("approve", PEER, token(w)) },
  returnPeerReport: { capability: "county_report.review", target: "peer", periodBound: true, run: (w) => reportCall("return", PEER, token(w)) },
  reopenPeerReport: { capability: "county_report.reopen", target: "peer", periodBound: true, run: (w) => reportCall("reopen", PEER, token(w)) },
  // The decision the city's plan grid and plan import ask before writing a county's plan (lib/import/city.ts).
  editPeerPlans: { capability: "county_plans.edit", target: "peer", writesNothing: true, periodBound: false, run: async (w) => ({ status: (await canEditCountyPlans(callers[w]!, townIds[PEER])) ? 200 : 403 }) },
  // The city's table of counties (/city/figures): the page's service and its four server actions.
  viewCityGrid: { capability: "county_report.edit", cityTable: true, writesNothing: true, target: "city", periodBound: false, run: (w) => serviceStatus(() => getCityGrid(callers[w]!, period)) },
  cityGridSavePeer: { capability: "county_report.edit", cityTable: true, target: "peer", periodBound: true, run: (w) => gridSavePeer(w) },
  cityGridSaveTable: { capability: "county_report.edit", cityTable: true, target: "city", periodBound: false, run: (w) => gridSaveTable(w) },
  cityGridSubmitPeer: { capability: "county_report.edit", cityTable: true, target: "peer", periodBound: true, run: (w) => gridStep(w, PEER, "submit") },
  cityGridApprovePeer: { capability: "county_report.review", cityTable: true, target: "peer", periodBound: true, run: (w) => gridStep(w, PEER, "approve") },
  "import city_values": { capability: "county_report.edit", cityTable: true, target: "peer", periodBound: true, run: (w) => cityImportCall(w, "city_values") },
  "import city_plans": { capability: "county_plans.edit", cityTable: true, target: "peer", periodBound: false, state: "DRAFT", run: (w) => cityImportCall(w, "city_plans") },
  commitCityImport: { capability: "county_report.edit", cityTable: true, target: "peer", periodBound: false, state: "DRAFT", run: (w) => cityCommitCall(w) },
  submissions: { capability: "submissions.view", target: "county", periodBound: false, run: (w) => apiStatus(submissionsGET(request(`/api/v1/submissions?region=${DEMO_COUNTY.code}&period=${PERIOD}`, token(w)))) },
  publishBulletin: {
    capability: "bulletin.publish", target: "county", periodBound: false,
    run: async (w) => serviceStatus(async () => saveBulletin(callers[w]!, (await getRegionByCode(DEMO_COUNTY.code))!, period, { title: "权限测试通报", body: "权限测试正文", head: { issuer: "兴化市经济发展局", docNumber: "兴经发〔2026〕1号", issueDate: "2026-12-01" }, publish: false })),
  },
  // The county's 必填指标 (the /admin/required page's service): set to another list and back, so the
  // other paths keep the demo's list.
  setRequiredIndicators: {
    capability: "admin", target: "county", periodBound: false,
    run: async (w) => serviceStatus(async () => {
      const { requiredIndicators: stored } = await getPrisma().region.findUniqueOrThrow({ where: { id: countyId }, select: { requiredIndicators: true } });
      await saveRequiredIndicators(callers[w]!, { county: DEMO_COUNTY.code, codes: ["gross_output"], previous: stored });
      await saveRequiredIndicators(callers[w]!, { county: DEMO_COUNTY.code, codes: stored, previous: ["gross_output"] });
    }),
  },
};

/** Capabilities the matrix does not walk, and where they are tested instead. */
const TESTED_ELSEWHERE: Partial<Record<Capability, string>> = {
  "import.history": "tests/integration/import-history.test.ts (reviewer allowed; reporter, admin, leader and read-only token refused with 403)",
};

async function setStatus(town: string, status: ReportStatus) {
  const db = getPrisma();
  await db.townReport.update({ where: { regionId_year_month: { regionId: townIds[town], year: 2024, month: 6 } }, data: { status } });
  // Explain every value so that verification warnings never block a permitted submit.
  await db.reportValue.updateMany({ where: { regionId: townIds[town], year: 2024, month: 6 }, data: { explanation: "权限测试说明" } });
}

/** Everything a path could change for the town (and the county's plans and bulletins). */
async function snapshot(town: string): Promise<string> {
  const db = getPrisma();
  const regionId = townIds[town];
  const p = { year: 2024, month: 6 };
  const report = await db.townReport.findUniqueOrThrow({ where: { regionId_year_month: { regionId, ...p } }, select: { status: true, version: true } });
  const values = await db.reportValue.findMany({ where: { regionId, ...p }, select: { indicatorId: true, value: true }, orderBy: { indicatorId: "asc" } });
  const firms = await db.enterpriseValue.findMany({ where: { ...p, enterprise: { townId: regionId } }, select: { id: true, value: true }, orderBy: { id: "asc" } });
  const register = await db.enterprise.findMany({ where: { townId: regionId }, select: { id: true, name: true, aboveScale: true, version: true }, orderBy: { id: "asc" } });
  const parks = await db.parkValue.findMany({ where: { ...p, park: { townId: regionId } }, orderBy: { id: "asc" } });
  const projects = await db.projectProgress.findMany({ where: { ...p, project: { townId: regionId } }, select: { id: true, completedYtd: true }, orderBy: { id: "asc" } });
  const plans = await db.annualPlan.findMany({ where: { regionId: { in: [regionId, countyId] } }, select: { id: true, value: true }, orderBy: { id: "asc" } });
  const bulletins = await db.bulletin.count();
  const audits = await db.auditLog.count();
  // The city's table: its cross-check figures, county-level reports at any county, and import jobs
  // beyond the city reviewer's own previews (a refused preview leaves no job, a refused commit no state).
  const cityTable = await db.cityTableFigure.findMany({ select: { id: true, value: true }, orderBy: { id: "asc" } });
  const countyReports = await db.townReport.findMany({ where: { region: { level: "COUNTY" } }, select: { id: true, status: true, version: true }, orderBy: { id: "asc" } });
  const cityJobs = await db.importJob.count({ where: { kind: { in: ["city_values", "city_plans"] }, NOT: { status: "PREVIEWED", createdById: callers.cityReviewer!.id } } });
  return JSON.stringify({ report, values, firms, register, parks, projects, plans, bulletins, audits, cityTable, countyReports, cityJobs });
}

beforeAll(async () => {
  await useDemoSnapshot();
  const db = getPrisma();
  // The demo's peer county (no towns) gets a reviewer of its own: the other county for 兴化市's paths.
  const otherCounty = (await getRegionByCode(PEER))!;
  await createUser(db, { username: "other_reviewer", password: "Other@2026", role: "REVIEWER", regionId: otherCounty.id });
  townIds[PEER] = otherCounty.id;
  tokens.cityReviewer = await createApiToken("city_reviewer", { readOnly: false });
  tokens.readonlyCityReviewer = await createApiToken("city_reviewer", { readOnly: true });
  tokens.cityLeader = await createApiToken("city_leader", { readOnly: false });
  for (const u of ["admin", "reviewer", "leader", "reporter"] as const) tokens[u] = await createApiToken(u, { readOnly: false });
  tokens.readonlyReviewer = await createApiToken("reviewer", { readOnly: true });
  tokens.otherCountyReviewer = await createApiToken("other_reviewer", { readOnly: false });
  const load = async (username: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
    return (await loadActiveUser(u.id, u.sessionVersion))!;
  };
  for (const u of ["admin", "reviewer", "leader", "reporter"] as const) callers[u] = await load(u);
  callers.readonlyReviewer = { ...callers.reviewer!, token: { regionId: null, readOnly: true } };
  callers.otherCountyReviewer = await load("other_reviewer");
  callers.cityReviewer = await load("city_reviewer");
  callers.readonlyCityReviewer = { ...callers.cityReviewer!, token: { regionId: null, readOnly: true } };
  callers.cityLeader = await load("city_leader");
  countyId = (await getRegionByCode(DEMO_COUNTY.code))!.id;
  // A project with June progress in each town (the demo places its projects at random).
  for (const code of [OWN, OTHER]) {
    townIds[code] = (await getRegionByCode(code))!.id;
    await db.project.create({ data: { name: `权限测试项目${code.slice(6, 9)}`, townId: townIds[code], sector: "工业", totalInvestment: "50000", stage: "UNDER_CONSTRUCTION", progress: { create: { year: 2024, month: 6, completedYtd: "1000" } } } });
  }
}, 600_000); // the demo county takes minutes to seed on a busy machine

describe("the matrix covers every capability and every write path", () => {
  it("every capability of the table has a path (or says where it is tested)", () => {
    const walked = new Set(Object.values(PATHS).map((p) => p.capability));
    expect(CAPABILITIES.filter((c) => !walked.has(c) && !TESTED_ELSEWHERE[c])).toEqual([]);
  });

  it("every import kind has a path", () => {
    expect(IMPORT_KINDS.filter((k) => !PATHS[`import ${k}`])).toEqual([]);
  });
});

/** The cells of a path for one caller: a caller refused in every state runs once (the refusal does not depend on it). */
function cells(who: CallerName, path: Path): { which: Which; town: string; state: ReportStatus }[] {
  const towns: (readonly [Which, string])[] =
    path.target === "county" ? [["county", OWN]] : path.target === "city" ? [["city", OWN]] : path.target === "peer" ? [["peer", PEER]] : [["own", OWN], ["other", OTHER]];
  return towns.flatMap(([which, town]) => {
    const states = path.periodBound ? STATES : [path.state ?? "APPROVED"];
    const relevant = states.some((s) => expected(who, path, which, s)) ? states : states.slice(0, 1);
    return relevant.map((state) => ({ which, town, state }));
  });
}

describe("permission matrix", () => {
  for (const [name, path] of Object.entries(PATHS)) {
    for (const who of Object.keys(CALLERS) as CallerName[]) {
      for (const { which, town, state } of cells(who, path)) {
        const allowed = expected(who, path, which, state);
        it(`${who} ${allowed ? "may" : "may not"} ${name} (${which}${path.periodBound ? `, ${state}` : ""})`, async () => {
          await setStatus(town, state);
          const before = await snapshot(town);
          const outcome = await path.run(who, town);
          if (allowed) {
            expect(outcome.status, `${who} ${name} ${which} ${state}: ${outcome.problems?.join("；") ?? outcome.message ?? ""}`).toBeLessThan(300);
            // An allowed write wrote something (at least its audit row); an allowed read nothing.
            const changed = (await snapshot(town)) !== before;
            expect(changed, `${who} ${name} ${which} ${state}: changed`).toBe(WRITE_CAPABILITIES.has(path.capability) && !path.writesNothing);
            return;
          }
          expect(outcome.status, `${who} ${name} ${which} ${state}`).toBeGreaterThanOrEqual(400);
          if (outcome.problems) {
            // The caller may import this kind, but not these rows: the preview said why, in Chinese
            // (a locked period; another town; another county, where the town is unknown).
            const locked = !(NEEDS_STATE[path.capability] ?? STATES).includes(state);
            expect(outcome.problems.join("；")).toMatch(locked ? /月报(已报送、等待审核|已审核通过并锁定)/ : /只能导入本镇|未知乡镇|已登记在其他县|企业名录中没有/);
            expect(outcome.status).toBe(422);
          } else if (byStateOnly(who, path, which)) {
            // Right caller, wrong state: 403 (a locked period) or 409 (a transition from another state).
            expect([403, 409]).toContain(outcome.status);
          } else {
            expect(outcome.status).toBe(403);
          }
          expect(await snapshot(town)).toBe(before);
        });
      }
    }
  }

  it("a request without credentials is 401, not 403", async () => {
    const res = await reportGET(new Request(`http://localhost/api/v1/reports/${OWN}/${PERIOD}`), { params: Promise.resolve({ town: OWN, period: PERIOD }) });
    expect(res.status).toBe(401);
  });
});

describe("an import re-checks the period at commit", () => {
  for (const kind of ["town_values", "enterprise_values", "projects"] as const) {
    it(`${kind}: a month submitted between preview and commit refuses the import in Chinese and writes nothing`, async () => {
      await setStatus(OWN, "DRAFT");
      const preview = await importPreview(kind, OWN, token("reporter"));
      expect(preview).toMatchObject({ status: 201, committable: true, problems: [] });
      await setStatus(OWN, "SUBMITTED");
      const before = await snapshot(OWN);
      const done = await importCommit(preview.jobId, token("reporter"));
      expect(done.status).toBe(409);
      expect(done.body.error?.message).toMatch(/^数据在预览后发生变化，导入未执行：.*戴南镇.*月报已报送、等待审核/);
      expect(await snapshot(OWN)).toBe(before);
    });
  }
});

describe("a county with town detail only takes the city table's cross-check figure (rule 2)", () => {
  it("the city grid writes 兴化市's CityTableFigure, audited, and no county-level report", async () => {
    const db = getPrisma();
    const audits = await db.auditLog.count({ where: { entity: "CityTableFigure", regionId: countyId } });
    expect(await gridSaveTable("cityReviewer")).toEqual({ status: 200 });
    const row = (await getCityGrid(callers.cityReviewer!, period)).rows.find((r) => r.code === DEMO_COUNTY.code)!;
    expect(row.kind).toBe("detailed");
    expect(await db.cityTableFigure.count({ where: { regionId: countyId, year: 2024, month: 6 } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "CityTableFigure", regionId: countyId } })).toBe(audits + 1);
    expect(await db.townReport.count({ where: { regionId: countyId } })).toBe(0);
  });

  for (const step of ["submit", "approve"] as const) {
    it(`the city reviewer cannot ${step} a county-level report of 兴化市: it has none, nothing written`, async () => {
      const before = await snapshot(OWN);
      // The report service knows no report of a county with towns (lib/reports/service townFor).
      expect(await gridStep("cityReviewer", DEMO_COUNTY.code, step)).toEqual({ status: 404, message: `乡镇 ${DEMO_COUNTY.code} 不存在` });
      expect(await snapshot(OWN)).toBe(before);
      expect(await getPrisma().townReport.count({ where: { regionId: countyId } })).toBe(0);
    });
  }
});

describe("what a reporter reads of other towns", () => {
  it("county totals and every town in the read scope, but enterprise-level figures of their own town only", async () => {
    const reporter = callers.reporter!;
    expect((await readScope(reporter))!.towns.map((t) => t.code)).toContain(OTHER);
    expect(townIdsOf(await firmScope(reporter))).toEqual([townIds[OWN]]);
    expect(townIdsOf(await firmScope(callers.leader!))).toEqual(townIdsOf(await readScope(callers.leader!)));
    // The enterprise detail page looks the firm up within firmScope: another town's firm is not found.
    const [ours, theirs] = await Promise.all([OWN, OTHER].map((code) => getPrisma().enterprise.findFirstOrThrow({ where: { townId: townIds[code] }, select: { id: true } })));
    expect(await getEnterprise(ours.id, townIdsOf(await firmScope(reporter)))).not.toBeNull();
    expect(await getEnterprise(theirs.id, townIdsOf(await firmScope(reporter)))).toBeNull();
    expect(await canReadFirms(reporter, townIds[OTHER])).toBe(false);
    expect(await canReadRegion(reporter, townIds[OTHER])).toBe(true);
  });

  it("a per-firm export without a town filter holds only the reporter's own town", async () => {
    const res = await exportGET(request(`/api/v1/export/enterprises?format=csv&period=${PERIOD}`, token("reporter")), { params: Promise.resolve({ table: "enterprises" }) });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain("戴南镇");
    expect(csv).not.toContain("张郭镇");
    const county = await exportGET(request(`/api/v1/export/enterprises?format=csv&period=${PERIOD}`, token("leader")), { params: Promise.resolve({ table: "enterprises" }) });
    expect(await county.text()).toContain("张郭镇");
  });
});
