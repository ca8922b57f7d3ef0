"use client";

import { usePathname } from "next/navigation";

/** A town's monthly form: /reports/<town>/<YYYY-MM> (the grids have their own paths). */
const REPORT_FORM = /^\/reports\/\d{12}\/\d{4}-\d{2}$/;

const LINK = "sr-only rounded bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow ring-2 ring-brand-600 focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50";

/**
 * The first things Tab reaches: past the header's menu and pickers straight to the page, and on the
 * monthly form straight to the figures. Hidden until focused.
 */
export function SkipLinks() {
  const pathname = usePathname();
  return (
    <>
      {REPORT_FORM.test(pathname) && (
        <a href="#report-figures" className={LINK}>
          跳到填报表
        </a>
      )}
      <a href="#main" className={LINK}>
        跳到主要内容
      </a>
    </>
  );
}
