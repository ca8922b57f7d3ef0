import { requireApiUser } from "@/lib/api/auth";
import { handle, notFound } from "@/lib/api/errors";
import { buildCsv } from "@/lib/export/csv";
import { buildExportTable, EXPORT_TABLES, type ExportTableName } from "@/lib/export";
import { buildXlsx } from "@/lib/export/xlsx";

export const dynamic = "force-dynamic";

const isTable = (t: string): t is ExportTableName => (EXPORT_TABLES as readonly string[]).includes(t);

/** GET /api/v1/export/<table>?format=xlsx|csv&…the list's filters… — the caller's scope only. */
export const GET = handle(async (request: Request, ctx: { params: Promise<{ table: string }> }) => {
  const user = await requireApiUser(request);
  const { table } = await ctx.params;
  if (!isTable(table)) throw notFound(`导出表 ${table} `);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const t = await buildExportTable(user, table, params);
  const stamp = `${t.title}_${t.periodLabel}`.replace(/[\\/:*?"<>|\s]/g, "");
  if (params.format === "csv") {
    return new Response(buildCsv(t), { headers: disposition("text/csv; charset=utf-8", `${stamp}.csv`) });
  }
  const body = await buildXlsx(t);
  return new Response(new Uint8Array(body), { headers: disposition("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${stamp}.xlsx`) });
});

function disposition(type: string, filename: string): HeadersInit {
  return { "Content-Type": type, "Content-Disposition": `attachment; filename="export.${filename.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(filename)}`, "Cache-Control": "no-store" };
}
