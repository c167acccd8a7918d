import type ExcelJS from 'exceljs';
import { neutralised, toCsv } from '@regula/platform';

/** A list as an export writes it: headings in the reader's language, then one row of texts per item. */
export interface ExportTable {
  header: string[];
  rows: string[][];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/** CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read its letters right); a formula-looking cell gets a leading apostrophe (toCsv). */
export function tableCsv(table: ExportTable): Buffer {
  return Buffer.from(`\uFEFF${toCsv(table.header, table.rows)}`, 'utf8');
}

/**
 * One sheet: the styled, frozen header row with a filter, then one row per item;
 * every cell text, formula-looking ones neutralised as the record's workbook does.
 * The lists' exports share it (requests, audit log, breach register).
 */
export async function tableXlsx(table: ExportTable, sheetName: string, generatedAt: Date): Promise<Buffer> {
  // Loaded on first use, like the record's workbook: exceljs is heavy and only exports need it.
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  wb.creator = 'Regula';
  wb.created = generatedAt;
  const sheet = wb.addWorksheet(sheetName.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31));
  table.header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, h.length + 4))));
  const header = sheet.getRow(1);
  header.values = table.header.map(neutralised);
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  table.rows.forEach((values, i) => (sheet.getRow(2 + i).values = values.map(neutralised)));
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
