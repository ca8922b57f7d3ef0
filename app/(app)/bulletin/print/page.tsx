import type { Metadata } from "next";
import { BulletinDocument } from "@/components/bulletin/bulletin-document";
import { PrintStyles } from "@/components/bulletin/print-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { formatIssueDate } from "@/lib/bulletin/head";
import { loadBulletinPage, type BulletinSearch } from "../load";

export const metadata: Metadata = { title: "通报（打印版）" };

export default async function BulletinPrintPage({ searchParams }: { searchParams: Promise<BulletinSearch> }) {
  const user = await requireUser();
  const page = await loadBulletinPage(user, await searchParams);
  if (!page.ok) return <EmptyState title="无法生成通报" detail={page.message} />;
  const { view, head } = page;
  return (
    <div className="bulletin-print mx-auto max-w-[210mm] bg-white p-8 shadow print:max-w-none print:p-0 print:shadow-none">
      <PrintStyles />
      <p className="mb-4 text-sm text-slate-500 print:hidden">打印预览：使用浏览器“打印”（Ctrl+P），纸张 A4。</p>
      <BulletinDocument head={{ ...head, issueDate: formatIssueDate(head.issueDate) }} title={view.current.title} sections={view.current.sections} data={view.data} />
    </div>
  );
}
