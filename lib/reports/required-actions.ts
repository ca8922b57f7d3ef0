"use server";
// The admin page's 必填指标 form: parse, check (inside the service), write with audit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { saveRequiredIndicators } from "./required";

export type RequiredActionState = { ok?: boolean; message?: string };

const codeList = z.array(z.string().regex(/^[a-z0-9_]{1,40}$/, "指标代码不正确")).max(100);
const schema = z.object({ county: z.string().regex(/^\d{12}$/, "请选择县（市、区）"), codes: codeList, previous: codeList });

export async function saveRequiredAction(_prev: RequiredActionState, form: FormData): Promise<RequiredActionState> {
  const user = await getCurrentUser();
  if (!user) return { message: "未登录或登录已过期，请重新登录" };
  const parsed = schema.safeParse({ county: form.get("county") ?? "", codes: form.getAll("codes"), previous: form.getAll("previous") });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "请求无效，请刷新页面后重试" };
  try {
    const { changed, names } = await saveRequiredIndicators(user, parsed.data);
    revalidatePath("/admin/required");
    if (!changed) return { ok: true, message: "必填指标未变化" };
    return { ok: true, message: names.length > 0 ? `已保存：必填指标为${names.join("、")}` : "已保存：不设必填指标（报表仍须至少填写一项）" };
  } catch (e) {
    if (e instanceof ApiError) return { message: e.message };
    console.error("required indicators save failed", e);
    return { message: "保存失败，请稍后重试" };
  }
}
