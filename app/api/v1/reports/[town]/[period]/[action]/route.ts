import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { ApiError, handle } from "@/lib/api/errors";
import { commentBody, periodFromPath, readJson, reasonBody, reportJson, transitionBody } from "@/lib/reports/api";
import { approveReport, reopenReport, returnReport, submitReport } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ town: string; period: string; action: string }> };

export const POST = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  const { town, period, action } = await params;
  const p = periodFromPath(period);
  // No body is the same as {}; a body too large, not JSON or not parseable is refused, not ignored.
  const raw = await readJson(request, { optional: true });
  let result;
  switch (action) {
    case "submit":
      result = await submitReport(user, town, p, transitionBody.parse(raw).version);
      break;
    case "approve":
      result = await approveReport(user, town, p, transitionBody.parse(raw).version);
      break;
    case "return": {
      const body = commentBody.parse(raw);
      result = await returnReport(user, town, p, body.comment, body.version);
      break;
    }
    case "reopen": {
      const body = reasonBody.parse(raw);
      result = await reopenReport(user, town, p, body.reason, body.version);
      break;
    }
    default:
      throw new ApiError("not_found", `不支持的操作 ${action}（可用：submit、approve、return、reopen）`);
  }
  return NextResponse.json(reportJson({ code: town, name: "" }, p, result));
});
