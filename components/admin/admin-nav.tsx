"use client";
// The admin section's tabs: users, API tokens, wall links, the county's 必填指标.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/admin/users", label: "用户管理" },
  { href: "/admin/tokens", label: "API 令牌" },
  { href: "/admin/kiosk", label: "大屏链接" },
  { href: "/admin/required", label: "必填指标" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="系统管理" className="flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => {
        const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${active ? "border-brand-700 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
