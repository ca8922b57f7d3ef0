// What every admin and account form action returns: a Chinese message, errors per field, and a
// secret (a generated password or an API token) that the page shows exactly once.
import type { ZodError } from "zod";

export type FormState = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  secret?: string;
};

export const IDLE: FormState = { ok: false, message: "" };

export const NOT_ALLOWED: FormState = { ok: false, message: "没有权限执行该操作" };

export function invalid(error: ZodError, message = "请检查填写的内容"): FormState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message, fieldErrors };
}

export function fieldError(field: string, message: string): FormState {
  return { ok: false, message, fieldErrors: { [field]: [message] } };
}
