import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { parseQuery } from "@/lib/api/context";
import { forbidden, handle, notFound } from "@/lib/api/errors";
import { auditQuery } from "@/lib/audit/api";
import { auditCsv, listTownAudit } from "@/lib/audit/queries";
import { canViewAudit } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit?town=<code>[&action&from&to&field][&format=csv] — a town's audit trail. */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const q = parseQuery(request, auditQuery);
  const town = await getRegionByCode(q.town);
  if (!town || town.level !== "TOWN") throw notFound(`乡镇 ${q.town} `);
  if (!(await canViewAudit(user, town.id))) throw forbidden();
  const rows = await listTownAudit(town.id, q, 50_000);
  if (q.format === "csv") {
    return new Response(auditCsv(town.name, rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${town.code}.csv"; filename*=UTF-8''${encodeURIComponent(`${town.name}审计日志.csv`)}`,
        "cache-control": "no-store",
      },
    });
  }
  return NextResponse.json({
    town: { code: town.code, name: town.name },
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
  });
});
