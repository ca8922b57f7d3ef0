import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { ApiError, forbidden, handle } from "@/lib/api/errors";
import { runChecks } from "@/lib/checks";
import { getPrisma } from "@/lib/db/client";
import { canViewReport } from "@/lib/permissions";
import { checksBody, readJson } from "@/lib/reports/api";
import { checkInputOf, loadReportContext } from "@/lib/reports/context";
import { parseValues } from "@/lib/reports/service";
import { getRegionByCode } from "@/lib/regions";
import { parsePeriod } from "@/lib/stats";

export const dynamic = "force-dynamic";

/** Pre-check figures against the town's stored context (last month, last year, plans) without saving. */
export const POST = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const input = checksBody.parse(await readJson(request));
  const town = await getRegionByCode(input.region);
  if (!town || town.level !== "TOWN") throw new ApiError("not_found", `乡镇 ${input.region} 不存在`);
  if (!(await canViewReport(user, town.id))) throw forbidden();
  const period = parsePeriod(input.period)!;
  const ctx = await loadReportContext(getPrisma(), town.id, period.year, period.month);
  // The same parser as a save: "1e309" or 10^14 万元 is a field error, never a growth of 60,292…%.
  const values = parseValues(ctx.indicators, input.values);
  const result = runChecks(checkInputOf(ctx, period.month, values));
  return NextResponse.json({ errors: result.errors, warnings: result.warnings });
});
