import type ExcelJS from 'exceljs';
import { looksLikeFormula } from '@regula/platform';

/** A sheet as text cells: `rows[r][c]` (0-based), each cell's text as the file holds it. */
export interface SheetGrid {
  name: string;
  rows: string[][];
}

export type SheetFormat = 'xlsx' | 'csv';

/**
 * What an import reads at most. The zip's sizes are read from its central
 * directory, then each part is inflated and counted before exceljs sees the
 * file, so a zip whose parts are far larger than it (a zip bomb) or that lies
 * about their sizes is refused without being unpacked.
 */
export const SHEET_LIMITS = {
  /** The file as uploaded. */
  maxBytes: 5 * 1024 * 1024,
  /** All parts of an XLSX unpacked. */
  maxUnzippedBytes: 40 * 1024 * 1024,
  /** Parts of an XLSX. */
  maxZipEntries: 200,
  /** Unpacked size over packed size of any part. */
  maxZipRatio: 200,
  /** Non-empty cells of all sheets. */
  maxCells: 100_000,
  /** Rows and columns of a sheet. */
  maxRows: 20_000,
  maxColumns: 200,
};

/** The file is refused as a whole (too large, a zip bomb, not a spreadsheet): nothing of it was read. */
export interface FileRefusal {
  code: 'too-large' | 'zip-bomb' | 'too-many-cells' | 'not-a-spreadsheet' | 'too-many-rows';
  /** The limit passed, where one was. */
  limit?: number;
}

/** A cell an import refuses (a formula: never evaluated). */
export interface CellRefusal {
  sheet: string;
  row: number;
  column: number;
  code: 'formula';
}

export type SheetFile = { format: SheetFormat; sheets: SheetGrid[]; formulas: CellRefusal[] } | { refused: FileRefusal };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an uploaded XLSX (by its content: a zip) or CSV (UTF-8 text) into text grids, within `SHEET_LIMITS`. */
export async function readSheetFile(bytes: Buffer, limits = SHEET_LIMITS): Promise<SheetFile> {
  if (bytes.length > limits.maxBytes) return { refused: { code: 'too-large', limit: limits.maxBytes } };
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(bytes, limits);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { refused: { code: 'not-a-spreadsheet' } };
  }
  if (text.includes('\u0000')) return { refused: { code: 'not-a-spreadsheet' } };
  return readCsv(text.replace(/^\uFEFF/, ''), limits);
}

function readCsv(text: string, limits: typeof SHEET_LIMITS): SheetFile {
  const rows = csvRows(text);
  if (rows.length > limits.maxRows || rows.some((r) => r.length > limits.maxColumns)) return { refused: { code: 'too-many-rows', limit: limits.maxRows } };
  const cells = rows.reduce((n, r) => n + r.filter((c) => c !== '').length, 0);
  if (cells > limits.maxCells) return { refused: { code: 'too-many-cells', limit: limits.maxCells } };
  const formulas: CellRefusal[] = [];
  // what the export wrote begins with an apostrophe when it would read as a formula: a bare one was typed in
  rows.forEach((r, i) => r.forEach((c, j) => looksLikeFormula(c) && formulas.push({ sheet: 'CSV', row: i + 1, column: j + 1, code: 'formula' })));
  return { format: 'csv', sheets: [{ name: 'CSV', rows }], formulas };
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF); a last empty line is no row. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The zip's parts, their sizes read from the central directory and then counted while inflated, before exceljs loads it. */
async function zipRefusal(bytes: Buffer, limits: typeof SHEET_LIMITS): Promise<FileRefusal | undefined> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { code: 'not-a-spreadsheet' };
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.maxZipEntries) return { code: 'zip-bomb', limit: limits.maxZipEntries };
  // the central directory's sizes (jszip keeps them on the entry, undeclared in its types)
  const sizes = files.map((f) => (f as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data ?? {});
  const declared = sizes.reduce((n, s) => n + (s.uncompressedSize ?? 0), 0);
  if (declared > limits.maxUnzippedBytes) return { code: 'zip-bomb', limit: limits.maxUnzippedBytes };
  if (sizes.some((s) => (s.uncompressedSize ?? 0) > 1024 * 1024 && (s.uncompressedSize ?? 0) > limits.maxZipRatio * Math.max(1, s.compressedSize ?? 0))) {
    return { code: 'zip-bomb', limit: limits.maxZipRatio };
  }
  // the sizes may lie: count what each part really inflates to, stopping at the limit
  let total = 0;
  for (const f of files) {
    const over = await new Promise<boolean>((resolve, reject) => {
      const stream = f.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.maxUnzippedBytes) {
            stream.pause();
            resolve(true);
          }
        })
        .on('error', reject)
        .on('end', () => resolve(false));
    }).catch(() => undefined);
    if (over === undefined) return { code: 'not-a-spreadsheet' };
    if (over) return { code: 'zip-bomb', limit: limits.maxUnzippedBytes };
  }
  return undefined;
}

async function readXlsx(bytes: Buffer, limits: typeof SHEET_LIMITS): Promise<SheetFile> {
  const refused = await zipRefusal(bytes, limits);
  if (refused) return { refused };
  const { Workbook, ValueType } = await import('exceljs');
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return { refused: { code: 'not-a-spreadsheet' } };
  }
  let cells = 0;
  for (const sheet of wb.worksheets) {
    if (sheet.rowCount > limits.maxRows || sheet.columnCount > limits.maxColumns) return { refused: { code: 'too-many-rows', limit: limits.maxRows } };
    sheet.eachRow((row) => (cells += row.actualCellCount));
  }
  if (cells > limits.maxCells) return { refused: { code: 'too-many-cells', limit: limits.maxCells } };
  const formulas: CellRefusal[] = [];
  const sheets = wb.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row, r) => {
      const out: string[] = [];
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (cell.type === ValueType.Formula || (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))) {
          formulas.push({ sheet: sheet.name, row: r, column: c, code: 'formula' });
          return;
        }
        out[c - 1] = cellText(cell);
      });
      rows[r - 1] = Array.from(out, (v) => v ?? '');
    });
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  return { format: 'xlsx', sheets, formulas };
}

/** A cell's text: a string as it is, rich text joined, a number, date or yes/no as written. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (v instanceof Date) return v.toISOString();
  return cell.text;
}

/** A column's letters as a spreadsheet shows them (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
