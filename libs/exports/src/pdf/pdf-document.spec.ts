import { findTenant } from '@regula/tenants';
import { buildDescriptionModel } from '../descriptions/description-model';
import { descriptionPdf } from '../descriptions/description-pdf.builder';
import { robotoFonts } from './pdf-fonts';

describe('PDF rendering', () => {
  const def = findTenant('inomedis')!;
  const model = (i: number) => buildDescriptionModel(def, def.registers[i], 'lv', { asOf: '2026-11-21', timeZone: 'Europe/Riga', version: 1 });

  it('decodes the font buffers once per process', () => {
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
