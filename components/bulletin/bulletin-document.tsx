// The bulletin as read and printed, laid out as an official document: 发文机关 in red, 文号, a red
// rule, the title, the text (一级标题 in 黑体, run-in 二级标题 in 楷体), 署名 and 成文日期, then the
// charts and tables. Fonts fall back to what the machine has (./fonts.ts).
import { splitRunInHeading } from "@/lib/bulletin/compose";
import { bulletinTables } from "@/lib/bulletin/tables";
import type { BulletinData, Section } from "@/lib/bulletin/types";
import { CompletionChart, OutputChart } from "./charts";
import { BULLETIN_FONTS as F } from "./fonts";

export type DocumentHead = { issuer: string; docNumber: string; /** In words: "2026年12月4日". */ issueDate: string };

function Paragraph({ text }: { text: string }) {
  const [heading, rest] = splitRunInHeading(text);
  return (
    <p className="indent-[2em] text-justify">
      {heading && <span style={{ fontFamily: F.heading2 }}>{heading}</span>}
      {heading ? rest : text}
    </p>
  );
}

export function BulletinDocument({ head, title, sections, data }: { head: DocumentHead; title: string; sections: Section[]; data: BulletinData }) {
  return (
    <article className="bulletin space-y-4" data-testid="bulletin-document" style={{ fontFamily: F.body }}>
      <header className="text-center">
        <p data-testid="bulletin-issuer" className="pt-2 text-[30px] leading-tight tracking-[0.15em] text-red-600" style={{ fontFamily: F.title }}>{head.issuer}</p>
        <p data-testid="bulletin-doc-number" className="mt-5 pb-2 text-[17px]">{head.docNumber}</p>
        <hr className="border-0 border-t-2 border-red-600" />
        <h1 className="mt-7 mb-5 text-[26px] font-normal leading-snug" style={{ fontFamily: F.title }}>{title}</h1>
      </header>
      <div className="space-y-1 text-[17px] leading-9" data-testid="bulletin-text">
        {sections.map((s, i) => (
          <section key={i}>
            {s.heading && <h2 className="indent-[2em] text-[17px] font-normal" style={{ fontFamily: F.heading1 }}>{s.heading}</h2>}
            {s.paragraphs.map((p, j) => <Paragraph key={j} text={p} />)}
          </section>
        ))}
      </div>
      <div className="bulletin-signature pr-[4em] pt-6 text-right text-[17px] leading-9" data-testid="bulletin-signature">
        <p>{head.issuer}</p>
        <p>{head.issueDate}</p>
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
