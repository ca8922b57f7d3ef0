import Link from "next/link";

export default function ReportNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-10 text-center">
      <p className="text-lg font-medium">未找到该月报</p>
      <p className="mt-2 text-sm text-slate-500">乡镇代码或统计期有误，或您没有查看该乡镇月报的权限。</p>
      <Link href="/report" className="mt-4 inline-block text-brand-700 underline">返回本镇填报</Link>
    </div>
  );
}
