// The template's 乡镇 column offers the county's towns as a drop-down (a hidden list sheet), and
// the template uploaded back as is still imports nothing (its example row is skipped).
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseImport } from "@/lib/import/parse";
import { readUpload } from "@/lib/import/read";
import { buildTemplate } from "@/lib/import/template";
import { INDICATOR_REFS, testRefs } from "./refs";

describe("import template", () => {
  it("has a town drop-down from a hidden list, and reads back with no records", async () => {
    const buf = await buildTemplate("town_values", INDICATOR_REFS, { town: "戴南镇", period: "2024-08", year: "2024", towns: ["戴南镇", "张郭镇", "昭阳街道"] });
    const zip = await JSZip.loadAsync(buf);
    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet1).toMatch(/<dataValidation[^>]*type="list"[^>]*sqref="A2:A5000"/);
    expect(sheet1).toContain("&apos;乡镇列表&apos;!$A$1:$A$3");
    const sheets = await readUpload(buf, "模板.xlsx");
    expect(sheets.map((s) => s.name)).not.toContain("乡镇列表");
    const { records, problems } = parseImport("town_values", sheets, testRefs());
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([["warning", "模板示例行，已跳过"]]);
  });
});
