"use client";

export default function ReportError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-8 text-center">
      <p className="text-lg font-medium text-red-800">数据加载出错</p>
      <p className="mt-2 text-sm text-red-700">请稍后重试；已填写但未保存的数据请先记下。如反复出现，请联系管理员。</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-red-700 px-4 py-1.5 text-sm text-white hover:bg-red-600">重试</button>
    </div>
  );
}
