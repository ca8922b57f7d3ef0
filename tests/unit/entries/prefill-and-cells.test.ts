// The pure parts of the entry grids: which town indicators the enterprise sums prefill, the exact
// difference shown, and cell parsing with a field's own decimal limit and date rules.
import { describe, expect, it } from "vitest";
import { parseCell, sameFigure } from "@/lib/entries/cells";
import { PARK_FIELDS, parkAreaWarning, progressOverTotal, stageDateProblem } from "@/lib/entries/fields";
import { prefillDifference, prefillRows } from "@/lib/entries/prefill-rules";
import { INDICATORS } from "@/lib/indicators/catalog";

describe("prefillRows", () => {
  const sums = { aboveScale: 52, reported: 2, sums: { gross_output: "12000.5", tax: "30" }, codes: ["gross_output", "sales_revenue", "profit", "tax"] };
  const rows = prefillRows(INDICATORS, sums);

  it("follows the town form's order and maps 工业总产值 of enterprises to 规上工业总产值", () => {
    expect(rows.map((r) => r.target)).toEqual(["gross_output", "above_scale_output", "sales_revenue", "profit", "tax", "above_scale_count"]);
    expect(rows.find((r) => r.target === "above_scale_output")).toMatchObject({ sum: "12000.5", equivalent: true });
    expect(rows.find((r) => r.target === "above_scale_count")).toMatchObject({ sum: "52", equivalent: true });
  });

  it("shows whole-town indicators beside their 规上 part without ticking them", () => {
    expect(rows.find((r) => r.target === "gross_output")).toMatchObject({ sum: "12000.5", equivalent: false });
    expect(rows.find((r) => r.target === "sales_revenue")).toMatchObject({ sum: null, equivalent: false });
  });

  it("leaves out a town indicator whose enterprise figure is not reported per enterprise", () => {
    expect(prefillRows(INDICATORS, { ...sums, codes: ["tax"] }).map((r) => r.target)).toEqual(["tax", "above_scale_count"]);
  });
});

describe("prefillDifference", () => {
  it("is exact and missing when either side is", () => {
    expect(prefillDifference("15000.1", "12000.05")).toBe("3000.05");
    expect(prefillDifference("0.3", "0.1")).toBe("0.2");
    expect(prefillDifference(null, "1")).toBeNull();
    expect(prefillDifference("1", null)).toBeNull();
  });
});

describe("cells", () => {
  const area = PARK_FIELDS.find((f) => f.code === "developedArea")!;
  const count = PARK_FIELDS.find((f) => f.code === "enterpriseCount")!;
  it("parses like the town form and applies a field's decimal limit", () => {
    expect(parseCell(area, "１，２３４．５亩")).toEqual({ ok: true, value: "1234.5" });
    expect(parseCell(area, "12.345")).toEqual({ ok: false, message: "小数位数过多（最多2位）" });
    expect(parseCell(count, "12.5")).toMatchObject({ ok: false });
    expect(parseCell(PARK_FIELDS[1], "1.2亿")).toEqual({ ok: true, value: "12000" });
  });
  it("compares figures as decimals", () => {
    expect(sameFigure("12000", "12000.0000")).toBe(true);
    expect(sameFigure("", null)).toBe(true);
    expect(sameFigure("0", null)).toBe(false);
  });
  it("warns of an area above plan and refuses progress above the total", () => {
    expect(parkAreaWarning("12600", "12500")).toMatch(/超过规划面积/);
    expect(parkAreaWarning("12500", "12500")).toBeNull();
    expect(progressOverTotal("100.01", "100")).toMatch(/不能大于计划总投资/);
    expect(progressOverTotal("100", "100")).toBeNull();
  });
  it("dates a stage change no later than today and no earlier than the last change", () => {
    expect(stageDateProblem("2026-02-30", "2026-12-02", null)).toMatch(/YYYY-MM-DD/);
    expect(stageDateProblem("2026-12-03", "2026-12-02", null)).toMatch(/不能晚于今天/);
    expect(stageDateProblem("2026-05-01", "2026-12-02", "2026-05-15")).toMatch(/不能早于上次变更/);
    expect(stageDateProblem("2026-05-15", "2026-12-02", "2026-05-15")).toBeNull();
  });
});
