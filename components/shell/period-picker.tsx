"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** 年/月 picker: writes ?period=YYYY-MM into the URL so the view can be shared. */
export function PeriodPicker({ periods, current }: { periods: { key: string; label: string }[]; current: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  if (periods.length === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-white/90">
      <span>统计期</span>
      <select
        aria-label="统计期"
        value={params.get("period") ?? current ?? periods[0].key}
        onChange={(e) => {
          const next = new URLSearchParams(params.toString());
          next.set("period", e.target.value);
          router.push(`${pathname}?${next.toString()}`);
        }}
        className="rounded border border-white/30 bg-white/10 px-2 py-1 text-white [&>option]:text-slate-900"
      >
        {periods.map((p) => (
          <option key={p.key} value={p.key}>{p.label}</option>
        ))}
      </select>
    </label>
  );
}
