import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-link";
import { PASSWORD_RULE } from "@/lib/auth/password";
import { getSignedInUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改初始密码" };

/**
 * The forced change after an admin set or reset the password. Outside the app shell on purpose:
 * the shell's layout sends such users here, so a page inside it would redirect to itself.
 */
export default async function ForcedPasswordChangePage() {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  if (!user.mustChangePassword) redirect("/account/password");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-700 to-slate-800 p-4">
      <div className="w-full max-w-sm space-y-5 rounded-xl bg-white p-8 shadow-xl">
        <div>
          <h1 className="text-center text-xl font-semibold text-slate-900">请修改初始密码</h1>
          <p className="mt-2 text-center text-sm text-slate-600">
            {user.displayName}（{user.username}），您的密码由管理员设置，修改后才能继续使用系统。
          </p>
        </div>
        <ChangePasswordForm rule={PASSWORD_RULE} next="/" />
        <div className="text-center"><SignOutButton /></div>
      </div>
    </main>
  );
}
