import { LANGS, Lang } from '@regula/engine';
import { RECORD_COLUMNS } from '../record-columns';
import { RECORD_LABELS } from '../record-labels';
import { ImportMessageCode } from './import-messages';
import { CellProblem, RegisterCells, registerFromCells } from './register-cells';
import { SheetFormat, SheetGrid } from './sheet-file';

/** One problem with the file, where it is: sheet, row and column (1-based, as a spreadsheet counts). */
export interface SheetProblem {
  sheet: string;
  row: number;
  column: number;
  code: ImportMessageCode;
  params?: Record<string, string | number>;
}

/** A register read from a row of the file. */
export interface SheetRegister {
  row: number;
  register: Record<string, unknown> & { id: string };
}

/** Where the columns of the record are in the file. */
export interface RecordLayout {
  format: SheetFormat;
  /** The language of the headings and fixed words. */
  labelLang: Lang;
  sheet: string;
  /** 1-based row of the ICO headings. */
  headerRow: number;
  /** 1-based column of the first ICO column (the register). */
  firstColumn: number;
  /** 1-based columns of the data: facts, texts per language, provenance. */
  data: { facts: number; texts: Partial<Record<Lang, number>>; provenance: number };
  /** XLSX: the controller block, label and value with their 1-based row. */
  controller: { row: number; label: string; value: string }[];
}

export interface ParsedRecord {
  layout: RecordLayout;
  registers: SheetRegister[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ICO headings in some language, at `at` of `row`. */
function headingsLang(row: string[] | undefined, at: number): Lang | undefined {
  if (!row) return undefined;
  return LANGS.find((l) => RECORD_COLUMNS.every((c, i) => row[at + i] === RECORD_LABELS[l].columns[c.key]));
}

/** The data columns after the ICO columns, by their headings in `lang`. */
function dataColumns(row: string[], from: number, lang: Lang): RecordLayout['data'] | undefined {
  const L = RECORD_LABELS[lang].data;
  const texts = new RegExp(`^${escape(L.texts).replace(escape('{lang}'), '([a-z]{2})')}$`);
  const data: { facts?: number; texts: Partial<Record<Lang, number>>; provenance?: number } = { texts: {} };
  for (let c = from; c < row.length; c++) {
    const h = row[c];
    const m = texts.exec(h);
    if (h === L.facts) data.facts = c + 1;
    else if (h === L.provenance) data.provenance = c + 1;
    else if (m && (LANGS as readonly string[]).includes(m[1])) data.texts[m[1] as Lang] = c + 1;
  }
  return data.facts && data.provenance && data.texts.en ? { facts: data.facts, texts: data.texts, provenance: data.provenance } : undefined;
}

/**
 * Reads the record Regula exports (`record-xlsx.builder.ts`, `record-csv.builder.ts`) back:
 * finds the ICO headings in any of the five languages, then each register row's data
 * columns (`register-cells.ts`). Pure: the file's grids in, the registers (with the row
 * each came from) or the problems out, each naming its sheet, row and column.
 */
export function parseRecordSheets(format: SheetFormat, sheets: SheetGrid[]): { record: ParsedRecord } | { problems: SheetProblem[] } {
  const found = format === 'csv' ? findCsv(sheets[0]) : findXlsx(sheets);
  if ('problem' in found) return { problems: [found.problem] };
  const { layout, grid } = found;
  const problems: SheetProblem[] = [];
  const registers: SheetRegister[] = [];
  const seen = new Map<string, number>();
  const { data } = layout;
  for (let r = layout.headerRow; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every((c) => c === '')) continue;
    const cell = (col: number) => row[col - 1] ?? '';
    const cells: RegisterCells = {
      facts: cell(data.facts),
      provenance: cell(data.provenance),
      texts: Object.fromEntries(Object.entries(data.texts).map(([l, col]) => [l, cell(col)])),
    };
    const out = registerFromCells(cells);
    if ('problems' in out) {
      problems.push(...out.problems.map((p) => problemOf(p, layout, r + 1)));
      continue;
    }
    const id = out.register.id as string;
    if (seen.has(id)) {
      problems.push({ sheet: layout.sheet, row: r + 1, column: data.facts, code: 'duplicate-register', params: { detail: id } });
      continue;
    }
    seen.set(id, r + 1);
    registers.push({ row: r + 1, register: out.register as SheetRegister['register'] });
  }
  if (!problems.length && !registers.length) problems.push({ sheet: layout.sheet, row: layout.headerRow + 1, column: layout.firstColumn, code: 'no-registers' });
  return problems.length ? { problems } : { record: { layout, registers } };
}

function problemOf(p: CellProblem, layout: RecordLayout, row: number): SheetProblem {
  const column = p.cell === 'facts' ? layout.data.facts : p.cell === 'provenance' ? layout.data.provenance : (layout.data.texts[p.cell.text] ?? layout.data.facts);
  return { sheet: layout.sheet, row, column, code: p.code, params: { line: p.line, detail: p.detail } };
}

type Found = { layout: RecordLayout; grid: SheetGrid } | { problem: SheetProblem };

function findCsv(grid: SheetGrid | undefined): Found {
  const header = grid?.rows[0];
  const lang = headingsLang(header, 2);
  if (!grid || !header || !lang || header[0] !== RECORD_LABELS[lang].block.controller) return { problem: { sheet: grid?.name ?? 'CSV', row: 1, column: 1, code: 'no-header' } };
  const data = dataColumns(header, 2 + RECORD_COLUMNS.length, lang);
  if (!data) return { problem: { sheet: grid.name, row: 1, column: 3 + RECORD_COLUMNS.length, code: 'no-data-columns' } };
  return { grid, layout: { format: 'csv', labelLang: lang, sheet: grid.name, headerRow: 1, firstColumn: 3, data, controller: [] } };
}

function findXlsx(sheets: SheetGrid[]): Found {
  for (const grid of sheets) {
    const r = grid.rows.findIndex((row) => headingsLang(row, 0) !== undefined);
    if (r < 0) continue;
    const lang = headingsLang(grid.rows[r], 0)!;
    const data = dataColumns(grid.rows[r], RECORD_COLUMNS.length, lang);
    if (!data) return { problem: { sheet: grid.name, row: r + 1, column: RECORD_COLUMNS.length + 1, code: 'no-data-columns' } };
    // the controller block: the rows between the title and the headings, label and value
    const controller = grid.rows.slice(1, r).map((row, i) => ({ row: i + 2, label: row?.[0] ?? '', value: row?.[1] ?? '' })).filter((c) => c.label !== '');
    return { grid, layout: { format: 'xlsx', labelLang: lang, sheet: grid.name, headerRow: r + 1, firstColumn: 1, data, controller } };
  }
  return { problem: { sheet: sheets[0]?.name ?? '', row: 1, column: 1, code: 'no-header' } };
}
