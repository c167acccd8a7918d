import ExcelJS from 'exceljs';
import { LANGS } from '@regula/engine';
import { findTenant } from '@regula/tenants';
import { CNIL_SECURITY_ITEMS } from './cnil-security';
import { RECORD_COLUMNS } from './record-columns';
import { RECORD_LABELS, RecordLabels } from './record-labels';
import { buildRecordModel } from './record-model';
import { recordCsv } from './record-csv.builder';
import { recordXlsx } from './record-xlsx.builder';

const strings = (l: RecordLabels): string[] => [
  ...Object.values(l.columns), ...Object.values(l.block), ...Object.values(l.cnil), ...l.sheets, ...l.retentionColumns,
  l.asOfValue, l.whileAny, l.asLongAsNecessary, l.title, l.subtitle, l.documentTitle, l.pageOf, l.cnilNote, l.consentRecord,
];

describe('the record in the languages of the controllers', () => {
  it('has every heading and label in en, et, lt, lv and sv; English is the templates\' wording', () => {
    expect(RECORD_COLUMNS.map((c) => RECORD_LABELS.en.columns[c.key])).toEqual(RECORD_COLUMNS.map((c) => c.header));
    expect(CNIL_SECURITY_ITEMS.map((i) => RECORD_LABELS.en.cnil[i.key])).toEqual(CNIL_SECURITY_ITEMS.map((i) => i.label));
    for (const lang of LANGS) {
      const L = RECORD_LABELS[lang];
      expect(Object.keys(L.columns).sort()).toEqual(RECORD_COLUMNS.map((c) => c.key).sort());
      expect(strings(L).every((s) => s.trim().length > 0)).toBe(true);
      expect(L.sheets.every((s) => s.length <= 31 && !/[[\]:*?/\\]/.test(s))).toBe(true); // Excel's limits on sheet names
      // the legal references are kept in every language
      expect(L.columns.art6).toMatch(/6/);
      expect(L.columns.art9).toMatch(/9/);
      expect(L.block.representative).toMatch(/27/);
      expect(L.title).toMatch(/30/);
      expect(L.dpaInPlace).toMatch(/28/);
      if (lang !== 'en') expect(L.columns.purposes).not.toBe(RECORD_LABELS.en.columns.purposes);
    }
  });

  it('builds the Latvian record: Latvian headings, controller block and retention conditions, the legal references kept', async () => {
    const def = findTenant('inomedis')!;
    const model = buildRecordModel(def, {
      asOf: '2026-11-21', timeZone: 'Europe/Riga', lang: 'lv', labelLang: 'lv', generatedAt: new Date('2026-11-21T10:00:00Z'),
      registerVersions: def.registers.map((r) => ({ key: r.id, version: 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: '0'.repeat(64) })),
    });
    const block = Object.fromEntries(model.controller);
    expect(block['Pārzinis']).toContain('Inomedis');
    expect(block['Stāvoklis uz']).toBe('2026-11-21, dienas beigas, Europe/Riga');
    expect(block['Pārstāvis (VDAR 27. pants)']).toBe('nav (reģistrēts Eiropas Savienībā)');
    const conditions = def.registers.flatMap((r) => r.retention).filter((r) => r.kind === 'conditions');
    expect(conditions.length).toBeGreaterThan(0);
    expect(model.retention.some((r) => r.period.startsWith('kamēr pastāv kāds no nosacījumiem ('))).toBe(true);
    expect(model.retention.every((r) => ['dzēšana', 'anonimizēšana'].includes(r.action))).toBe(true);
    expect(model.rows.some((r) => /pēc tam (dzēšana|anonimizēšana)/.test(r.values.retention))).toBe(true);
    expect(model.rows.every((r) => /^profilēšana: (jā|nē)/.test(r.values.automatedDecisions))).toBe(true);
    // legal bases, rights, DPIA status, durations and anchors in Latvian words, the articles cited as Latvian cites them
    expect(model.rows.some((r) => r.values.art6.includes('juridisks pienākums (VDAR 6. panta 1. punkta c) apakšpunkts)'))).toBe(true);
    expect(model.rows.some((r) => r.values.rights.includes('Piekļuve saviem datiem (VDAR 15. pants)'))).toBe(true);
    const all = [...model.rows.flatMap((r) => Object.values(r.values)), ...model.retention.flatMap((r) => [r.period, r.anchor, r.action])].join('\n');
    expect(all).not.toMatch(/GDPR|\bArt\. |\bP\d+[YMD]\b|not-required|\bunknown\b/);
    expect(model.retention.some((r) => /\d+ (gads|gadi|mēnesis|mēneši|diena|dienas)/.test(r.period))).toBe(true);

    expect(recordCsv(model).split('\r\n')[0]).toMatch(/^Pārzinis,Stāvoklis uz,Reģistrs,Reģistra versija,Darbības joma,Apstrādes nolūki,/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recordXlsx(model)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['30. panta reģistrs', 'Glabāšana (CNIL)', 'Drošība (CNIL)']);
    const header = wb.worksheets[0].getRow(model.controller.length + 3);
    expect(header.getCell(1).value).toBe('Reģistrs');
    expect(header.getCell(RECORD_COLUMNS.findIndex((c) => c.key === 'art6') + 1).value).toBe('Tiesiskais pamats (VDAR 6. pants)');
    expect(wb.worksheets[1].getRow(1).getCell(3).value).toBe('Glabāšanas termiņš');
    expect(wb.worksheets[2].getRow(1).getCell(3).value).toBe('Lietotāju darbību izsekojamība');
  });
});
