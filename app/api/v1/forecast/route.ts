import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { findIndicator, parseQuery, periodOrLatest, readableRegion } from "@/lib/api/context";
import { handle } from "@/lib/api/errors";
import { getRegionForecast } from "@/lib/forecast/query";
import { forecastQuery } from "@/lib/forecast/schema";
import { countingFrom } from "@/lib/reports/periods";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const query = parseQuery(request, forecastQuery);
  const region = await readableRegion(user, query.region);
  const counting = countingFrom(query.include);
  const [period, indicator] = await Promise.all([periodOrLatest(region, query.period, counting), findIndicator(query.indicator)]);
  return NextResponse.json(await getRegionForecast(region, period.year, period.month, indicator, { threshold: query.threshold, counting }));
});
