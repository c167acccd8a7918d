import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { robotoFonts } from './pdf-fonts';
import { joinInlinesOnLayout } from './pdf-inlines';

let printer: PdfPrinter | undefined;

/** The one printer of the process, on the fonts parsed once (pdf-fonts.ts), drawing each line's words in runs (pdf-inlines.ts). */
export function pdfPrinter(): PdfPrinter {
  if (!printer) {
    joinInlinesOnLayout();
    printer = new PdfPrinter({ Roboto: robotoFonts() });
  }
  return printer;
}

export interface PageFrame {
  /** Shown at the top of every page (the controller's name). */
  title: string;
  /** Shown beside it (the as-of date). */
  subtitle: string;
  /** "page {x} of {y}" with the placeholders, in the document's language. */
  pageOf: string;
  orientation: 'portrait' | 'landscape';
  lang: string;
  /** Document title in the PDF's metadata. */
  documentTitle: string;
}

/** An A4 document whose every page carries the title and subtitle in its header and "page x of y" in its footer. */
export function renderPdf(frame: PageFrame, content: Content[], generatedAt: Date): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: frame.orientation,
    pageMargins: [40, 50, 40, 45],
    info: { title: frame.documentTitle, author: frame.title, creator: 'Regula', producer: 'Regula', creationDate: generatedAt } as TDocumentDefinitions['info'],
    language: frame.lang,
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      small: { fontSize: 8, color: '#444444' },
      th: { bold: true, fillColor: '#1f3a5f', color: '#ffffff' },
    },
    header: () => ({
      margin: [40, 20, 40, 0],
      columns: [{ text: frame.title, bold: true }, { text: frame.subtitle, alignment: 'right' }],
      fontSize: 8,
    }),
    footer: (current: number, total: number) => ({
      margin: [40, 10, 40, 0],
      columns: [
        { text: frame.title, fontSize: 8 },
        { text: frame.pageOf.replace('{x}', String(current)).replace('{y}', String(total)), alignment: 'right', fontSize: 8 },
      ],
    }),
    content,
  };
  return new Promise((resolve, reject) => {
    const pdf = pdfPrinter().createPdfKitDocument(doc);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
