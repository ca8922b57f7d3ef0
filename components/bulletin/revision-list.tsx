// Every saved version of the bulletin (published ones are never overwritten), each one openable.
import Link from "next/link";
import type { BulletinRevision } from "@/lib/bulletin/service";

const when = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export function RevisionList({ revisions, shown, query }: { revisions: BulletinRevision[]; shown: number | null; query: string }) {
  if (revisions.length === 0) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">版本记录</h2>
      <ul className="space-y-1 text-sm" data-testid="bulletin-revisions">
        {revisions.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/bulletin?${query}&revision=${r.revision}`} className="text-brand-700 underline" aria-current={r.revision === shown ? "true" : undefined}>
              第{r.revision}版
            </Link>
            <span className={r.status === "PUBLISHED" ? "text-green-700" : "text-slate-500"}>{r.status === "PUBLISHED" ? `已发布 ${r.publishedAt ? when(r.publishedAt) : ""}` : "草稿"}</span>
            <span className="text-slate-600">{r.title}</span>
            {r.revision === shown && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">当前显示</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
