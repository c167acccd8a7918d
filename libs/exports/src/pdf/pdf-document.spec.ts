import PdfPrinter from 'pdfmake';
import { findTenant } from '@regula/tenants';
import { buildDescriptionModel } from '../descriptions/description-model';
import { descriptionPdf } from '../descriptions/description-pdf.builder';
import { pdfPrinter } from './pdf-document';
import { robotoFonts } from './pdf-fonts';

describe('PDF rendering', () => {
  const def = findTenant('inomedis')!;
  const model = (i: number) => buildDescriptionModel(def, def.registers[i], 'lv', { asOf: '2026-11-21', timeZone: 'Europe/Riga', version: 1 });

  it('renders every document with one printer and one set of font buffers per process', async () => {
    const printers = new Set<unknown>();
    const original = PdfPrinter.prototype.createPdfKitDocument;
    const spy = jest.spyOn(PdfPrinter.prototype, 'createPdfKitDocument').mockImplementation(function (this: PdfPrinter, ...args) {
      printers.add(this);
      return original.apply(this, args);
    });
    try {
      await descriptionPdf(model(0), new Date('2026-11-21T10:00:00Z'));
      await descriptionPdf(model(1), new Date('2026-11-21T10:00:00Z'));
    } finally {
      spy.mockRestore();
    }
    expect(printers.size).toBe(1);
    expect([...printers][0]).toBe(pdfPrinter());
    expect(robotoFonts()).toBe(robotoFonts());
    expect(robotoFonts().normal).toBe(robotoFonts().normal);
  });

  it('gives the same bytes for the same document, before and after the shared font caches are warm', async () => {
    const at = new Date('2026-11-21T10:00:00Z');
    const first = await descriptionPdf(model(2), at);
    for (let i = 0; i < 3; i++) await descriptionPdf(model(i), at);
    expect((await descriptionPdf(model(2), at)).equals(first)).toBe(true);
  });
});
