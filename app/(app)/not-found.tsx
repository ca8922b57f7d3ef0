import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-10 text-center">
      <p className="text-lg font-medium">未找到该页面或地区</p>
      <p className="mt-2 text-sm text-slate-500">链接可能有误，或您没有查看该地区数据的权限。</p>
      <Link href="/overview" className="mt-4 inline-block text-brand-700 underline">返回概览</Link>
    </div>
  );
}
