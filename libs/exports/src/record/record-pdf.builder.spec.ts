import { findTenant } from '@regula/tenants';
import { buildRecordModel } from './record-model';
import { recordPdf } from './record-pdf.builder';

describe('the record PDF', () => {
  it('is an A4 landscape PDF with a page per register after the controller block', async () => {
    const def = findTenant('softera-baltic')!;
    const pdf = await recordPdf(buildRecordModel(def, {
      asOf: '2026-11-21', timeZone: 'Europe/Vilnius', lang: 'lt', generatedAt: new Date('2026-11-21T10:00:00Z'),
      registerVersions: def.registers.map((r) => ({ key: r.id, version: 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: '0'.repeat(64) })),
    }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(def.registers.length + 3);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});
