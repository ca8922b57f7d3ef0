// A4 print rules for the bulletin: the app's header and navigation hidden; the title and period in
// the top margin and the page number in the bottom margin of every page (CSS page-margin boxes);
// paragraphs, charts and table rows kept whole; the charts and the first table each start a page.
export function PrintStyles({ header }: { header: string }) {
  const quoted = header.replace(/["\\\n]/g, "");
  const css = `
@page {
  size: A4;
  margin: 22mm 18mm 18mm 20mm;
  @top-center { content: "${quoted}"; font-size: 9pt; color: #444; border-bottom: 0.5pt solid #888; vertical-align: bottom; padding-bottom: 2mm; }
  @bottom-center { content: "— " counter(page) " —"; font-size: 9pt; color: #444; }
}
@media print {
  body > header, nav, .print\\:hidden { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  .bulletin { font-size: 12pt; }
  .bulletin p { orphans: 2; widows: 2; }
  .bulletin h2 { break-after: avoid; }
  .bulletin-chart, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .bulletin-charts { break-before: page; display: block !important; }
  .bulletin-charts > * { margin: 0 auto 8mm; max-width: 160mm; }
  .bulletin-table { break-before: page; }
  .bulletin-table + .bulletin-table { break-before: auto; margin-top: 10mm; }
  .bulletin-table h3 { break-after: avoid; }
}`;
  return <style>{css}</style>;
}
