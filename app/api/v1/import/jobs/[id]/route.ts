import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { handle, notFound } from "@/lib/api/errors";
import { importScope, getImportJob } from "@/lib/import/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The job's state: preview, progress (rowsDone of rowsTotal) or result. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  await importScope(user);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound("导入任务");
  return NextResponse.json(await getImportJob(user, id));
});
