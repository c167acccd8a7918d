import type { Block } from '../pdf/pdf-blocks';
import { renderHere } from '../pdf/pdf-render-here';
import { STYLES } from '../pdf/pdf-layout';
import type { PdfRender } from '../pdf/pdf-worker.pool';
import { CNIL_SECURITY_ITEMS } from './cnil-security';
import { RECORD_COLUMNS } from './record-columns';
import { fill } from './record-labels';
import { RecordModel } from './record-model';

const h1 = (text: string): Block => ({ kind: 'text', text, style: STYLES.h1, spaceAfter: 8 });
const h2 = (text: string): Block => ({ kind: 'text', text, style: STYLES.h2, spaceBefore: 12, spaceAfter: 4, pageBreak: true, keepWithNext: true });

/**
 * The record, print-ready: A4 landscape; the controller block, then each
 * register as a two-column table of the ICO columns on a page of its own (a
 * 23-column row does not fit a page), then the CNIL retention table and
 * security checklist, their header rows repeated on every page.
 * `render` lays it out and draws it: on this thread by default, the API
 * passes its PDF workers' (PdfWorkers).
 */
export function recordPdf(model: RecordModel, render: PdfRender = renderHere): Promise<Buffer> {
  const { meta, labels: L } = model;
  const blocks: Block[] = [h1(L.title), { kind: 'table', widths: [160, '*'], rows: model.controller, fontSize: STYLES.body.fontSize, boldFirstColumn: true }];
  for (const row of model.rows) {
    blocks.push(h2(row.values.register));
    blocks.push({ kind: 'table', widths: [180, '*'], rows: RECORD_COLUMNS.slice(1).map((c) => [L.columns[c.key], row.values[c.key]]), fontSize: STYLES.body.fontSize, boldFirstColumn: true });
  }
  blocks.push(h2(L.retentionTitle));
  blocks.push({
    kind: 'table',
    widths: [105, 115, 140, 105, 75, '*'], // the action wide enough for "anonimizavimas" unbroken
    header: L.retentionColumns,
    rows: model.retention.map((r) => [r.registerName, r.categoryName, r.period, r.anchor, r.action, r.description]),
    fontSize: 8,
  });
  blocks.push(h2(L.securityTitle));
  blocks.push({
    kind: 'table',
    widths: [120, ...CNIL_SECURITY_ITEMS.map(() => '*' as const)],
    header: [L.columns.register, ...CNIL_SECURITY_ITEMS.map((i) => L.cnil[i.key])],
    rows: model.security.map((r) => [r.registerName, ...CNIL_SECURITY_ITEMS.map((i) => (r.items[i.key].length ? `${L.yes}: ${r.items[i.key].join('; ')}` : L.no))]),
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
    blocks,
    meta.generatedAt,
  );
}
