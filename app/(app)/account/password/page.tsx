import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PASSWORD_RULE } from "@/lib/auth/password";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改密码" };

/** Any signed-in user changes their own password here (a forced change happens at /login/password). */
export default async function AccountPasswordPage() {
  const user = await requireUser();
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h1 className="text-2xl font-semibold">修改密码</h1>
        <p className="mt-1 text-sm text-slate-600">账号：<span className="font-mono">{user.username}</span></p>
      </div>
      <ChangePasswordForm rule={PASSWORD_RULE} />
    </section>
  );
}
