"use client";
// Sign out from a page outside the app shell (the forced password change).
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="text-sm text-slate-600 underline hover:text-slate-900">
      退出登录
    </button>
  );
}
