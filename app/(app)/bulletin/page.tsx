import type { Metadata } from "next";
import Link from "next/link";
import { BulletinDocument } from "@/components/bulletin/bulletin-document";
import { BulletinEditor } from "@/components/bulletin/bulletin-editor";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { sectionsToText } from "@/lib/bulletin/compose";
import { canPublishBulletin } from "@/lib/permissions";
import { formatPeriodKey } from "@/lib/stats";
import { saveBulletinAction } from "./actions";
import { loadBulletinPage } from "./load";

export const metadata: Metadata = { title: "通报" };

export default async function BulletinPage({ searchParams }: { searchParams: Promise<{ region?: string; period?: string }> }) {
  const user = await requireUser();
  const page = await loadBulletinPage(user, await searchParams);
  if (!page.ok) return <EmptyState title="无法生成通报" detail={page.message} />;
  const { county, period, view, subtitle } = page;
  const qs = new URLSearchParams({ region: county.code, period: formatPeriodKey(period) }).toString();
  const canEdit = await canPublishBulletin(user, county.id);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">月度通报</h1>
        <Link href={`/bulletin/print?${qs}`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">打印版</Link>
        <a href={`/api/v1/bulletin/docx?${qs}`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">下载 Word</a>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <BulletinDocument title={view.current.title} subtitle={subtitle} sections={view.current.sections} data={view.data} />
      </div>
      {canEdit && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">编辑与发布</h2>
          <BulletinEditor action={saveBulletinAction} region={county.code} period={formatPeriodKey(period)} title={view.current.title} body={sectionsToText(view.current.sections)} generated={view.generated} />
        </section>
      )}
      {view.revisions.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">版本记录</h2>
          <ul className="space-y-1 text-sm" data-testid="bulletin-revisions">
            {view.revisions.map((r) => (
              <li key={r.id}>第{r.revision}版 · {r.status === "PUBLISHED" ? `已发布（${r.publishedAt?.toLocaleString("zh-CN")}）` : "草稿"} · {r.title}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
