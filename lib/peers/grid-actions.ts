"use server";
// Server actions of the city grid (/city/figures). Each is a public endpoint: zod first, the city
// reviewer's permission (lib/permissions via the services), then the service; answers in Chinese.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError, zodMessage } from "@/lib/api/errors";
import { periodKeySchema } from "@/lib/api/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { safeText } from "@/lib/input/text";
import { approveReport, submitReport } from "@/lib/reports/service";
import { parsePeriod } from "@/lib/stats";
import { gridCity, saveCityGrid, type GridSaveResult } from "./grid";

const code = z.string().regex(/^\d{12}$/, "县（市、区）代码无效");
const figure = safeText().max(40, "数值过长");
const saveInput = z.object({
  period: periodKeySchema,
  rows: z
    .array(z.object({ code, version: z.number().int().min(0), values: z.record(z.string().max(40), figure), seen: z.record(z.string().max(40), z.string().max(40).nullable()).optional() }))
    .max(100, "一次最多保存100个县（市、区）"),
});
const stepInput = z.object({ period: periodKeySchema, code, version: z.number().int().min(0), step: z.enum(["submit", "approve"]) });

export type GridActionResult = { ok: boolean; message: string; errors?: Record<string, string> };

async function caller() {
  const user = await getCurrentUser();
  if (!user) throw new ApiError("unauthorized", "未登录或登录已过期，请重新登录");
  await gridCity(user);
  return user;
}

const failure = (error: unknown): GridActionResult => {
  if (error instanceof ApiError) return { ok: false, message: error.message };
  console.error("city grid action failed", error);
  return { ok: false, message: "保存失败，请稍后重试" };
};

export async function saveCityGridAction(input: unknown): Promise<GridActionResult> {
  const parsed = saveInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: zodMessage(parsed.error) };
  try {
    const user = await caller();
    const result: GridSaveResult = await saveCityGrid(user, parsePeriod(parsed.data.period)!, parsed.data.rows);
    revalidatePath("/city/figures");
    const failed = Object.keys(result.errors).length;
    if (failed === 0) return { ok: true, message: result.saved.length === 0 ? "没有需要保存的修改" : `已保存${result.saved.length}个县（市、区）的数据` };
    return { ok: false, message: `${result.saved.length > 0 ? `已保存${result.saved.length}个县（市、区），` : ""}${failed}个未保存`, errors: result.errors };
  } catch (error) {
    return failure(error);
  }
}

/** 报送 or 审核通过 one county-level report (the report workflow's own checks and audit). */
export async function stepCountyReportAction(input: unknown): Promise<GridActionResult> {
  const parsed = stepInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: zodMessage(parsed.error) };
  try {
    const user = await caller();
    const period = parsePeriod(parsed.data.period)!;
    if (parsed.data.step === "submit") await submitReport(user, parsed.data.code, period, parsed.data.version);
    else await approveReport(user, parsed.data.code, period, parsed.data.version);
    revalidatePath("/city/figures");
    return { ok: true, message: parsed.data.step === "submit" ? "已报送" : "已审核通过" };
  } catch (error) {
    return failure(error);
  }
}
