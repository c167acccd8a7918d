import type { Block, PdfRender } from '@regula/exports';
import type { ExportTable } from '../../exports/table-files';

export interface BreachPdfWords {
  controller: string;
  title: string;
  asOf: string;
  none: string;
  /** "page {x} of {y}" in the document's language. */
  pageOf: string;
  lang: string;
}

/**
 * The breach register as an A4 portrait PDF through the exports' PDF path (the
 * API's PDF workers): the title and the as-of time, then per breach its
 * reference and title as a heading and a table of its facts, heading by heading.
 */
export function breachRegisterPdf(table: ExportTable, w: BreachPdfWords, generatedAt: Date, render: PdfRender): Promise<Buffer> {
  const blocks: Block[] = [
    { kind: 'text', text: w.title, style: { fontSize: 16, bold: true }, spaceAfter: 6 },
    { kind: 'text', text: w.asOf, style: { fontSize: 8 }, spaceAfter: 10 },
  ];
  if (!table.rows.length) blocks.push({ kind: 'text', text: w.none, style: { fontSize: 9 } });
  for (const row of table.rows) {
    blocks.push({ kind: 'text', text: `${row[0]}: ${row[1]}`, style: { fontSize: 12, bold: true }, spaceBefore: 10, spaceAfter: 4, keepWithNext: true });
    blocks.push({ kind: 'table', widths: [150, '*'], rows: table.header.map((h, i) => [h, row[i]]).slice(2).filter(([, v]) => v !== ''), fontSize: 8, boldFirstColumn: true, spaceAfter: 6 });
  }
  return render({ title: w.controller, subtitle: w.asOf, pageOf: w.pageOf, orientation: 'portrait', lang: w.lang, documentTitle: `${w.title} (${w.controller})` }, blocks, generatedAt);
}
