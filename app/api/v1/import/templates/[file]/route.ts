import { requireApiUser } from "@/lib/api/auth";
import { handle, notFound } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";
import { loadIndicatorRefs } from "@/lib/import/facts";
import { importScope } from "@/lib/import/service";
import { buildTemplate } from "@/lib/import/template";
import { IMPORT_KIND_LABELS, isImportKind } from "@/lib/import/types";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ file: string }> };

/** GET /api/v1/import/templates/town_values.xlsx — the template with Chinese headers and an example row. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  const scope = await importScope(user);
  const kind = (await params).file.replace(/\.xlsx$/, "");
  if (!isImportKind(kind)) throw notFound("导入模板");
  const db = getPrisma();
  const towns = await db.region.findMany({ where: scope.onlyTownId ? { id: scope.onlyTownId } : { parentId: scope.county.id }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { name: true } });
  const town = towns[0];
  const now = new Date();
  const period = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const body = await buildTemplate(kind, await loadIndicatorRefs(db), { town: town?.name ?? "某某镇", period, year: String(now.getFullYear()), towns: towns.map((t) => t.name) });
  const name = `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
});
