// The official-document head of the 通报 (GB/T 9704 in spirit): 发文机关, 发文字号 and 成文日期.
// Drafted from the county and the period; the author edits them on the page and they travel with
// the export request (nothing kept in server memory). Pure.
import { z } from "zod";
import { safeText } from "@/lib/input/text";
import { periodKeyProblem } from "@/lib/stats";

export type BulletinHead = {
  /** 发文机关, e.g. "兴化市经济发展局". */
  issuer: string;
  /** 发文字号, e.g. "兴经发〔2026〕7号" (hexagonal brackets). */
  docNumber: string;
  /** 成文日期 as YYYY-MM-DD (an <input type="date"> value); printed as "2026年12月4日". */
  issueDate: string;
};

/** Today in China (the bureau's calendar day), as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The drafted head: the county's 经济发展局 as issuer; 文号 "<first character of the county>经发〔issue
 * year〕<N>号" with N the period's month (monthly bulletins are numbered through the year; the
 * author changes it to the register's next number); dated today.
 */
export function defaultHead(county: { name: string }, period: { month: number }, today = todayInChina()): BulletinHead {
  const year = today.slice(0, 4);
  return { issuer: `${county.name}经济发展局`, docNumber: `${[...county.name][0] ?? ""}经发〔${year}〕${period.month}号`, issueDate: today };
}

/** "2026-12-04" → "2026年12月4日" (GB/T 9704: Arabic numerals, no leading zeros). */
export function formatIssueDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** Square, bold or round brackets typed around the year become the hexagonal 〔〕 that 文号 use. */
export const normalizeDocNumber = (s: string) => s.replace(/[[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]/g, "〔$1〕");

const isRealDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/** Also parsed in the browser (the editor checks the head before asking for the Word file). */
export const bulletinHeadSchema = z.object({
  issuer: safeText().trim().min(1, "发文机关不能为空").max(40, "发文机关最多40字"),
  docNumber: safeText().trim().min(1, "文号不能为空").max(40, "文号最多40字").transform(normalizeDocNumber),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "成文日期格式应为 YYYY-MM-DD").refine(isRealDate, "成文日期不是有效日期"),
});

/** The Word export of the text on the page: the head, the title and the body as edited. */
export const bulletinExportSchema = bulletinHeadSchema.extend({
  region: z.string().regex(/^\d{12}$/, "地区代码不正确"),
  period: z.string().superRefine((key, ctx) => {
    const problem = periodKeyProblem(key);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  title: safeText().trim().min(1, "标题不能为空").max(120, "标题最多120字"),
  body: safeText().trim().min(1, "正文不能为空").max(50_000, "正文过长"),
});
export type BulletinExportInput = z.infer<typeof bulletinExportSchema>;
