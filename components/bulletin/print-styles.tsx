// A4 print rules for the bulletin: the app's header and navigation hidden, a running header
// with the period on every page, charts and tables kept whole, tables on a new page.
export function PrintStyles({ header }: { header: string }) {
  const css = `
@page { size: A4; margin: 20mm 18mm 18mm 18mm; @top-center { content: "${header.replace(/"/g, "")}"; font-size: 9pt; color: #555; } @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; color: #555; } }
@media print {
  body > header, nav, .print\\:hidden { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  .bulletin { font-size: 12pt; }
  .bulletin-chart, .bulletin-table, .bulletin section { break-inside: avoid; }
  .bulletin-charts { break-before: page; display: block !important; }
  .bulletin-charts > * { margin: 0 auto 8mm; max-width: 160mm; }
  .bulletin-table { break-before: page; }
  .bulletin-running-header { display: block !important; }
}`;
  return (
    <>
      <style>{css}</style>
      <div className="bulletin-running-header hidden border-b border-slate-400 pb-1 text-center text-xs text-slate-600">{header}</div>
    </>
  );
}
