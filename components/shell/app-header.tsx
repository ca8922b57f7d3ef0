import Link from "next/link";
import { Suspense } from "react";
import { ROLE_LABELS, type CurrentUser } from "@/lib/auth/session";
import { navigationFor } from "@/lib/permissions";
import { PeriodPicker } from "./period-picker";
import { SignOutButton } from "./sign-out-button";

type Props = {
  user: CurrentUser;
  scopeName: string;
  periods: { key: string; label: string }[];
  /** The period pages show when none is asked for. */
  defaultPeriod: string | null;
  /** Reports waiting for this user's review (all periods); null for roles that do not review. */
  pendingReviews?: number | null;
};

export function AppHeader({ user, scopeName, periods, defaultPeriod, pendingReviews = null }: Props) {
  return (
    <header className="bg-brand-700 text-white shadow">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {scopeName} · 乡镇工业统计平台
        </Link>
        <nav aria-label="主导航" className="flex gap-1">
          {navigationFor(user.role).map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded px-3 py-1 text-sm text-white/90 hover:bg-white/10 hover:text-white"
            >
              {item.label}
              {item.href === "/review" && pendingReviews !== null && pendingReviews > 0 && (
                // The accessible name keeps the visible text ("报送审核6") and says what the number is.
                <>
                  <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-900 num" data-testid="pending-count">{pendingReviews}</span>
                  <span className="sr-only">份待审核</span>
                </>
              )}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-4">
          <Suspense fallback={null}>
            <PeriodPicker periods={periods} current={defaultPeriod} />
          </Suspense>
          <span className="text-sm" data-testid="current-user">
            {user.displayName}
            <span className="ml-2 rounded bg-white/15 px-1.5 py-0.5 text-xs">{ROLE_LABELS[user.role]}</span>
            {user.role === "REPORTER" && user.region && <span className="ml-1 text-xs text-white/80">（{user.region.name}）</span>}
          </span>
          <Link href="/account/password" className="text-sm text-white/90 underline-offset-2 hover:underline">
            修改密码
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
