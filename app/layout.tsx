import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "乡镇工业统计平台", template: "%s · 乡镇工业统计平台" },
  description: "乡镇工业月度统计填报、审核、分析与通报",
};

// Every page carries a per-request CSP nonce (proxy.ts): a page prerendered at build time would
// have none, and the browser would refuse its scripts. The pages read the session anyway.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
