"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { confirmLeave } from "@/components/ui/use-leave-guard";
import { formatPeriodRange, parsePeriod } from "@/lib/stats/periods";

/** A report page's own period: /reports/<town>/<YYYY-MM>[/…]. */
const REPORT_PATH = /^(\/reports\/[^/]+\/)(\d{4}-\d{2})(\/.*)?$/;

/**
 * 年/月 picker. On a report page it shows that report's period and moves to another period's
 * report; elsewhere it writes ?period=YYYY-MM into the URL so the view can be shared, and without
 * one it shows the period the pages default to (`current`), so header and page always agree.
 */
export function PeriodPicker({ periods, current }: { periods: { key: string; label: string }[]; current: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const report = REPORT_PATH.exec(pathname);
  const value = report?.[2] ?? params.get("period") ?? current ?? periods[0]?.key;
  if (!value) return null;
  const shownPeriod = parsePeriod(value);
  const options = periods.some((p) => p.key === value) || !shownPeriod ? periods : [{ key: value, label: formatPeriodRange(shownPeriod.year, shownPeriod.month) }, ...periods];
  return (
    <label className="flex items-center gap-2 text-sm text-white/90">
      <span>统计期</span>
      <select
        aria-label="统计期"
        value={value}
        onChange={(e) => {
          // Unsaved edits on this page (a grid, the form): ask first; staying keeps the select on this period.
          if (!confirmLeave()) return;
          if (report) return router.push(`${report[1]}${e.target.value}${report[3] ?? ""}`);
          const next = new URLSearchParams(params.toString());
          next.set("period", e.target.value);
          router.push(`${pathname}?${next.toString()}`);
        }}
        className="rounded border border-white/30 bg-white/10 px-2 py-1 text-white [&>option]:text-slate-900"
      >
        {options.map((p) => (
          <option key={p.key} value={p.key}>{p.label}</option>
        ))}
      </select>
    </label>
  );
}
