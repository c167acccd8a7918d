import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTenant } from '@regula/tenants';
import { buildDescriptionModel } from '../descriptions/description-model';
import { descriptionPdf } from '../descriptions/description-pdf.builder';
import { buildRecordModel } from '../record/record-model';
import { recordPdf } from '../record/record-pdf.builder';

/** Its own file: the fonts are shared per process, and this needs them fresh. */
describe('PDF fonts shared across documents', () => {
  it('keep every letter in the text layer ("z" after other documents drew "ž")', async () => {
    const at = new Date('2026-11-21T10:00:00Z');
    // Estonian, Lithuanian and Swedish documents first: their subsets fetch the "z" inside the composite "ž" by glyph id alone
    for (const [slug, lang] of [['medical-management', 'et'], ['softera-baltic', 'lt'], ['micromedic', 'sv']] as const) {
      const other = findTenant(slug)!;
      await recordPdf(buildRecordModel(other, { asOf: '2026-11-21', timeZone: 'Europe/Vilnius', lang, labelLang: lang, generatedAt: at, registerVersions: [] }));
      for (const r of other.registers) await descriptionPdf(buildDescriptionModel(other, r, lang, { asOf: '2026-11-21', timeZone: 'Europe/Vilnius', version: 1 }), at);
    }
    const def = findTenant('inomedis')!;
    const clients = def.registers.find((r) => r.dataCategories.some((c) => c.required))!;
    const pdf = await descriptionPdf(buildDescriptionModel(def, clients, 'lv', { asOf: '2026-11-21', timeZone: 'Europe/Riga', version: 1 }), at);
    const dir = mkdtempSync(join(tmpdir(), 'regula-pdf-text-'));
    try {
      writeFileSync(join(dir, 'd.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Ar zvaigznīti (*) atzīmēto');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
