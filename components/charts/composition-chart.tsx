// A share-of-total donut with a legend table that carries the exact values and shares. The table
// comes with the HTML; the donut is drawn when it comes near the screen.
import type { CompositionRow } from "@/lib/dashboard/composition";
import { formatYi } from "@/lib/stats";
import { COLORS, percentText } from "./format";
import { LazyCompositionPie } from "./lazy";

export function CompositionChart({ rows, label }: { rows: CompositionRow[]; label: string }) {
  const data = rows.filter((r) => r.value > 0);
  return (
    <figure aria-label={label} className="grid grid-cols-1 items-center gap-2 sm:grid-cols-[180px_1fr]">
      <LazyCompositionPie rows={data} />
      <table className="w-full text-xs">
        <caption className="sr-only">{label}（亿元、占比）</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="text-left font-normal">类别</th>
            <th scope="col" className="text-right font-normal">产值（亿元）</th>
            <th scope="col" className="text-right font-normal">占比</th>
          </tr>
        </thead>
        <tbody>
          {data.map((r, i) => (
            <tr key={r.key}>
              <th scope="row" className="py-0.5 text-left font-normal">
                <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-sm" style={{ background: COLORS[i % COLORS.length] }} />
                {r.name}
              </th>
              <td className="text-right num">{formatYi(r.valueText)}</td>
              <td className="text-right num">{percentText(r.sharePercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
