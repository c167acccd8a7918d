import { toCsv } from '@regula/platform';
import { RECORD_COLUMNS } from './record-columns';
import { RecordModel } from './record-model';
import { dataHeaders, dataValues } from './sheets/data-columns';

/**
 * The record as CSV: one row per register, the controller and the as-of date, the ICO columns of the
 * spreadsheet's first sheet (headings in the labels' language), then the register's data columns
 * (the register whole, every language and provenance, for an import).
 */
export function recordCsv(model: RecordModel): string {
  const L = model.labels;
  return toCsv(
    [L.block.controller, L.block.asOf, ...RECORD_COLUMNS.map((c) => L.columns[c.key]), ...dataHeaders(L, model.dataLangs)],
    model.rows.map((r) => [model.meta.controllerName, model.meta.asOf, ...RECORD_COLUMNS.map((c) => r.values[c.key]), ...dataValues(r.data, model.dataLangs)]),
  );
}
