import Link from "next/link";

export type EntryTab = "report" | "enterprises" | "parks" | "projects";

const TABS: { tab: EntryTab; label: string; path: string }[] = [
  { tab: "report", label: "月报", path: "" },
  { tab: "enterprises", label: "规上企业", path: "/enterprises" },
  { tab: "parks", label: "园区", path: "/parks" },
  { tab: "projects", label: "项目进度", path: "/projects" },
];

/** The town's four entry pages for one period: the monthly form and the enterprise, park and project grids. */
export function EntriesNav({ town, period, active }: { town: string; period: string; active: EntryTab }) {
  return (
    <nav aria-label="本期填报内容" className="flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {TABS.map((t) => {
        const current = t.tab === active;
        return (
          <Link
            key={t.tab}
            href={`/reports/${town}/${period}${t.path}`}
            aria-current={current ? "page" : undefined}
            className={`-mb-px rounded-t border px-4 py-1.5 ${current ? "border-slate-200 border-b-white bg-white font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-brand-700"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
