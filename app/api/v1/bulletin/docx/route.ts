import { requireApiUser } from "@/lib/api/auth";
import { readJsonBody } from "@/lib/api/body";
import { ApiError, handle } from "@/lib/api/errors";
import { textToSections } from "@/lib/bulletin/compose";
import { bulletinDocxFile, docxResponse } from "@/lib/bulletin/export";
import { bulletinExportSchema, bulletinHeadSchema, defaultHead } from "@/lib/bulletin/head";
import { bulletinTarget, getBulletinView, parseRevision, statusLabel } from "@/lib/bulletin/service";
import { canPublishBulletin } from "@/lib/permissions";

export const dynamic = "force-dynamic";

const firstIssue = (e: { issues: { message: string }[] }) => new ApiError("bad_request", e.issues[0]?.message ?? "填写有误");

/**
 * GET /api/v1/bulletin/docx?region=&period=&revision=[&issuer=&docNumber=&issueDate=] — a kept version
 * (that revision, else the latest, else the generated text) as a Word document; the head is drafted
 * unless given.
 */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const params = new URL(request.url).searchParams;
  const { county, period } = await bulletinTarget(user, params.get("region") ?? undefined, params.get("period") ?? undefined);
  const view = await getBulletinView(county, period, parseRevision(params.get("revision")));
  const given = Object.fromEntries(["issuer", "docNumber", "issueDate"].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  // The query's head, else the one kept with the revision, else the drafted one.
  const head = bulletinHeadSchema.safeParse({ ...defaultHead(county, period), ...(view.current.head ?? {}), ...given });
  if (!head.success) throw firstIssue(head.error);
  const file = await bulletinDocxFile({ county, period, data: view.data, head: head.data, title: view.current.title, sections: view.current.sections, source: statusLabel(view.current), revision: view.current.revision });
  return docxResponse(file);
});

/**
 * POST /api/v1/bulletin/docx {region, period, issuer, docNumber, issueDate, title, body} — the text as
 * the reviewer edited it on the page (存在问题 and 下步工作 included), not yet saved, as a Word document.
 * County reviewers only: it is the bureau's document.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const parsed = bulletinExportSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) throw firstIssue(parsed.error);
  const input = parsed.data;
  const { county, period } = await bulletinTarget(user, input.region, input.period);
  if (!(await canPublishBulletin(user, county.id))) throw new ApiError("forbidden", "只有县局审核员可以导出编辑中的通报");
  const view = await getBulletinView(county, period);
  if (/NaN|undefined|Infinity/.test(input.body)) throw new ApiError("bad_request", "正文中含有无效数值（NaN/undefined），请修改后再导出");
  const file = await bulletinDocxFile({ county, period, data: view.data, head: input, title: input.title, sections: textToSections(input.body), source: "页面编辑稿", revision: null });
  return docxResponse(file);
});
