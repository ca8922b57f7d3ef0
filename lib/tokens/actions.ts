"use server";
// Server actions of /admin/tokens: thin wrappers over service.ts, which checks canAdminister first.
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/auth/form-state";
import { getCurrentUser } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "./service";

export async function createApiTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await createApiToken(await getCurrentUser(), Object.fromEntries(form));
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}

export async function revokeApiTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await revokeApiToken(await getCurrentUser(), Object.fromEntries(form));
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}
