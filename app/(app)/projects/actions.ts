"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/enterprises/schema";
import { saveProject } from "@/lib/projects/service";

export async function saveProjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { message: "未登录或登录已过期，请重新登录" };
  const result = await saveProject(user, Object.fromEntries(form));
  if (result.id) redirect(`/projects/${result.id}`);
  return result;
}
