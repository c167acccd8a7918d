import type { Block, PageFrame } from './pdf-blocks';
import { robotoFonts } from './pdf-fonts';
import { Face, PageFlow, PdfKitDoc } from './pdf-layout';

export type { Block, PageFrame } from './pdf-blocks';

interface PdfKitStream extends PdfKitDoc {
  registerFont(name: string, src: Buffer): void;
  on(event: 'data', fn: (chunk: Buffer) => void): void;
  on(event: 'end', fn: () => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  end(): void;
}
type CreatePdfDocument = (options: object) => PdfKitStream;

/** pdfmake's bundled pdfkit: the one whose fonts pdf-fonts.ts parses once per process. */
const createPdfDocument = (require('pdfmake/src/pdfKitEngine') as { createPdfDocument: CreatePdfDocument }).createPdfDocument;

/**
 * An A4 document whose every page carries the title and subtitle in its
 * header and "page x of y" in its footer, drawn straight onto pdfkit. The
 * blocks are laid out twice: once to count the pages, then to draw them,
 * page after page, each written out (deflated) by pdfkit as the next one
 * starts. Memory is one page's drawing and the output bytes, whatever the
 * length (pdfmake laid the whole document out as one tree first: 1.3 GB for
 * the record of 1,000 registers).
 */
export function renderPdf(frame: PageFrame, blocks: Block[], generatedAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = createPdfDocument({
      autoFirstPage: false,
      font: null, // no Helvetica: pdfkit would parse its metrics for every document
      pdfVersion: '1.3',
      compress: true,
      lang: frame.lang,
      info: { Title: frame.documentTitle, Author: frame.title, Creator: 'Regula', Producer: 'Regula', CreationDate: generatedAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const fonts = robotoFonts();
      for (const face of Object.keys(fonts) as Face[]) doc.registerFont(face, fonts[face]);
      const count = new PageFlow(doc, frame, false);
      for (const b of blocks) count.add(b);
      const flow = new PageFlow(doc, frame, { total: Math.max(count.page, 1) });
      for (const b of blocks) flow.add(b);
      if (flow.page === 0) flow.newPage();
      doc.end();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
