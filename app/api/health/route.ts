import { NextResponse } from "next/server";
import { currentDatabaseKind } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrations";

export const dynamic = "force-dynamic";

/**
 * Liveness with a real query, for load balancers and the wall screen's reconnect logic. 503 when the
 * database is unreachable or lacks some of the code's migrations (a half-migrated instance).
 */
export async function GET() {
  try {
    const pending = await pendingMigrations();
    const db = currentDatabaseKind();
    if (pending.length > 0) {
      const message = `数据库有 ${pending.length} 个迁移尚未应用，请运行 npm run db:deploy`;
      return NextResponse.json({ ok: false, db, pendingMigrations: pending, error: { code: "migrations_pending", message } }, { status: 503 });
    }
    return NextResponse.json({ ok: true, db, pendingMigrations: [] });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ ok: false, error: { code: "db_unavailable", message: "数据库不可用" } }, { status: 503 });
  }
}
