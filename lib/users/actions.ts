"use server";
// Server actions of /admin/users: thin wrappers over service.ts, which checks canAdminister first.
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/auth/form-state";
import { getCurrentUser } from "@/lib/auth/session";
import { createUser, resetUserPassword, setUserDisabled, unlockUser, updateUser } from "./service";

type Service = typeof createUser;

async function run(service: Service, form: FormData): Promise<FormState> {
  const result = await service(await getCurrentUser(), Object.fromEntries(form));
  // "layout": the list and the pages below it (an edited user's own page) show the change.
  if (result.ok) revalidatePath("/admin/users", "layout");
  return result;
}

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(createUser, form);
}

export async function updateUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(updateUser, form);
}

export async function setUserDisabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(setUserDisabled, form);
}

export async function resetUserPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(resetUserPassword, form);
}

export async function unlockUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(unlockUser, form);
}
