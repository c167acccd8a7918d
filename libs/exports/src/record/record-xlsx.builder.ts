import type ExcelJS from 'exceljs';
import { neutralised } from '@regula/platform';
import { CNIL_SECURITY_ITEMS, CNIL_SECURITY_REF } from './cnil-security';
import { RECORD_COLUMNS } from './record-columns';
import { fill } from './record-labels';
import { RecordModel } from './record-model';
import { DATA_COLUMN_WIDTH, dataHeaders, dataValues } from './sheets/data-columns';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

/** A sheet with a styled, frozen header row at `headerRow`, the given columns, and wrapped text. */
function table(sheet: ExcelJS.Worksheet, headerRow: number, columns: { header: string; width: number }[], rows: string[][]): void {
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => neutralised(c.header));
  styleHeader(header);
  rows.forEach((values, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    row.values = values.map(neutralised);
    row.alignment = WRAP;
  });
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
}

/**
 * The record as a workbook: sheet 1 the ICO template (controller block on top,
 * then one row per register, its ICO columns, then its data columns: the
 * register whole, every language and provenance, for an import), sheet 2 the CNIL retention per data category,
 * sheet 3 the CNIL security checklist per register. Every text cell that a
 * spreadsheet would read as a formula is neutralised (a leading apostrophe).
 */
export async function recordXlsx(model: RecordModel): Promise<Buffer> {
  const L = model.labels;
  // Loaded on first use: exceljs is the heaviest package of the API (about 300 modules with its
  // dependencies) and only this export needs it, so a process that never exports never loads it.
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  wb.creator = 'Regula';
  wb.created = model.meta.generatedAt;
  wb.title = fill(L.documentTitle, { controller: model.meta.controllerName, date: model.meta.asOf });

  const record = wb.addWorksheet(L.sheets[0], { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  record.getCell('A1').value = neutralised(`${L.title}: ${model.meta.controllerName}`);
  record.getCell('A1').font = { bold: true, size: 14 };
  model.controller.forEach(([label, value], i) => {
    const row = record.getRow(2 + i);
    row.getCell(1).value = neutralised(label);
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = neutralised(value);
    record.mergeCells(2 + i, 2, 2 + i, 6);
    row.alignment = WRAP;
  });
  const headerRow = model.controller.length + 3;
  table(
    record,
    headerRow,
    [...RECORD_COLUMNS.map((c) => ({ header: L.columns[c.key], width: c.width })), ...dataHeaders(L, model.dataLangs).map((header) => ({ header, width: DATA_COLUMN_WIDTH }))],
    model.rows.map((r) => [...RECORD_COLUMNS.map((c) => r.values[c.key]), ...dataValues(r.data, model.dataLangs)]),
  );

  table(
    wb.addWorksheet(L.sheets[1]),
    1,
    L.retentionColumns.map((header, i) => ({ header, width: [30, 35, 40, 28, 14, 60][i] })),
    model.retention.map((r) => [`${r.registerName} [${r.register}]`, `${r.categoryName} [${r.category}]`, r.period, r.anchor, r.action, r.description]),
  );

  const checklist = wb.addWorksheet(L.sheets[2]);
  table(
    checklist,
    1,
    [{ header: L.columns.register, width: 30 }, ...CNIL_SECURITY_ITEMS.map((i) => ({ header: L.cnil[i.key], width: 28 }))],
    model.security.map((r) => [
      `${r.registerName} [${r.register}]`,
      ...CNIL_SECURITY_ITEMS.map((i) => (r.items[i.key].length ? `${L.yes}: ${r.items[i.key].join('; ')}` : L.no)),
    ]),
  );
  const note = checklist.getRow(model.security.length + 3).getCell(1);
  // the template's own (French) name, not its catalogue key
  note.value = neutralised(fill(L.cnilNote, { source: 'CNIL', at: CNIL_SECURITY_REF.at ?? '' }));
  note.font = { italic: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
