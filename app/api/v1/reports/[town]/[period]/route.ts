import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { handle } from "@/lib/api/errors";
import { periodFromPath, readJson, reportJson, saveBody } from "@/lib/reports/api";
import { getReport, saveReport } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ town: string; period: string }> };

export const GET = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  const { town, period } = await params;
  const report = await getReport(user, town, periodFromPath(period));
  return NextResponse.json({ ...reportJson(report.town, report.period, report), checks: report.checks });
});

export const PUT = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  const { town, period } = await params;
  const p = periodFromPath(period);
  const body = saveBody.parse(await readJson(request));
  const saved = await saveReport(user, town, p, body);
  return NextResponse.json(reportJson({ code: town, name: "" }, p, saved));
});
