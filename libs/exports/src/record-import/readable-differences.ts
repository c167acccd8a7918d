import { ControllerDefinition, Lang, resolveText } from '@regula/engine';
import type { Text } from '@regula/engine';
import type { StoredDefinition } from '@regula/registers';
import { RECORD_COLUMNS } from '../record/record-columns';
import { recordCsv } from '../record/record-csv.builder';
import { RECORD_LABELS } from '../record/record-labels';
import { buildRecordModel } from '../record/record-model';
import { recordXlsx } from '../record/record-xlsx.builder';
import type { ParsedRecord } from '../record/sheets/record-sheets.parser';
import { SheetGrid, readSheetFile } from '../record/sheets/sheet-file';

export interface Difference {
  sheet: string;
  row: number;
  column: number;
  code: 'readable-differs' | 'controller-differs';
  /** What the controller's facts give (controller-differs). */
  detail?: string;
}

/** The language the file's register names are in: the first of the controller's (or English) that names its first register as the file does. */
function textLang(file: SheetGrid, record: ParsedRecord, def: ControllerDefinition): Lang {
  const first = record.registers[0];
  const shown = file.rows[first.row - 1]?.[record.layout.firstColumn - 1];
  const candidates: Lang[] = [...def.jurisdiction.languages, 'en'];
  return candidates.find((l) => shown === `${resolveText(first.register.name as Text, l).text} [${first.register.id}]`) ?? record.layout.labelLang;
}

/**
 * The readable cells of the file that differ from the export of the imported
 * registers with the controller's facts (rebuilt and read back the same way):
 * an edit made in a readable column (which the import does not read) or a
 * controller block that is not this controller's. Left out: what changes from
 * one export to the next (as-of date, register versions, when generated) and
 * the data columns themselves.
 */
export async function readableDifferences(sheets: SheetGrid[], record: ParsedRecord, def: ControllerDefinition, stored: StoredDefinition, now: Date): Promise<Difference[]> {
  const { layout } = record;
  const ico = sheets.find((s) => s.name === layout.sheet)!;
  const lang = textLang(ico, record, def);
  const versions = new Map(stored.registers.map((v) => [v.key, v]));
  const model = buildRecordModel(def, {
    asOf: now.toISOString().slice(0, 10), timeZone: def.jurisdiction.timeZone, lang, labelLang: layout.labelLang, generatedAt: now,
    registerVersions: def.registers.map((r) => versions.get(r.id) ?? { key: r.id, version: 1, validFrom: now, contentHash: '' }),
  });
  const rebuilt = await readSheetFile(layout.format === 'csv' ? Buffer.from(recordCsv(model), 'utf8') : await recordXlsx(model), { ...SHEETS_UNLIMITED });
  if ('refused' in rebuilt) return [];
  const B = RECORD_LABELS[layout.labelLang].block;
  const volatileLabels = new Set([B.asOf, B.registerVersions, B.generated]);
  const versionColumn = layout.firstColumn + RECORD_COLUMNS.findIndex((c) => c.key === 'version');
  const lastIcoColumn = layout.firstColumn + RECORD_COLUMNS.length - 1;
  const out: Difference[] = [];
  rebuilt.sheets.forEach((theirs, s) => {
    const mine = sheets[s];
    if (!mine) return;
    const isIco = mine.name === layout.sheet;
    const rows = Math.max(mine.rows.length, theirs.rows.length);
    for (let r = 1; r <= rows; r++) {
      const a = mine.rows[r - 1] ?? [];
      const b = theirs.rows[r - 1] ?? [];
      const cols = Math.max(a.length, b.length);
      const inBlock = isIco && layout.format === 'xlsx' && r < layout.headerRow;
      if (inBlock && volatileLabels.has(a[0] ?? '')) continue;
      for (let c = 1; c <= cols; c++) {
        if ((a[c - 1] ?? '') === (b[c - 1] ?? '')) continue;
        if (isIco && r > layout.headerRow && (c === versionColumn || c > lastIcoColumn)) continue;
        if (isIco && layout.format === 'csv' && r > 1 && c === 2) continue;
        // the block's value is merged over the columns after it: one difference, in its own cell
        if (inBlock && c > 2) continue;
        const controller = inBlock || (isIco && layout.format === 'csv' && c === 1);
        out.push({ sheet: mine.name, row: r, column: c, code: controller ? 'controller-differs' : 'readable-differs', ...(controller ? { detail: (b[c - 1] ?? '').slice(0, 200) } : {}) });
      }
    }
  });
  return out;
}

/** The rebuilt file is ours: read it whole. */
const SHEETS_UNLIMITED = {
  maxBytes: Number.MAX_SAFE_INTEGER, maxUnzippedBytes: Number.MAX_SAFE_INTEGER, maxZipEntries: Number.MAX_SAFE_INTEGER, maxZipRatio: Number.MAX_SAFE_INTEGER,
  maxCells: Number.MAX_SAFE_INTEGER, maxRows: Number.MAX_SAFE_INTEGER, maxColumns: Number.MAX_SAFE_INTEGER,
};
