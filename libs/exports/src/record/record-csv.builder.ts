import { toCsv } from '@regula/platform/csv';
import { RECORD_COLUMNS } from './record-columns';
import { RecordModel } from './record-model';

/** The record as CSV: one row per register, the ICO columns of the spreadsheet's first sheet, plus the as-of date. */
export function recordCsv(model: RecordModel): string {
  return toCsv(
    ['Controller', 'As of', ...RECORD_COLUMNS.map((c) => c.header)],
    model.rows.map((r) => [model.meta.controllerName, model.meta.asOf, ...RECORD_COLUMNS.map((c) => r.values[c.key])]),
  );
}
