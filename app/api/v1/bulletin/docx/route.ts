import { requireApiUser } from "@/lib/api/auth";
import { handle } from "@/lib/api/errors";
import { bulletinDocx } from "@/lib/bulletin/docx";
import { bulletinTarget, getBulletinView, parseRevision, statusLabel } from "@/lib/bulletin/service";
import { bulletinTables } from "@/lib/bulletin/tables";
import { formatPeriodKey, formatPeriodRange } from "@/lib/stats";

export const dynamic = "force-dynamic";

/** GET /api/v1/bulletin/docx?region=&period=&revision= — the bulletin (that revision, else the latest, else generated) as a Word document. */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const params = new URL(request.url).searchParams;
  const { county, period } = await bulletinTarget(user, params.get("region") ?? undefined, params.get("period") ?? undefined);
  const view = await getBulletinView(county, period, parseRevision(params.get("revision")));
  const range = formatPeriodRange(period.year, period.month);
  const body = await bulletinDocx({
    title: view.current.title,
    subtitle: `${county.name}经济发展局　${range}　${statusLabel(view.current)}`,
    header: `${county.name}乡镇工业经济运行情况通报　${range}`,
    sections: view.current.sections,
    tables: bulletinTables(view.data),
  });
  const suffix = view.current.revision === null ? "" : `-第${view.current.revision}版`;
  const name = `${county.name}通报-${formatPeriodKey(period)}${suffix}.docx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="bulletin-${formatPeriodKey(period)}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
});
