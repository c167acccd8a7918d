import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { TENANTS } from '@regula/tenants';
import { buildRecordModel } from '../record-model';
import { recordCsv } from '../record-csv.builder';
import { recordXlsx } from '../record-xlsx.builder';
import { IMPORT_MESSAGES, importMessage } from './import-messages';
import { parseRecordSheets } from './record-sheets.parser';
import { SHEET_LIMITS, columnLetters, readSheetFile } from './sheet-file';

const modelOf = (def: (typeof TENANTS)[number], labelLang: 'en' | 'lv' = 'en') =>
  buildRecordModel(def, {
    asOf: '2026-11-21', timeZone: def.jurisdiction.timeZone, lang: def.jurisdiction.languages[0], labelLang, generatedAt: new Date('2026-11-21T10:00:00Z'),
    registerVersions: def.registers.map((r) => ({ key: r.id, version: 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: '0'.repeat(64) })),
  });
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

async function read(body: Buffer, limits = SHEET_LIMITS) {
  const file = await readSheetFile(body, limits);
  if ('refused' in file) throw new Error(file.refused.code);
  return file;
}

describe('the record read back from its spreadsheet', () => {
  it.each(TENANTS.map((t) => [t.slug, t] as const))('%s: XLSX and CSV give back every register exactly', async (_slug, def) => {
    for (const body of [await recordXlsx(modelOf(def)), Buffer.from(recordCsv(modelOf(def, 'lv')), 'utf8')]) {
      const file = await read(body);
      expect(file.formulas).toEqual([]);
      const parsed = parseRecordSheets(file.format, file.sheets);
      if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
      expect(parsed.record.registers.map((r) => r.register)).toEqual(plain(def.registers));
    }
  });

  it('neutralises a readable cell a spreadsheet would run as a formula, and still gives the register back exactly', async () => {
    const def = TENANTS[3];
    const first = def.registers[0];
    const risky = { ...def, registers: [{ ...first, name: { ...first.name, en: '=HYPERLINK("http://127.0.0.1/")' }, businessFunction: { en: '@SUM(1)' } }, ...def.registers.slice(1)] };
    for (const body of [await recordXlsx(modelOf(risky, 'en')), Buffer.from(recordCsv(modelOf(risky)), 'utf8')]) {
      const file = await read(body);
      expect(file.formulas).toEqual([]);
      const cells = file.sheets.flatMap((s) => s.rows.flat());
      expect(cells).toContain('\'@SUM(1)');
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
      const parsed = parseRecordSheets(file.format, file.sheets);
      if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
      expect(parsed.record.registers[0].register).toEqual(plain(risky.registers[0]));
    }
  });

  it('names sheet, row and column of a bad line and of a formula, and reads no formula', async () => {
    const def = TENANTS[3];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recordXlsx(modelOf(def))) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0];
    const header = sheet.getColumn(1).values.findIndex((v) => v === 'Register');
    const factsColumn = (sheet.getRow(header).values as unknown[]).findIndex((v) => v === 'Register data: facts');
    sheet.getRow(header + 1).getCell(factsColumn).value = 'id = "x"\nnot a line';
    sheet.getRow(header + 2).getCell(3).value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
    const file = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(file.formulas).toEqual([{ sheet: sheet.name, row: header + 2, column: 3, code: 'formula' }]);
    const parsed = parseRecordSheets(file.format, file.sheets);
    expect('problems' in parsed && parsed.problems).toEqual([{ sheet: sheet.name, row: header + 1, column: factsColumn, code: 'line', params: { line: 2, detail: 'not a line' } }]);
  });

  it('refuses a zip bomb, a file too large, too many cells, and what is no spreadsheet', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(3_000_000));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await readSheetFile(bomb, { ...SHEET_LIMITS, maxUnzippedBytes: 2_000_000 })).toEqual({ refused: { code: 'zip-bomb', limit: 2_000_000 } });
    expect(await readSheetFile(bomb, { ...SHEET_LIMITS, maxZipRatio: 10 })).toEqual({ refused: { code: 'zip-bomb', limit: 10 } });
    // a zip that lies about its sizes (1,000 bytes declared in both headers): counted while inflated, and stopped
    const liar = Buffer.from(bomb);
    for (const [signature, at] of [[0x04034b50, 22], [0x02014b50, 24]] as const) {
      for (let i = liar.indexOf(Buffer.from(new Uint32Array([signature]).buffer)); i >= 0; i = liar.indexOf(Buffer.from(new Uint32Array([signature]).buffer), i + 4)) liar.writeUInt32LE(1000, i + at);
    }
    expect(await readSheetFile(liar, { ...SHEET_LIMITS, maxUnzippedBytes: 2_000_000 })).toEqual({ refused: { code: 'zip-bomb', limit: 2_000_000 } });
    expect(await readSheetFile(Buffer.alloc(SHEET_LIMITS.maxBytes + 1, 65))).toEqual({ refused: { code: 'too-large', limit: SHEET_LIMITS.maxBytes } });
    expect(await readSheetFile(Buffer.from('a,b\nc,d\n'), { ...SHEET_LIMITS, maxCells: 3 })).toEqual({ refused: { code: 'too-many-cells', limit: 3 } });
    expect(await readSheetFile(Buffer.from([0xff, 0xfe, 0x00]))).toEqual({ refused: { code: 'not-a-spreadsheet' } });
    const csv = await read(Buffer.from('a,=1+1\n'));
    expect(csv.formulas).toEqual([{ sheet: 'CSV', row: 1, column: 2, code: 'formula' }]);
  });

  it('says every message in every language', () => {
    const codes = Object.keys(IMPORT_MESSAGES.en).sort();
    for (const lang of ['et', 'lt', 'lv', 'sv'] as const) expect(Object.keys(IMPORT_MESSAGES[lang]).sort()).toEqual(codes);
    expect(importMessage('line', 'lv', { line: 3 })).toBe('3. rinda nav formā “ceļš = vērtība”.');
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
