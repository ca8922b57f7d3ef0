import Link from "next/link";

/** not-found.tsx of each dashboard segment: what is missing and where to go. */
export function SegmentNotFound({ what, back, backLabel }: { what: string; back: string; backLabel: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-10 text-center">
      <p className="text-lg font-medium">未找到该{what}</p>
      <p className="mt-2 text-sm text-slate-600">链接可能有误，或您没有查看该{what}的权限。</p>
      <Link href={back} className="mt-4 inline-block text-brand-700 underline">{backLabel}</Link>
    </div>
  );
}
