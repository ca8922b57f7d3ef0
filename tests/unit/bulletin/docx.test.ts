// The Word export's column widths: they fill the A4 text width and follow the widest cell, so
// numbers and short headers do not wrap.
import { describe, expect, it } from "vitest";
import { columnWidths } from "@/lib/bulletin/docx";
import type { Table } from "@/lib/bulletin/tables";

const table: Table = {
  title: "表1",
  headers: ["乡镇（街道）", "1–7月累计", "同比", "总量排名"],
  totalRow: ["全市合计", "4,723,937.87", "+20.0%", ""],
  rows: [["兴化高新区", "342,680.86", "—", "7"]],
};

describe("columnWidths", () => {
  it("fills the text width exactly", () => {
    expect(columnWidths(table, 8844).reduce((a, b) => a + b, 0)).toBe(8844);
    expect(columnWidths(table, 3000).reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it("gives each column what its widest cell or short header needs, and shares the rest in proportion", () => {
    // Needs at 105 twips per half-character plus 160 for the cell: 12 units for "乡镇（街道）" and for
    // "4,723,937.87", 8 for "总量排名", 6 for "+20.0%".
    const need = [12, 12, 6, 8].map((u) => u * 105 + 160);
    const widths = columnWidths(table, 8844);
    widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(need[i]));
    expect(Math.abs(widths[1] - widths[0])).toBeLessThanOrEqual(4); // the first column takes the rounding remainder
    expect(widths[1] / widths[3]).toBeCloseTo(need[1] / need[3], 2);
  });

  it("shrinks every column in proportion when the needs exceed the page", () => {
    const [a, b, c, d] = columnWidths(table, 3000);
    expect(a).toBeGreaterThanOrEqual(b);
    expect(b).toBeGreaterThan(d);
    expect(d).toBeGreaterThan(c);
  });
});
