// The bulletin as read and printed: title, period, text sections, charts and tables.
import type { Section } from "@/lib/bulletin/types";
import type { BulletinData } from "@/lib/bulletin/types";
import { bulletinTables } from "@/lib/bulletin/tables";
import { CompletionChart, OutputChart } from "./charts";

export function BulletinDocument({ title, subtitle, sections, data }: { title: string; subtitle: string; sections: Section[]; data: BulletinData }) {
  return (
    <article className="bulletin space-y-4" data-testid="bulletin-document">
      <header className="text-center">
        <h1 className="text-2xl font-bold tracking-wide">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
      </header>
      <div className="space-y-3 text-[15px] leading-8" data-testid="bulletin-text">
        {sections.map((s, i) => (
          <section key={i}>
            {s.heading && <h2 className="mt-3 text-lg font-semibold">{s.heading}</h2>}
            {s.paragraphs.map((p, j) => <p key={j} className="indent-8 text-justify">{p}</p>)}
          </section>
        ))}
      </div>
      <div className="bulletin-charts grid gap-4 md:grid-cols-2">
        <OutputChart data={data} />
        <CompletionChart data={data} />
      </div>
      {bulletinTables(data).map((t) => (
        <section key={t.title} className="bulletin-table space-y-1">
          <h3 className="text-center font-semibold">{t.title}</h3>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>{t.headers.map((h) => <th key={h} className="border border-slate-400 bg-slate-100 px-2 py-1 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>
              {t.totalRow && <tr className="font-semibold">{t.totalRow.map((v, i) => <td key={i} className={`border border-slate-400 px-2 py-1 ${i === 0 ? "text-left" : "num text-right"}`}>{v}</td>)}</tr>}
              {t.rows.map((r, k) => (
                <tr key={k}>{r.map((v, i) => <td key={i} className={`border border-slate-400 px-2 py-1 ${i === 0 ? "text-left whitespace-nowrap" : "num text-right"}`}>{v}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
