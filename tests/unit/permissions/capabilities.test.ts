// Every capability of every role, written out: a change to lib/permissions/capabilities.ts is a
// visible diff here. "city" = the caller's city, "county" = the caller's county, "town" = their own town only, "—" = never.
import { describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { CAPABILITIES, canImportInto, isPeriodOpen, periodAllows, periodLockReason, reachOf, WRITE_CAPABILITIES } from "@/lib/permissions/capabilities";

const EXPECTED = {
  //                            REPORTER   REVIEWER   LEADER     ADMIN      CITY_REVIEWER CITY_LEADER
  "figures.read":             ["county",  "county",  "county",  "county",  "city",    "city"],
  "firms.read":               ["town",    "county",  "county",  "county",  "city",    "city"],
  "report.view":              ["town",    "county",  "county",  "county",  "city",    "city"],
  "report.edit":              ["town",    "county",  "—",       "—",       "—",       "—"],
  "report.review":            ["—",       "county",  "—",       "—",       "—",       "—"],
  "report.reopen":            ["—",       "county",  "—",       "—",       "—",       "—"],
  "county_report.edit":       ["—",       "county",  "—",       "—",       "city",    "—"],
  "county_report.review":     ["—",       "—",       "—",       "—",       "city",    "—"],
  "county_report.reopen":     ["—",       "—",       "—",       "—",       "city",    "—"],
  "county_plans.edit":        ["—",       "—",       "—",       "—",       "city",    "—"],
  "entries.edit":             ["town",    "county",  "—",       "—",       "—",       "—"],
  "registry.edit":            ["—",       "county",  "—",       "—",       "—",       "—"],
  "submissions.view":         ["—",       "county",  "county",  "county",  "city",    "city"],
  "audit.view":               ["town",    "county",  "—",       "county",  "city",    "—"],
  "bulletin.publish":         ["—",       "county",  "—",       "—",       "—",       "—"],
  "import.town_values":       ["town",    "county",  "—",       "—",       "—",       "—"],
  "import.enterprise_values": ["town",    "county",  "—",       "—",       "—",       "—"],
  "import.projects":          ["town",    "county",  "—",       "—",       "—",       "—"],
  "import.enterprises":       ["—",       "county",  "—",       "—",       "—",       "—"],
  "import.plans":             ["—",       "county",  "—",       "—",       "—",       "—"],
  "import.history":           ["—",       "county",  "—",       "—",       "—",       "—"],
  admin:                      ["—",       "—",       "—",       "county",  "—",       "—"],
} as const;
const ROLES = ["REPORTER", "REVIEWER", "LEADER", "ADMIN", "CITY_REVIEWER", "CITY_LEADER"] as const;

describe("the role → capability table", () => {
  it("covers every role of the Prisma enum and every capability", () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...CAPABILITIES].sort());
  });

  for (const capability of CAPABILITIES) {
    it(`${capability}: ${EXPECTED[capability].join(" / ")}`, () => {
      expect(ROLES.map((role) => reachOf(role, capability) ?? "—")).toEqual(EXPECTED[capability]);
    });
  }

  it("read-only tokens lose exactly the capabilities that change data", () => {
    expect([...WRITE_CAPABILITIES].sort()).toEqual(
      ["report.edit", "report.review", "report.reopen", "county_report.edit", "county_report.review", "county_report.reopen", "county_plans.edit", "entries.edit", "registry.edit", "bulletin.publish", "import.town_values", "import.enterprise_values", "import.projects", "import.enterprises", "import.plans", "import.history", "admin"].sort(),
    );
  });
});

describe("period states", () => {
  const STATES = [null, "DRAFT", "RETURNED", "SUBMITTED", "APPROVED"] as const;
  const open = [true, true, true, false, false];

  it("figures of a town-period are written only while its report is not submitted or approved", () => {
    expect(STATES.map(isPeriodOpen)).toEqual(open);
    for (const c of ["report.edit", "entries.edit", "import.town_values", "import.enterprise_values", "import.projects"] as const) {
      expect(STATES.map((s) => periodAllows(c, s)), c).toEqual(open);
    }
    expect(STATES.map((s) => canImportInto("enterprise_values", s))).toEqual(open);
  });

  it("review needs a submitted report, reopening an approved one; registers and plans have no period", () => {
    expect(STATES.map((s) => periodAllows("report.review", s))).toEqual([false, false, false, true, false]);
    expect(STATES.map((s) => periodAllows("report.reopen", s))).toEqual([false, false, false, false, true]);
    // A county's own report has the town report's workflow.
    expect(STATES.map((s) => periodAllows("county_report.edit", s))).toEqual(open);
    expect(STATES.map((s) => periodAllows("county_report.review", s))).toEqual([false, false, false, true, false]);
    expect(STATES.map((s) => periodAllows("county_report.reopen", s))).toEqual([false, false, false, false, true]);
    expect(STATES.map((s) => canImportInto("plans", s))).toEqual([true, true, true, true, true]);
    expect(STATES.map((s) => canImportInto("enterprises", s))).toEqual([true, true, true, true, true]);
  });

  it("says why a period is locked, in Chinese", () => {
    expect(STATES.map(periodLockReason)).toEqual([null, null, null, "已报送、等待审核", "已审核通过并锁定"]);
  });
});
