import { toCsv } from '@regula/platform';
import { RECORD_COLUMNS } from './record-columns';
import { RecordModel } from './record-model';

/** The record as CSV: one row per register, the ICO columns of the spreadsheet's first sheet (headings in the labels' language), plus the as-of date. */
export function recordCsv(model: RecordModel): string {
  const L = model.labels;
  return toCsv(
    [L.block.controller, L.block.asOf, ...RECORD_COLUMNS.map((c) => L.columns[c.key])],
    model.rows.map((r) => [model.meta.controllerName, model.meta.asOf, ...RECORD_COLUMNS.map((c) => r.values[c.key])]),
  );
}
