// The wall screen's data, for its kiosk token: the county's latest counted period, re-read and
// re-checked on every call (a revoked or expired link is refused at the wall's next refresh).
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/errors";
import { verifyKioskToken } from "@/lib/kiosk";
import { WALL_REFUSED_MESSAGE } from "@/lib/kiosk/types";
import { getWallData } from "@/lib/kiosk/wall";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export const GET = handle(async (request: Request) => {
  const access = await verifyKioskToken(new URL(request.url).searchParams.get("k"));
  if (!access.ok) {
    // One answer for missing, unknown, revoked and expired links: the credential is not valid.
    return NextResponse.json({ error: { code: "unauthorized", reason: access.reason, message: WALL_REFUSED_MESSAGE } }, { status: 401, headers: NO_STORE });
  }
  return NextResponse.json(await getWallData(access.region), { headers: NO_STORE });
});
