import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { parseQuery, periodOrLatest, readableRegion } from "@/lib/api/context";
import { handle } from "@/lib/api/errors";
import { overviewQuery } from "@/lib/api/schemas";
import { getRegionOverview } from "@/lib/overview/query";
import { getPeerStanding } from "@/lib/peers/query";
import { countingFrom } from "@/lib/reports/periods";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const query = parseQuery(request, overviewQuery);
  const region = await readableRegion(user, query.region);
  const counting = countingFrom(query.include);
  const period = await periodOrLatest(region, query.period, counting);
  const overview = await getRegionOverview(region, period.year, period.month, undefined, counting);
  if (region.level !== "COUNTY") return NextResponse.json(overview);
  // A county in a city: its 全市位次, from the city's overview (the same figures the city sees).
  const s = await getPeerStanding(region, period, counting);
  const peers = s && { city: s.city, countyCount: s.countyCount, partial: s.partial, indicators: s.indicators.map((i) => ({ code: i.indicator.code, name: i.indicator.name, ranked: i.ranked, rankedByGrowth: i.rankedByGrowth, cell: i.cell })) };
  return NextResponse.json({ ...overview, peers });
});
