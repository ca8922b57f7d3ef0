import "server-only";
// Reading an upload from a request without ever holding more than the size limit in memory.
import { z } from "zod";
import { bodyTooLarge, readBodyLimited } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { safeText } from "@/lib/input/text";
import { parsePeriod, periodKeyProblem, type Period } from "@/lib/stats";
import { MONEY_UNITS } from "./layout";
import { MAX_UPLOAD_BYTES, MB } from "./limits";
import type { SheetChoices } from "./parse";
import { IMPORT_KINDS, type ImportKind } from "./types";

const FORM_OVERHEAD = 64 * 1024;
const tooBig = () => bodyTooLarge(MAX_UPLOAD_BYTES, `文件大小超过 ${MB(MAX_UPLOAD_BYTES)} 上限，请拆分后分批导入`);

const flag = z.enum(["1", "0", "true", "false", "on"], { message: "应为 1 或 0" }).optional().transform((v) => v === "1" || v === "true" || v === "on");

/** The upload form's fields besides `file` and `sheets` (the OpenAPI document describes the form from these). */
export const uploadFields = z.object({
  /** 作为已审核历史数据导入 (decision 017): reviewers only. */
  history: flag.meta({ description: "1：作为已审核历史数据导入（仅县局审核员；乡镇月报数据），导入后为“已审核”并锁定" }),
  /** 重新打开并覆盖已审核的月份 that the preview listed (with history; needs reopenReason). */
  reopen: flag.meta({ description: "1：重新打开并覆盖预览中列出的已审核月份（须同时 history=1 并填写 reopenReason）" }),
  reopenReason: safeText().trim().max(200, "原因最多200字").optional().meta({ description: "重新打开并覆盖的原因（记入审计日志）" }),
  kind: z.enum(IMPORT_KINDS, { message: "请选择导入的数据类型" }),
  period: z.string().optional().transform((s, ctx) => {
    if (!s) return null;
    const key = /^\d{4}$/.test(s) ? `${s}-12` : s;
    const p = parsePeriod(key);
    if (!p) ctx.addIssue({ code: "custom", message: periodKeyProblem(key) ?? "统计期格式应为 YYYY-MM" });
    return p;
  }),
});

/** The preview's answers per sheet (a period, a money unit), sent again with the file. */
export const sheetChoicesSchema = z.record(
  z.string().max(100),
  z.object({
    period: z.string().optional().transform((s, ctx) => {
      if (!s) return undefined;
      const p = parsePeriod(s);
      if (!p) ctx.addIssue({ code: "custom", message: periodKeyProblem(s) ?? "统计期格式应为 YYYY-MM" });
      return p ?? undefined;
    }),
    unit: z.enum(MONEY_UNITS, { message: "单位应为 元、万元 或 亿元" }).optional(),
  }),
);

function readChoices(raw: FormDataEntryValue | null): SheetChoices {
  if (typeof raw !== "string" || raw === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ApiError("bad_request", "工作表选择（sheets）不是有效的 JSON");
  }
  return sheetChoicesSchema.parse(json) as SheetChoices;
}

export type UploadForm = { kind: ImportKind; period: Period | null; fileName: string; bytes: Buffer; choices: SheetChoices; history: boolean; reopen: boolean; reopenReason?: string };

export async function readUploadForm(request: Request): Promise<UploadForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw new ApiError("unsupported_media_type", "请以 multipart/form-data 方式上传文件");
  const body = await readBodyLimited(request, MAX_UPLOAD_BYTES + FORM_OVERHEAD, tooBig);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError("bad_request", "上传内容无法解析，请重新选择文件");
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new ApiError("bad_request", "请选择要导入的文件");
  if (file.size > MAX_UPLOAD_BYTES) throw tooBig();
  const text = (name: string) => (form.get(name) as string | null) || undefined;
  const parsed = uploadFields.parse({ kind: form.get("kind") ?? undefined, period: text("period"), history: text("history"), reopen: text("reopen"), reopenReason: text("reopenReason") });
  const fileName = "name" in file && typeof file.name === "string" && file.name ? file.name : "upload.xlsx";
  return { ...parsed, fileName, bytes: Buffer.from(await file.arrayBuffer()), choices: readChoices(form.get("sheets")) };
}
