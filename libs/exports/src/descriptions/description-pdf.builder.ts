import type { Block, TextBlock } from '../pdf/pdf-blocks';
import { renderHere } from '../pdf/pdf-render-here';
import { STYLES } from '../pdf/pdf-layout';
import type { PdfRender } from '../pdf/pdf-worker.pool';
import { DescriptionModel } from './description-model';

const para = (text: string, more: Partial<TextBlock> = {}): Block => ({ kind: 'text', text, style: STYLES.body, spaceAfter: 4, ...more });

/** The description as an A4 portrait PDF: the controller and the as-of stamp on every page, "page x of y"; `render` as in recordPdf. */
export function descriptionPdf(m: DescriptionModel, generatedAt: Date, render: PdfRender = renderHere): Promise<Buffer> {
  const blocks: Block[] = [
    { kind: 'text', text: m.title, style: STYLES.h1, spaceAfter: 8 },
    { kind: 'text', text: m.stamp, style: STYLES.small, spaceAfter: 6 },
  ];
  for (const s of m.sections) {
    blocks.push({ kind: 'text', text: `${s.n}. ${s.heading}`, style: STYLES.h2, spaceBefore: 12, spaceAfter: 4, keepWithNext: true });
    for (const p of s.paragraphs) blocks.push(para(p));
    s.items.forEach((item, i) => {
      const last = i === s.items.length - 1;
      blocks.push(para(item.text, { bullet: true, spaceAfter: last && !item.sub?.length ? 4 : 0 }));
      item.sub?.forEach((sub, k) => blocks.push(para(sub, { bullet: true, indent: 12, spaceBefore: k === 0 ? 2 : 0, spaceAfter: k === item.sub!.length - 1 ? (last ? 6 : 2) : 0 })));
    });
    for (const p of s.closing ?? []) blocks.push(para(p));
    if (s.note) blocks.push(para(s.note, { style: { ...STYLES.body, italics: true }, spaceBefore: 2 }));
  }
  return render(
    { title: m.controllerName, subtitle: m.stamp, pageOf: m.pageOf, orientation: 'portrait', lang: m.lang, documentTitle: `${m.title} (${m.controllerName})` },
    blocks,
    generatedAt,
  );
}
