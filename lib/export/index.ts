import "server-only";
// Which table an export asks for, built for the caller's readable scope with the list's own filters.
import type { ApiUser } from "@/lib/api/auth";
import { readableRegion } from "@/lib/api/context";
import { ApiError, forbidden, notFound } from "@/lib/api/errors";
import { attractionFilterSchema } from "@/lib/attraction/filters";
import { choosePeriod } from "@/lib/dashboard/period";
import { firmScope, narrowScope, readScope, townIdsOf, type ReadScope } from "@/lib/dashboard/scope";
import { enterpriseFilterSchema } from "@/lib/enterprises/filters";
import { INDICATORS } from "@/lib/indicators/catalog";
import { projectFilterSchema } from "@/lib/projects/filters";
import { invalidPeriodText } from "@/lib/stats";
import type { ExportTable } from "./table";
import { attractionTable, enterprisesTable, parksTable, projectsTable } from "./tables-registry";
import { overviewTable, privateEconomyTable } from "./tables-regional";

export const EXPORT_TABLES = ["overview", "enterprises", "projects", "parks", "attraction", "private-economy"] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export async function buildExportTable(user: ApiUser, name: ExportTableName, params: Record<string, string>): Promise<ExportTable> {
  const scope = await readScope(user);
  if (!scope) throw forbidden();
  const region = params.region ? await readableRegion(user, params.region) : scope.root;
  const { period, invalid } = await choosePeriod(region.id, params.period);
  if (invalid) throw new ApiError("bad_request", invalidPeriodText(params.period ?? ""));
  // Register tables honour `region` too: the readable scope narrowed to that region's subtree.
  const narrowed = await narrowScope(scope, region);
  const ids = townIdsOf(narrowed);
  const scopeName = narrowed.root.name;
  switch (name) {
    case "overview": {
      if (!period) throw notFound("本期数据");
      const code = INDICATORS.some((i) => i.code === params.indicator) ? params.indicator : "gross_output";
      const t = await overviewTable(region, period, code);
      if (!t) throw notFound("指标");
      return t;
    }
    case "private-economy":
      if (!period || region.level === "TOWN") throw notFound("本期数据");
      return privateEconomyTable(region, period);
    case "enterprises": {
      const f = enterpriseFilterSchema.parse(params);
      const firms = await firmTowns(user, narrowed, f.town);
      return enterprisesTable(firms.ids, period, f, firms.name ?? scopeName);
    }
    case "projects":
      return projectsTable(ids, period, projectFilterSchema.parse(params), scopeName);
    case "parks":
      return parksTable(ids, period, scopeName);
    case "attraction":
      return attractionTable(ids, period, attractionFilterSchema.parse(params), scopeName);
  }
}

/**
 * Per-firm rows: the narrowed scope's towns whose enterprise-level figures the caller may read
 * (a reporter: their own town). Asking for a town's firms the caller may not read is refused, not emptied.
 */
async function firmTowns(user: ApiUser, narrowed: ReadScope, townCode: string | undefined): Promise<{ ids: number[]; name: string | null }> {
  const firms = await firmScope(user);
  if (!firms) throw forbidden();
  const readable = new Set(townIdsOf(firms));
  const asked = townCode ? narrowed.towns.find((t) => t.code === townCode) : null;
  if ((townCode && (!asked || !readable.has(asked.id))) || (narrowed.root.level === "TOWN" && !readable.has(narrowed.root.id))) {
    throw new ApiError("forbidden", "只能导出本镇企业的明细数据");
  }
  return { ids: townIdsOf(narrowed).filter((id) => readable.has(id)), name: firms.firmRoot.level === "TOWN" ? firms.firmRoot.name : null };
}
