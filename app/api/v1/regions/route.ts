import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { forbidden, handle } from "@/lib/api/errors";
import { listRegionsInScope } from "@/lib/regions/scope";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  const regions = await listRegionsInScope(user);
  if (regions === null) throw forbidden();
  return NextResponse.json({ regions });
});
