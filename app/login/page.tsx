import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/callback";
import { CHANGE_PASSWORD_PATH, getSignedInUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const user = await getSignedInUser();
  if (user) redirect(user.mustChangePassword ? CHANGE_PASSWORD_PATH : "/");
  const { callbackUrl } = await searchParams;
  // Only paths on this site: an open redirect after sign-in would be a phishing aid.
  const next = safeCallbackPath(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-700 to-slate-800 p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-xl">
        <h1 className="text-center text-xl font-semibold text-slate-900">乡镇工业统计平台</h1>
        <p className="mt-1 text-center text-sm text-slate-500">请使用分配的账号登录</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
