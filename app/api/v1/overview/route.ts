import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { parseQuery, periodOrLatest, readableRegion } from "@/lib/api/context";
import { handle } from "@/lib/api/errors";
import { overviewQuery } from "@/lib/api/schemas";
import { getRegionOverview } from "@/lib/overview/query";
import { countingFrom } from "@/lib/reports/periods";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const query = parseQuery(request, overviewQuery);
  const region = await readableRegion(user, query.region);
  const counting = countingFrom(query.include);
  const period = await periodOrLatest(region, query.period, counting);
  return NextResponse.json(await getRegionOverview(region, period.year, period.month, undefined, counting));
});
