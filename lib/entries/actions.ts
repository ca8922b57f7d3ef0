"use server";
// Server actions of the entry grids. Each is a public endpoint: parse with zod, then the service
// checks the named permission (canEditTownEntries) and the approval lock before anything else,
// saves in one transaction with its audit entries, and the answer is Chinese.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { ApiError, zodMessage } from "@/lib/api/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { parsePeriod, type Period } from "@/lib/stats";
import type { Caller } from "@/lib/permissions";
import { saveEnterpriseGrid } from "./enterprises";
import { saveParkGrid } from "./parks";
import { saveProjectGrid } from "./projects";
import { figureGridSave, projectGridSave } from "./schema";
import type { EntryActionResult, EntryConflict, StoredRow } from "./types";

function failure(error: unknown): EntryActionResult {
  if (error instanceof ApiError) {
    const details = (error.details ?? {}) as Record<string, unknown>;
    if (error.code === "conflict" && Array.isArray(details.rows)) return { ok: false, message: error.message, conflict: details as EntryConflict };
    return {
      ok: false,
      message: error.message,
      fieldErrors: details.fieldErrors as Record<string, string> | undefined,
      rowErrors: details.rowErrors as Record<string, string[]> | undefined,
    };
  }
  console.error("entry grid save failed", error);
  return { ok: false, message: "服务器处理失败，请稍后重试" };
}

async function run<S extends z.ZodType<{ town: string; period: string; rows: unknown[] }>>(
  schema: S,
  input: unknown,
  segment: "enterprises" | "parks" | "projects",
  save: (user: Caller, town: string, period: Period, rows: z.infer<S>["rows"]) => Promise<StoredRow[]>,
  what: string,
): Promise<EntryActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: zodMessage(parsed.error) };
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "未登录或登录已过期，请重新登录" };
  const { town, period, rows } = parsed.data;
  try {
    const saved = await save(user, town, parsePeriod(period)!, rows);
    revalidatePath(`/reports/${town}/${period}/${segment}`);
    revalidatePath(`/reports/${town}/${period}`);
    return { ok: true, message: `已保存 ${saved.length} ${what}的数据`, rows: saved };
  } catch (error) {
    return failure(error);
  }
}

export async function saveEnterpriseGridAction(input: unknown): Promise<EntryActionResult> {
  return run(figureGridSave, input, "enterprises", saveEnterpriseGrid, "家企业");
}

export async function saveParkGridAction(input: unknown): Promise<EntryActionResult> {
  return run(figureGridSave, input, "parks", saveParkGrid, "个园区");
}

export async function saveProjectGridAction(input: unknown): Promise<EntryActionResult> {
  return run(projectGridSave, input, "projects", saveProjectGrid, "个项目");
}
