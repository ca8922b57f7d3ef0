"use client";
// A wide table in a box that scrolls sideways, and says so: a line "← 左右滚动查看更多列 →" and a
// shadow on each edge that has more columns beyond it, while there are. A keyboard user can focus
// the box and scroll it with the arrow keys.
import { useEffect, useRef, useState } from "react";

type Edges = { left: boolean; right: boolean };

export function ScrollTable({ label, children, footer }: { label: string; children: React.ReactNode; footer?: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ left: false, right: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
    };
    // A ResizeObserver reports once on observe: the first measurement comes from there.
    const resize = new ResizeObserver(update);
    resize.observe(el);
    if (el.firstElementChild) resize.observe(el.firstElementChild);
    el.addEventListener("scroll", update, { passive: true });
    return () => {
      resize.disconnect();
      el.removeEventListener("scroll", update);
    };
  }, []);
  const scrolls = edges.left || edges.right;
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {scrolls && (
        <p className="border-b border-slate-100 px-2 py-1 text-right text-xs text-slate-500" data-testid="scroll-hint">
          表格较宽：← 左右滚动查看更多列 →
        </p>
      )}
      <div className="relative">
        <div ref={box} className="overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600" tabIndex={scrolls ? 0 : undefined} role="region" aria-label={label}>
          {children}
        </div>
        <div aria-hidden className={`pointer-events-none absolute inset-y-0 left-0 w-6 bg-gradient-to-r from-slate-900/15 to-transparent transition-opacity ${edges.left ? "opacity-100" : "opacity-0"}`} />
        <div aria-hidden className={`pointer-events-none absolute inset-y-0 right-0 w-6 bg-gradient-to-l from-slate-900/15 to-transparent transition-opacity ${edges.right ? "opacity-100" : "opacity-0"}`} data-testid="scroll-shadow-right" data-visible={edges.right || undefined} />
      </div>
      {footer}
    </div>
  );
}
