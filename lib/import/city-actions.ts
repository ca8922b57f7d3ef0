"use server";
// Server actions of the city's import (on /city/figures): upload → preview → commit, each a public
// endpoint that checks the city reviewer's permission in the service (lib/import/city.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { parsePeriod } from "@/lib/stats";
import { CITY_IMPORT_KINDS, commitCityImport, previewCityImport } from "./city";
import type { Problem } from "./types";

/** Server actions take at most 1 MB (next.config.ts); a city's table of counties is a few KB. */
const MAX_BYTES = 1024 * 1024 - 64 * 1024;

export type CityPreviewView = {
  ok: boolean;
  message: string;
  jobId?: number;
  committable?: boolean;
  counts?: { create: number; update: number; unchanged: number; errors: number; warnings: number };
  problems?: Problem[];
  actions?: { op: string; label: string }[];
};

const form = z.object({ kind: z.enum(CITY_IMPORT_KINDS, { message: "请选择导入的数据类型" }), period: z.string().regex(/^\d{4}-\d{2}$/, "统计期格式应为 YYYY-MM") });

async function caller() {
  const user = await getCurrentUser();
  if (!user) throw new ApiError("unauthorized", "未登录或登录已过期，请重新登录");
  return user;
}

const failure = (error: unknown): CityPreviewView => {
  if (error instanceof ApiError) return { ok: false, message: error.message };
  console.error("city import action failed", error);
  return { ok: false, message: "导入失败，所有数据均未写入，请稍后重试" };
};

export async function previewCityImportAction(data: FormData): Promise<CityPreviewView> {
  const parsed = form.safeParse({ kind: data.get("kind"), period: data.get("period") });
  const file = data.get("file");
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "请选择要导入的文件（.xlsx、.xls 或 .csv）" };
  if (file.size > MAX_BYTES) return { ok: false, message: "文件超过1 MB：全市分县表通常只有几十KB，请删去无关的工作表后重新上传" };
  try {
    const user = await caller();
    const period = parsePeriod(parsed.data.period);
    const p = await previewCityImport(user, {
      kind: parsed.data.kind,
      fileName: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
      // Plans are for a year; the month's table may state its period in each sheet's title.
      period: parsed.data.kind === "city_plans" && period ? { year: period.year, month: 12 } : period,
    });
    return {
      ok: p.counts.errors === 0,
      message: p.counts.errors > 0 ? `有${p.counts.errors}处错误，未导入任何数据；请修正文件后重新上传` : `预览：新增${p.counts.create}、更新${p.counts.update}、未变${p.counts.unchanged}；确认后导入`,
      jobId: p.jobId,
      committable: p.committable,
      counts: p.counts,
      problems: p.problems.slice(0, 100),
      actions: p.actions.slice(0, 100).map((a) => ({ op: a.op, label: a.label })),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function commitCityImportAction(jobId: unknown): Promise<CityPreviewView> {
  const id = z.number().int().positive().safeParse(jobId);
  if (!id.success) return { ok: false, message: "导入任务不存在" };
  try {
    const r = await commitCityImport(await caller(), id.data);
    revalidatePath("/city/figures");
    return { ok: true, message: `已导入：新增${r.created}、更新${r.updated}、未变${r.unchanged}` };
  } catch (error) {
    return failure(error);
  }
}
