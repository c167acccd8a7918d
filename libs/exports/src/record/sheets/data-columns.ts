import type { Lang } from '@regula/engine';
import { fill, RecordLabels } from '../record-labels';
import type { RegisterCells } from './register-cells';

/** Width of a data column in the spreadsheet (characters). */
export const DATA_COLUMN_WIDTH = 40;

/** The headings of the data columns after the ICO columns: facts, the texts per language, provenance. */
export function dataHeaders(L: RecordLabels, langs: readonly Lang[]): string[] {
  return [L.data.facts, ...langs.map((lang) => fill(L.data.texts, { lang })), L.data.provenance];
}

/** One register's data cells in the order of `dataHeaders`. */
export function dataValues(cells: RegisterCells, langs: readonly Lang[]): string[] {
  return [cells.facts, ...langs.map((l) => cells.texts[l] ?? ''), cells.provenance];
}
