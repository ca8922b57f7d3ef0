// Building blocks of the wall: a fixed-size panel, a crossfade between rotating views, tones.
import type { Tone } from "@/lib/kiosk/types";

/** The trend chart's series: this year bright, last year muted. */
export const TREND_COLORS = { thisYear: "#38bdf8", lastYear: "#94a3b8" };

/** Chinese convention: red for growth, green for decline. */
export const TONE_CLASS: Record<Tone, string> = { up: "text-[#ff7b7b]", down: "text-[#4ade80]", flat: "text-slate-200", none: "text-slate-300" };

export function Panel({ title, extra, className = "", children }: { title: string; extra?: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className={`flex min-h-0 flex-col rounded-xl border border-[#1f3d6e] bg-[#0a1c3b] px-6 py-4 ${className}`}>
      <header className="flex h-12 shrink-0 items-center justify-between gap-4">
        <h2 className="text-[28px] font-bold tracking-wide text-sky-200">{title}</h2>
        {extra}
      </header>
      <div className="relative min-h-0 flex-1">{children}</div>
    </section>
  );
}

/** Views stacked in one box; the inactive ones fade out and are hidden from readers and tests. */
export function Fade({ active, children }: { active: boolean; children: React.ReactNode }) {
  return (
    <div
      aria-hidden={!active}
      className={`absolute inset-0 transition-[opacity,visibility] duration-700 ${active ? "visible opacity-100" : "invisible opacity-0"}`}
    >
      {children}
    </div>
  );
}

/** Which rotating view is on screen: both names shown, the current one lit. */
export function ModeTabs({ labels, active }: { labels: string[]; active: number }) {
  return (
    <div className="flex gap-2 text-[22px]" aria-hidden="true">
      {labels.map((label, i) => (
        <span key={label} className={`rounded-md px-3 py-0.5 ${i === active ? "bg-sky-500/25 font-bold text-sky-100" : "text-slate-400"}`}>
          {label}
        </span>
      ))}
    </div>
  );
}

/** Page `tick` of `items` in pages of `size` (cycling). */
export function pageOf<T>(items: T[], size: number, tick: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = tick % pages;
  return { rows: items.slice(page * size, page * size + size), page, pages };
}
