// A NUL or U+FFFF in any text of the bulletin (a region name, an edited paragraph) must not make
// the .docx malformed: the writer drops what XML 1.0 forbids, and a strict XML parser reads it.
import { describe, expect, it } from "vitest";
import { bulletinDocx } from "@/lib/bulletin/docx";
import { readDocx } from "../../integration/bulletin-docx-reader";

describe("bulletinDocx with characters XML forbids", () => {
  it("writes a document a strict XML parser accepts, without those characters", async () => {
    const bytes = await bulletinDocx({
      head: { issuer: "经济发展局\uFFFF", docNumber: "兴经发〔2026〕\u00017号", issueDate: "2026年12月4日" },
      title: "兴化市\u0000通报",
      sections: [{ heading: "一、总体\u0008情况", paragraphs: ["产值增长\u0000一成\uD800。"] }],
      tables: [{ title: "分乡镇\u000B表", headers: ["乡镇", "产值"], rows: [["戴南\u0000镇", "1.2\uFFFE"]], totalRow: ["合计", "9"] }],
    });
    const doc = await readDocx(bytes);
    const text = JSON.stringify(doc);
    expect(text).toContain("兴化市通报");
    expect(text).toContain("兴经发〔2026〕7号");
    expect(text).toContain("产值增长一成。");
    expect(text).toContain("戴南镇");
    expect(text).not.toMatch(/\\u0000|\\u0001|\\uffff|\\ufffe/i);
  });
});
