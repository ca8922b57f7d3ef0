// Hostile or wrong files are refused with a Chinese message before exceljs parses them.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/import/csv";
import { ImportRefused, MAX_UPLOAD_BYTES } from "@/lib/import/limits";
import { parseImport } from "@/lib/import/parse";
import { readUpload } from "@/lib/import/read";
import { toCsv } from "../../fixtures/import-workbooks";
import { testRefs } from "./refs";

async function refused(buf: Buffer, name: string): Promise<string> {
  const err = await readUpload(buf, name).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ImportRefused);
  return (err as Error).message;
}

describe("readUpload refuses hostile files", () => {
  it("too big, empty, legacy .xls, unknown types", async () => {
    expect(await refused(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41), "big.csv")).toMatch(/超过 10 MB/);
    expect(await refused(Buffer.alloc(0), "e.xlsx")).toBe("文件为空");
    expect(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), "old.xls")).toMatch(/无法读取该 Excel 文件/);
    expect(await refused(Buffer.from("%PDF-1.4"), "a.pdf")).toBe("只接受 .xlsx、.xls 或 .csv 文件");
  });

  it("a zip bomb: a small file that inflates a thousandfold", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(24 * 1024 * 1024, 0x20));
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(buf.length).toBeLessThan(100 * 1024);
    expect(await refused(buf, "bomb.xlsx")).toMatch(/压缩炸弹/);
  }, 30_000);

  it("a zip whose headers lie about the inflated size", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/a.xml", Buffer.alloc(2 * 1024 * 1024, 0x20));
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    // Patch the central directory's uncompressed size of the second entry down to 10 bytes.
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(10, cd + 24);
    expect(await refused(buf, "liar.xlsx")).toMatch(/压缩炸弹|不是有效/);
  });

  it("a zip that is not a workbook, and garbage named .xlsx", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    expect(await refused(await zip.generateAsync({ type: "nodebuffer" }), "a.xlsx")).toMatch(/不是有效的 Excel/);
    expect(await refused(Buffer.concat([Buffer.from("PK"), Buffer.alloc(100)]), "a.xlsx")).toMatch(/不是有效的 Excel/);
  });
});

describe("CSV", () => {
  const rows = [["乡镇", "统计期", "工业总产值"], ["戴南镇", "2024-08", "1,234.5"], ["张郭镇", "2024-08", "3500万"]];

  it("reads UTF-8 with and without a BOM", async () => {
    const text = toCsv(rows);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    for (const buf of [utf8, Buffer.from(text, "utf8")]) {
      const { records } = parseImport("town_values", await readUpload(buf, "t.csv"), testRefs());
      expect(records.map((r) => ("values" in r ? r.values.gross_output : null))).toEqual(["1234.5", "3500"]);
    }
  });

  it("detects GB18030 when the bytes are not UTF-8", () => {
    // "戴南镇" in GB18030/GBK.
    const bytes = Buffer.from([0xb4, 0xf7, 0xc4, 0xcf, 0xd5, 0xf2]);
    expect(decodeText(bytes)).toBe("戴南镇");
  });

  it("a CSV over the row limit is refused", async () => {
    const many = "乡镇,工业总产值\n" + "戴南镇,1\n".repeat(100_100);
    expect(await refused(Buffer.from(many), "many.csv")).toMatch(/行数超过100,000行/);
  });
});
