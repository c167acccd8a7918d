import ExcelJS from 'exceljs';
import { findTenant } from '@regula/tenants';
import { RECORD_COLUMNS } from './record-columns';
import { buildRecordModel } from './record-model';
import { recordXlsx } from './record-xlsx.builder';

describe('the record workbook', () => {
  it('has the ICO sheet (controller block, frozen styled header, a row per register), CNIL retention and security sheets', async () => {
    const def = findTenant('micromedic')!;
    const model = buildRecordModel(def, {
      asOf: '2026-11-21', timeZone: 'Europe/Stockholm', lang: 'sv', generatedAt: new Date('2026-11-21T10:00:00Z'),
      registerVersions: def.registers.map((r) => ({ key: r.id, version: 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: '0'.repeat(64) })),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recordXlsx(model)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Art. 30 record', 'Retention (CNIL)', 'Security (CNIL)']);

    const record = wb.worksheets[0];
    expect(record.getCell('B2').value).toBe('Micromedic AB');
    const headerRow = model.controller.length + 3;
    expect(record.getRow(headerRow).getCell(1).value).toBe('Register');
    expect(record.getRow(headerRow).getCell(1).font?.bold).toBe(true);
    expect(record.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const purposeCol = RECORD_COLUMNS.findIndex((c) => c.key === 'purposes') + 1;
    expect(record.getColumn(purposeCol).width).toBe(45);
    expect(record.getRow(headerRow + 1).getCell(purposeCol).alignment?.wrapText).toBe(true);
    expect(record.rowCount).toBe(headerRow + def.registers.length);

    const retention = wb.worksheets[1];
    expect(retention.rowCount).toBe(1 + model.retention.length);
    expect(String(retention.getRow(2).getCell(3).value)).toMatch(/^\d+ (year|month|day)s?\b/); // in words, never the ISO code
    const security = wb.worksheets[2];
    expect(security.getRow(1).getCell(2).value).toBe('User access control and authentication');
    expect(String(security.getRow(2).getCell(2).value)).toMatch(/^(yes: |no$)/);
  });
});
