import type { Metadata } from "next";
import Link from "next/link";
import { BulletinDocument } from "@/components/bulletin/bulletin-document";
import { BulletinEditor } from "@/components/bulletin/bulletin-editor";
import { RevisionList } from "@/components/bulletin/revision-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { sectionsToText } from "@/lib/bulletin/compose";
import { formatIssueDate } from "@/lib/bulletin/head";
import { canPublishBulletin, readScopeRoot } from "@/lib/permissions";
import { getPrisma } from "@/lib/db/client";
import { formatPeriodKey } from "@/lib/stats";
import { saveBulletinAction } from "./actions";
import { loadBulletinPage, type BulletinSearch } from "./load";

export const metadata: Metadata = { title: "通报" };

export default async function BulletinPage({ searchParams }: { searchParams: Promise<BulletinSearch> }) {
  const user = await requireUser();
  const search = await searchParams;
  // The 通报 is a county's: a city user picks one of the city's counties with town detail.
  const root = await readScopeRoot(user);
  if (root?.level === "CITY" && !search.region) return <CountyChoice city={root} period={search.period} />;
  const page = await loadBulletinPage(user, search);
  if (!page.ok) return <EmptyState title="无法生成通报" detail={page.message} />;
  const { county, period, view, status, head, revision } = page;
  const query = new URLSearchParams({ region: county.code, period: formatPeriodKey(period) }).toString();
  // Print and Word show the version on screen.
  const shownQuery = revision === undefined ? query : `${query}&revision=${revision}`;
  const canEdit = await canPublishBulletin(user, county.id);
  const latest = view.revisions[0]?.revision ?? null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">月度通报</h1>
        <span data-testid="bulletin-status" className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{status}</span>
        <Link href={`/bulletin/print?${shownQuery}`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">打印版</Link>
        <a href={`/api/v1/bulletin/docx?${shownQuery}`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-600">下载 Word</a>
      </div>
      {revision !== undefined && revision !== latest && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          正在查看第{revision}版（历史版本）。<Link href={`/bulletin?${query}`} className="underline">查看最新版本</Link>
        </p>
      )}
      {view.checks.length > 0 && (
        <section aria-labelledby="checks-title" data-testid="bulletin-checks" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <h2 id="checks-title" className="font-semibold">核对提示（仅供审核，不进入通报正文）</h2>
          <ul className="mt-1 list-disc pl-5">
            {view.checks.map((c) => <li key={c}>{c}</li>)}
          </ul>
        </section>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <BulletinDocument head={{ ...head, issueDate: formatIssueDate(head.issueDate) }} title={view.current.title} sections={view.current.sections} data={view.data} />
      </div>
      {canEdit && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">编辑与发布</h2>
          <p className="text-sm text-slate-600">“保存草稿”更新未发布的草稿；“发布”另存为新的一版，已发布的版本不会被覆盖。</p>
          <BulletinEditor
            key={revision ?? "latest"}
            action={saveBulletinAction}
            region={county.code}
            period={formatPeriodKey(period)}
            title={view.current.title}
            body={sectionsToText(view.current.sections)}
            head={head}
            generated={view.generated}
          />
        </section>
      )}
      <RevisionList revisions={view.revisions} shown={view.current.revision} query={query} />
    </div>
  );
}

/** The city's counties whose towns report (a county known only from the city's table has no 通报 here). */
async function CountyChoice({ city, period }: { city: { id: number; name: string }; period?: string }) {
  const counties = await getPrisma().region.findMany({
    where: { parentId: city.id, level: "COUNTY", children: { some: { level: "TOWN" } } },
    select: { code: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  if (counties.length === 0) return <EmptyState title="暂无通报" detail={`${city.name}还没有使用本平台报送乡镇数据的县（市、区）。`} />;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">月度通报</h1>
      <p className="text-sm text-slate-600">通报按县（市、区）编制。请选择：</p>
      <ul className="flex flex-wrap gap-2">
        {counties.map((c) => (
          <li key={c.code}>
            <Link href={`/bulletin?${new URLSearchParams({ region: c.code, ...(period ? { period } : {}) })}`} className="inline-block rounded border border-slate-300 bg-white px-3 py-1 text-brand-700 hover:border-brand-600">{c.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
