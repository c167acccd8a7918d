import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderPdf } from '../pdf/pdf-document';
import type { PdfRender } from '../pdf/pdf-worker.pool';
import { CNIL_SECURITY_ITEMS } from './cnil-security';
import { RECORD_COLUMNS } from './record-columns';
import { fill } from './record-labels';
import { RecordModel } from './record-model';

const th = (text: string): TableCell => ({ text, style: 'th' });
const LAYOUT = 'lightHorizontalLines';

/**
 * The record, print-ready: A4 landscape; the controller block, then each
 * register as a two-column table of the ICO columns (a 23-column row does not
 * fit a page), then the CNIL retention table and security checklist.
 * `render` lays it out and draws it: on this thread by default, the API
 * passes its PDF workers' (PdfWorkers).
 */
export function recordPdf(model: RecordModel, render: PdfRender = renderPdf): Promise<Buffer> {
  const { meta, labels: L } = model;
  const content: Content[] = [
    { text: L.title, style: 'h1' },
    { table: { widths: [160, '*'], body: model.controller.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: LAYOUT },
  ];
  for (const row of model.rows) {
    content.push({ text: row.values.register, style: 'h2', pageBreak: 'before' });
    content.push({
      table: { headerRows: 0, dontBreakRows: false, widths: [180, '*'], body: RECORD_COLUMNS.slice(1).map((c) => [{ text: L.columns[c.key], bold: true }, row.values[c.key]]) },
      layout: LAYOUT,
    });
  }
  content.push({ text: L.retentionTitle, style: 'h2', pageBreak: 'before' });
  content.push({
    table: {
      headerRows: 1,
      widths: [105, 115, 140, 105, 75, '*'], // the action wide enough for "anonimizavimas" unbroken
      body: [
        L.retentionColumns.map(th),
        ...model.retention.map((r) => [r.registerName, r.categoryName, r.period, r.anchor, r.action, r.description]),
      ],
    },
    layout: LAYOUT,
    fontSize: 8,
  });
  content.push({ text: L.securityTitle, style: 'h2', pageBreak: 'before' });
  content.push({
    table: {
      headerRows: 1,
      widths: [120, ...CNIL_SECURITY_ITEMS.map(() => '*' as const)],
      body: [
        [th(L.columns.register), ...CNIL_SECURITY_ITEMS.map((i) => th(L.cnil[i.key]))],
        ...model.security.map((r) => [r.registerName, ...CNIL_SECURITY_ITEMS.map((i) => (r.items[i.key].length ? `${L.yes}: ${r.items[i.key].join('; ')}` : L.no))]),
      ],
    },
    layout: LAYOUT,
    fontSize: 7,
  });
  return render(
    {
      title: meta.controllerName,
      subtitle: fill(L.subtitle, { date: meta.asOf, zone: meta.timeZone }),
      pageOf: L.pageOf,
      orientation: 'landscape',
      lang: meta.labelLang ?? 'en',
      documentTitle: fill(L.documentTitle, { controller: meta.controllerName, date: meta.asOf }),
    },
    content,
    meta.generatedAt,
  );
}
