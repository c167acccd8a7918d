import type { Block, PageFrame } from './pdf-blocks';
import { robotoFonts } from './pdf-fonts';
import { Face, PageFlow, PdfKitDoc } from './pdf-layout';

export type { Block, PageFrame } from './pdf-blocks';

interface PdfKitStream extends PdfKitDoc {
  registerFont(name: string, src: Buffer): void;
  _write(data: Buffer | string): number;
  _offset: number;
  resume(): void;
  read(): Buffer | null;
  on(event: 'end', fn: () => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  end(): void;
}
type CreatePdfDocument = (options: object) => PdfKitStream;

/** pdfmake's bundled pdfkit: the one whose fonts pdf-fonts.ts parses once per process. */
const createPdfDocument = (require('pdfmake/src/pdfKitEngine') as { createPdfDocument: CreatePdfDocument }).createPdfDocument;

/**
 * The output, gathered in blocks of 64 kB or more as pdfkit writes it. pdfkit
 * pushes many small chunks into its stream, each a slice of one of Node's
 * shared 8 kB pool slabs; while the document is drawn (synchronously) the
 * stream keeps them all, and with them every slab they sit in, beside the
 * page content drawn there: about 100 MB for the record of 1,000 registers.
 */
class Collected {
  private readonly blocks: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  add(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= 64 * 1024) this.settle();
  }

  bytes(): Buffer {
    this.settle();
    return this.blocks.length === 1 ? this.blocks[0] : Buffer.concat(this.blocks);
  }

  private settle(): void {
    if (!this.pending.length) return;
    this.blocks.push(Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

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
    const out = new Collected();
    // the header pdfkit wrote on creation, then pdfkit's _write, with the bytes gathered here rather than pushed into its stream (which then only signals the end)
    for (let c = doc.read(); c !== null; c = doc.read()) out.add(c);
    doc._write = (data) => {
      const chunk = Buffer.isBuffer(data) ? data : Buffer.from(`${data}\n`, 'binary');
      out.add(chunk);
      return (doc._offset += chunk.length);
    };
    doc.on('end', () => resolve(out.bytes()));
    doc.on('error', reject);
    doc.resume(); // flowing, so that 'end' comes
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
