import { requireApiUser } from "@/lib/api/auth";
import { handle, notFound } from "@/lib/api/errors";
import { buildProblemsWorkbook } from "@/lib/import/problems-xlsx";
import { getImportProblems, importScope } from "@/lib/import/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/import/jobs/{id}/problems — the preview's problems as 问题清单.xlsx (the job's creator only, as the preview). */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  const user = await requireApiUser(request);
  await importScope(user);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound("导入任务");
  const job = await getImportProblems(user, id);
  const body = await buildProblemsWorkbook(job.problems, { fileName: job.fileName, total: job.total });
  const base = job.fileName.replace(/\.[^.]+$/, "") || "导入文件";
  const name = `${base}-问题清单.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="import-${id}-problems.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
});
