import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { handle, notFound } from "@/lib/api/errors";
import { commitImport } from "@/lib/import/commit";
import { importScope } from "@/lib/import/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Write a previewed import: all or nothing, in one transaction, audited. */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  await importScope(user);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound("导入任务");
  return NextResponse.json(await commitImport(user, id));
});
