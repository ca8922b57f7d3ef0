import { NextResponse } from "next/server";
import { currentDatabaseKind, getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness with a real query, for load balancers and the wall screen's reconnect logic. */
export async function GET() {
  try {
    const rows = await getPrisma().$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
    return NextResponse.json({ ok: rows[0]?.ok === 1, db: currentDatabaseKind() });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ ok: false, error: { code: "db_unavailable", message: "数据库不可用" } }, { status: 503 });
  }
}
