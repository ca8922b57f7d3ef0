"use server";
// Save or publish the bulletin text and its head: parse, check permission (inside saveBulletin), audit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { periodKeySchema } from "@/lib/api/schemas";
import { requireUser } from "@/lib/auth/session";
import { bulletinHeadSchema } from "@/lib/bulletin/head";
import { bulletinTarget, saveBulletin } from "@/lib/bulletin/service";
import { safeText } from "@/lib/input/text";

export type BulletinActionState = { message: string | null; ok: boolean };

const schema = bulletinHeadSchema.extend({
  region: z.string().regex(/^\d{12}$/, "地区代码不正确"),
  period: periodKeySchema,
  title: safeText().min(1, "标题不能为空").max(120, "标题最多120字"),
  body: safeText().min(1, "正文不能为空").max(50_000, "正文过长"),
  intent: z.enum(["draft", "publish"]),
});

export async function saveBulletinAction(_: BulletinActionState, form: FormData): Promise<BulletinActionState> {
  const user = await requireUser();
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "填写有误" };
  try {
    const { county, period } = await bulletinTarget(user, parsed.data.region, parsed.data.period);
    const { issuer, docNumber, issueDate } = parsed.data;
    const saved = await saveBulletin(user, county, period, { title: parsed.data.title, body: parsed.data.body, head: { issuer, docNumber, issueDate }, publish: parsed.data.intent === "publish" });
    revalidatePath("/bulletin");
    return { ok: true, message: parsed.data.intent === "publish" ? `已发布第${saved.revision}版` : "草稿已保存" };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, message: e.message };
    console.error("bulletin save failed", e);
    return { ok: false, message: "保存失败，请稍后重试" };
  }
}
