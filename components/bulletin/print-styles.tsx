// A4 print rules for the bulletin, as an official document (GB/T 9704 in spirit): margins 37mm top,
// 35mm bottom, 28mm left, 26mm right; no running header; "— N —" page numbers at the foot (CSS
// page-margin boxes, Chromium 131+); title 二号 (22pt), text 三号 (16pt) at a 28pt line. The app's
// header and navigation are hidden; paragraphs, charts and table rows kept whole; the charts and
// the first table each start a page.
import { BULLETIN_FONTS } from "./fonts";

export function PrintStyles() {
  const css = `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${BULLETIN_FONTS.body}; font-size: 14pt; color: #000; }
}
@media print {
  body > header, nav, .print\\:hidden { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  .bulletin { font-size: 16pt; color: #000; }
  .bulletin [data-testid="bulletin-issuer"] { font-size: 26pt; }
  .bulletin [data-testid="bulletin-doc-number"], .bulletin h2, .bulletin [data-testid="bulletin-text"], .bulletin-signature { font-size: 16pt; line-height: 28pt; }
  .bulletin h1 { font-size: 22pt; }
  .bulletin p { orphans: 2; widows: 2; }
  .bulletin h2 { break-after: avoid; }
  .bulletin-signature { break-inside: avoid; }
  .bulletin-chart, tr { break-inside: avoid; }
  .bulletin table { font-size: 10.5pt; }
  thead { display: table-header-group; }
  .bulletin-charts { break-before: page; display: block !important; }
  .bulletin-charts > * { margin: 0 auto 8mm; max-width: 156mm; }
  .bulletin-table { break-before: page; }
  .bulletin-table + .bulletin-table { break-before: auto; margin-top: 10mm; }
  .bulletin-table h3 { break-after: avoid; }
}`;
  return <style>{css}</style>;
}
