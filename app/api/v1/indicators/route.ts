import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { handle } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  await requireApiUser(request);
  const indicators = await getPrisma().indicator.findMany({
    where: { active: true },
    select: { code: true, name: true, unit: true, kind: true, precision: true, percentPrecision: true, priceBasis: true },
    orderBy: { sortOrder: "asc" },
  });
  return NextResponse.json({ indicators });
});
