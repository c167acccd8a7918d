import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderPdf } from '../pdf/pdf-document';
import { CNIL_SECURITY_ITEMS } from './cnil-security';
import { RECORD_COLUMNS } from './record-columns';
import { RecordModel } from './record-model';

const th = (text: string): TableCell => ({ text, style: 'th' });
const LAYOUT = 'lightHorizontalLines';

/**
 * The record, print-ready: A4 landscape; the controller block, then each
 * register as a two-column table of the ICO columns (a 23-column row does not
 * fit a page), then the CNIL retention table and security checklist.
 */
export function recordPdf(model: RecordModel): Promise<Buffer> {
  const { meta } = model;
  const content: Content[] = [
    { text: 'Record of processing activities (GDPR Art. 30(1))', style: 'h1' },
    { table: { widths: [160, '*'], body: model.controller.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: LAYOUT },
  ];
  for (const row of model.rows) {
    content.push({ text: row.values.register, style: 'h2', pageBreak: 'before' });
    content.push({
      table: { headerRows: 0, dontBreakRows: false, widths: [180, '*'], body: RECORD_COLUMNS.slice(1).map((c) => [{ text: c.header, bold: true }, row.values[c.key]]) },
      layout: LAYOUT,
    });
  }
  content.push({ text: 'Retention per data category (CNIL record template)', style: 'h2', pageBreak: 'before' });
  content.push({
    table: {
      headerRows: 1,
      widths: [110, 120, 150, 110, 50, '*'],
      body: [
        ['Register', 'Data category', 'Retention period', 'Runs from', 'Action', 'As the controller describes it'].map(th),
        ...model.retention.map((r) => [r.registerName, r.categoryName, r.period, r.anchor, r.action, r.description]),
      ],
    },
    layout: LAYOUT,
    fontSize: 8,
  });
  content.push({ text: 'Security checklist (CNIL record template)', style: 'h2', pageBreak: 'before' });
  content.push({
    table: {
      headerRows: 1,
      widths: [120, ...CNIL_SECURITY_ITEMS.map(() => '*' as const)],
      body: [
        [th('Register'), ...CNIL_SECURITY_ITEMS.map((i) => th(i.label))],
        ...model.security.map((r) => [r.registerName, ...CNIL_SECURITY_ITEMS.map((i) => (r.items[i.key].length ? `yes: ${r.items[i.key].join('; ')}` : 'no'))]),
      ],
    },
    layout: LAYOUT,
    fontSize: 7,
  });
  return renderPdf(
    {
      title: meta.controllerName,
      subtitle: `Art. 30 record as of ${meta.asOf} (${meta.timeZone})`,
      pageOf: 'page {x} of {y}',
      orientation: 'landscape',
      lang: meta.lang,
      documentTitle: `Record of processing activities: ${meta.controllerName}, as of ${meta.asOf}`,
    },
    content,
    meta.generatedAt,
  );
}
