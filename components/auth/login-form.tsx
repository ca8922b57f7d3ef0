"use client";

import { signIn } from "next-auth/react";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated the form; true from then on. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ready = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("请输入用户名和密码");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "用户名或密码错误");
        return;
      }
      window.location.assign(next);
    } catch {
      setError("无法连接服务器，请稍后再试");
    } finally {
      setPending(false);
    }
  }

  return (
    // method="post": should the browser ever submit the form itself (before the script runs), the
    // password goes in a request body to this page, never into a URL, a history entry or an access
    // log. The button stays disabled until hydrated, so a click or an Enter does nothing until then.
    <form method="post" action="/login" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate aria-busy={!ready}>
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">用户名</label>
        <input id="username" name="username" autoComplete="username" autoFocus className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>
      )}
      <button type="submit" disabled={!ready || pending} className="w-full rounded-md bg-brand-700 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
        {!ready ? "正在加载…" : pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
