import Link from "next/link";

/** A breadcrumb of links ending with the current page's name. */
export function Crumbs({ items, current }: { items: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="位置" className="text-sm text-slate-600">
      {items.map((i) => (
        <span key={i.href}>
          <Link href={i.href} className="text-brand-700 underline">{i.label}</Link>
          <span aria-hidden> › </span>
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}

/** Label/value pairs of a record. */
export function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs text-slate-600">{k}</dt>
          <dd className="mt-0.5">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
