import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/api/auth";
import { handle } from "@/lib/api/errors";
import { readUploadForm } from "@/lib/import/http";
import { importScope, previewImport } from "@/lib/import/service";

export const dynamic = "force-dynamic";

/** Upload a file: parse, validate and compare with stored data; nothing is written but the job. */
export const POST = handle(async (request: Request) => {
  const user = await requireApiUser(request);
  await importScope(user); // permission first, before reading the upload
  const form = await readUploadForm(request);
  return NextResponse.json(await previewImport(user, form), { status: 201 });
});
