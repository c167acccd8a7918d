import type { Content } from 'pdfmake/interfaces';
import { renderPdf } from '../pdf/pdf-document';
import type { PdfRender } from '../pdf/pdf-worker.pool';
import { DescriptionModel } from './description-model';

/** The description as an A4 portrait PDF: the controller and the as-of stamp on every page, "page x of y"; `render` as in recordPdf. */
export function descriptionPdf(m: DescriptionModel, generatedAt: Date, render: PdfRender = renderPdf): Promise<Buffer> {
  const content: Content[] = [{ text: m.title, style: 'h1' }, { text: m.stamp, style: 'small', margin: [0, 0, 0, 6] }];
  for (const s of m.sections) {
    content.push({ text: `${s.n}. ${s.heading}`, style: 'h2' });
    for (const p of s.paragraphs) content.push({ text: p, margin: [0, 0, 0, 4] });
    if (s.items.length) {
      content.push({ ul: s.items.map((i) => (i.sub?.length ? [i.text, { ul: i.sub, margin: [0, 2, 0, 2] }] : i.text)), margin: [0, 0, 0, 4] } as Content);
    }
    for (const p of s.closing ?? []) content.push({ text: p, margin: [0, 0, 0, 4] });
    if (s.note) content.push({ text: s.note, italics: true, margin: [0, 2, 0, 4] });
  }
  return render(
    { title: m.controllerName, subtitle: m.stamp, pageOf: m.pageOf, orientation: 'portrait', lang: m.lang, documentTitle: `${m.title} (${m.controllerName})` },
    content,
    generatedAt,
  );
}
