import { requireApiUser } from "@/lib/api/auth";
import { handle } from "@/lib/api/errors";
import { bulletinDocx } from "@/lib/bulletin/docx";
import { bulletinTarget, getBulletinView } from "@/lib/bulletin/service";
import { bulletinTables } from "@/lib/bulletin/tables";
import { formatPeriodKey, formatPeriodRange } from "@/lib/stats";

export const dynamic = "force-dynamic";

/** GET /api/v1/bulletin/docx?region=&period= — the bulletin (latest revision, else generated) as a Word document. */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const params = new URL(request.url).searchParams;
  const { county, period } = await bulletinTarget(user, params.get("region") ?? undefined, params.get("period") ?? undefined);
  const view = await getBulletinView(county, period);
  const status = view.current.source === "published" ? `第${view.current.revision}版` : view.current.source === "draft" ? "草稿" : "系统生成稿";
  const body = await bulletinDocx({
    title: view.current.title,
    subtitle: `${county.name}经济发展局　${formatPeriodRange(period.year, period.month)}（${status}）`,
    sections: view.current.sections,
    tables: bulletinTables(view.data),
  });
  const name = `${county.name}通报-${formatPeriodKey(period)}.docx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="bulletin-${formatPeriodKey(period)}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
});
