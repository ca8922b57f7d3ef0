"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/enterprises/schema";
import { saveEnterprise } from "@/lib/enterprises/service";

export async function saveEnterpriseAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { message: "未登录或登录已过期，请重新登录" };
  const result = await saveEnterprise(user, Object.fromEntries(form));
  if (result.id) redirect(`/enterprises/${result.id}`);
  return result;
}
