"use server";
// The account's own form actions. Thin wrappers: the logic is in change-password.ts.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { changeOwnPassword } from "./change-password";
import type { FormState } from "./form-state";
import { getSignedInUser } from "./session";
import { renewSessionToken } from "./session-cookie";

/** Only same-site paths: an open redirect would be a phishing aid. */
const safeNext = (value: FormDataEntryValue | null) => (typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : null);

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  // getSignedInUser, not getCurrentUser: this is the one action a user who must change their password may use.
  const user = await getSignedInUser();
  const { sessionVersion, ...result } = await changeOwnPassword(getPrisma(), user, Object.fromEntries(form));
  // Every other session of the user has ended; this one goes on with the new version.
  if (user && sessionVersion !== undefined) await renewSessionToken(await cookies(), user.id, sessionVersion);
  const next = safeNext(form.get("next"));
  // After a forced change, straight on into the app (a server redirect works before hydration too).
  if (result.ok && next) redirect(next);
  return result;
}
