import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { findIndicator, parseQuery, readableRegion } from "@/lib/api/context";
import { handle } from "@/lib/api/errors";
import { seriesQuery } from "@/lib/api/schemas";
import { getSeries } from "@/lib/overview/series";
import { countingFrom } from "@/lib/reports/periods";
import { parsePeriod } from "@/lib/stats";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const query = parseQuery(request, seriesQuery);
  const region = await readableRegion(user, query.region);
  const { id, active: _active, ...indicator } = await findIndicator(query.indicator);
  const points = await getSeries(region, { id, kind: indicator.kind }, parsePeriod(query.from)!, parsePeriod(query.to)!, countingFrom(query.include));
  return NextResponse.json({ region: { code: region.code, name: region.name }, indicator, points });
});
