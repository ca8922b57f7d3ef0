import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { parseQuery } from "@/lib/api/context";
import { ApiError, forbidden, handle, notFound } from "@/lib/api/errors";
import { submissionsQuery } from "@/lib/api/schemas";
import { canViewSubmissions } from "@/lib/permissions";
import { getRegionByCode } from "@/lib/regions";
import { getSubmissionBoard } from "@/lib/reports/board";
import { parsePeriod } from "@/lib/stats";

export const dynamic = "force-dynamic";

/** GET /api/v1/submissions?region=<county>&period=YYYY-MM — the submission board as JSON. */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const q = parseQuery(request, submissionsQuery);
  const county = await getRegionByCode(q.region);
  if (!county) throw notFound(`地区 ${q.region} `);
  if (!(await canViewSubmissions(user, county.id))) throw forbidden();
  // A county's towns report to it; a city's counties without town detail report to the city (decision 016).
  if (county.level === "TOWN") throw new ApiError("bad_request", "报送情况按县（市、区）或市查询：region 应为县级或市级区划代码");
  const board = await getSubmissionBoard(county.id, parsePeriod(q.period)!);
  if (!board) throw notFound(`地区 ${q.region} `);
  return NextResponse.json({
    county: board.county,
    period: board.period,
    deadline: board.deadline.toISOString(),
    deadlineDay: board.deadlineDay,
    counts: board.counts,
    onTimeRate: board.onTimeRate,
    towns: board.rows.map((r) => ({
      code: r.town.code,
      name: r.town.name,
      state: r.state,
      timeliness: r.timeliness,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reviewerComment: r.reviewerComment,
    })),
  });
});
