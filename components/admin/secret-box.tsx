"use client";
// A password or token shown exactly once, with a copy button. Nothing stores it: leave the page and it is gone.
import { useState } from "react";

export function SecretBox({ label, message, secret, testId }: { label: string; message: string; secret: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  const id = `${testId}-value`;
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <p className="font-medium text-emerald-900">{message}</p>
      <div className="mt-2 flex gap-2">
        <label htmlFor={id} className="sr-only">{label}</label>
        <input
          id={id}
          data-testid={testId}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="shrink-0 rounded-md border border-brand-600 bg-white px-3 py-2 text-sm text-brand-700 hover:bg-brand-50">
          {copied ? "已复制" : "复制"}
        </button>
      </div>
      <p className="mt-2 text-xs text-emerald-900/80">只显示这一次：离开或刷新本页后无法再次查看。</p>
    </div>
  );
}
