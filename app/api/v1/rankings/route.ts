import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { findIndicator, parseQuery, periodOrLatest, readableRegion } from "@/lib/api/context";
import { handle } from "@/lib/api/errors";
import { rankingsQuery } from "@/lib/api/schemas";
import { getRanking } from "@/lib/overview/rankings";
import { countingFrom } from "@/lib/reports/periods";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const query = parseQuery(request, rankingsQuery);
  const region = await readableRegion(user, query.region);
  const { id: _id, active: _active, ...indicator } = await findIndicator(query.indicator);
  const counting = countingFrom(query.include);
  const period = await periodOrLatest(region, query.period, counting);
  return NextResponse.json(await getRanking(region, period, indicator, query.by, counting));
});
