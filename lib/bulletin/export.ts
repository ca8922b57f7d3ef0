import "server-only";
// The Word file of a bulletin, for both ways the route is asked: a kept version (GET) and the text
// as edited on the page (POST). One function, so the two files differ only in their text.
import { formatPeriodKey, formatPeriodRange, type Period } from "@/lib/stats";
import { bulletinDocx } from "./docx";
import { formatIssueDate, type BulletinHead } from "./head";
import { bulletinTables } from "./tables";
import type { BulletinData, Section } from "./types";

export type BulletinDocxRequest = {
  county: { name: string };
  period: Period;
  data: BulletinData;
  head: BulletinHead;
  title: string;
  sections: Section[];
  /** How the text came about ("已发布第2版", "页面编辑稿"): in the file's properties, not on the page. */
  source: string;
  revision: number | null;
};

export async function bulletinDocxFile(r: BulletinDocxRequest): Promise<{ bytes: Buffer; fileName: string; asciiName: string }> {
  const range = formatPeriodRange(r.period.year, r.period.month);
  const bytes = await bulletinDocx({
    head: { issuer: r.head.issuer, docNumber: r.head.docNumber, issueDate: formatIssueDate(r.head.issueDate) },
    title: r.title,
    sections: r.sections,
    tables: bulletinTables(r.data),
    provenance: `乡镇工业统计平台根据${r.county.name}${range}数据起草（${r.source}）`,
  });
  const key = formatPeriodKey(r.period);
  const suffix = r.revision === null ? "" : `-第${r.revision}版`;
  return { bytes, fileName: `${r.county.name}通报-${key}${suffix}.docx`, asciiName: `bulletin-${key}.docx` };
}

export function docxResponse(file: { bytes: Buffer; fileName: string; asciiName: string }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "cache-control": "private, no-store",
    },
  });
}
