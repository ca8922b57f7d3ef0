import Link from "next/link";
import { hrefWith, type Query } from "./query";

/** "共 N 条 · 第 p/P 页" with previous/next links that keep the filters. */
export function Pagination({ path, query, page, pageCount, total }: { path: string; query: Query; page: number; pageCount: number; total: number }) {
  const link = "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-brand-600";
  const off = "rounded border border-slate-200 px-3 py-1 text-sm text-slate-600";
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700" data-testid="pagination">
      <p>
        共 <span className="num" data-testid="total-count">{total}</span> 条 · 第 {Math.min(page, pageCount)}/{pageCount} 页
      </p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={hrefWith(path, query, { page: page - 1 })} rel="prev">上一页</Link> : <span className={off} aria-disabled="true">上一页</span>}
        {page < pageCount ? <Link className={link} href={hrefWith(path, query, { page: page + 1 })} rel="next">下一页</Link> : <span className={off} aria-disabled="true">下一页</span>}
      </div>
    </nav>
  );
}
