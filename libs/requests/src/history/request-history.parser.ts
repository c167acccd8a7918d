import { LANGS, zonedInstant } from '@regula/engine';
import { receiptInstant } from '../request-recording.validation';
import { normaliseReference } from '../request-secrets';
import { IDENTITY_METHODS, REQUEST_STATES, REQUEST_TYPES } from '../request-types';
import type { IdentityMethod, RequestType } from '../request-types';
import { HISTORIC_CHANNELS, HISTORIC_STATES } from './historic-requests.service';
import type { HistoricRequest, HistoricState } from './historic-requests.service';
import { REQUEST_EXPORT_COLUMNS, RequestExportColumn } from './request-columns';

/** A catalogue's word: `t(lang, key)` (the dashboard's catalogues; the codes alone are read too). */
export type HistoryWords = (lang: string, key: string) => string;

/** What is wrong with a cell (or the file), said by `requestHistory.problems.<code>` in the admin's language. */
export type HistoryProblemCode =
  | 'no-header' | 'no-rows' | 'required' | 'date' | 'future' | 'before-received' | 'after-answered'
  | 'type' | 'state' | 'not-closed' | 'channel' | 'identity-method' | 'yes-no' | 'extended-without-date' | 'date-without-extended'
  | 'reference' | 'reference-twice' | 'reference-taken' | 'formula';

export interface HistoryProblem {
  /** 1-based, as a spreadsheet numbers them. */
  row: number;
  column: number;
  code: HistoryProblemCode;
  params?: Record<string, string | number>;
}

/** The columns an import must find; the others are optional, or ignored (`handler`, `dueDate`, `onTime`: computed again, no member's name imported). */
export const REQUIRED_HISTORY_COLUMNS: readonly RequestExportColumn[] = ['received', 'channel', 'type', 'identityMethod', 'state', 'answeredAt'];
export const OPTIONAL_HISTORY_COLUMNS: readonly RequestExportColumn[] = ['reference', 'identityConfirmedAt', 'extended', 'extendedAt'];

export interface ParsedHistory {
  requests: (HistoricRequest & { row: number })[];
  problems: HistoryProblem[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');

/** The words of one coded field in every language of the dashboard, and the codes themselves, mapped to the code. */
function vocabulary<C extends string>(codes: readonly C[], key: (code: C) => string, t: HistoryWords): Map<string, C> {
  const words = new Map<string, C>();
  for (const code of codes) {
    words.set(norm(code), code);
    for (const lang of LANGS) words.set(norm(t(lang, key(code))), code);
  }
  return words;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant as the export writes it ('YYYY-MM-DD HH:MM' in the controller's zone), ISO 8601 with an offset, or a date alone (its local midnight). */
function instantOf(cell: string, timeZone: string): Date | undefined {
  const d = DATE_ONLY.exec(cell.trim());
  if (d) {
    try {
      return zonedInstant({ year: +d[1], month: +d[2], day: +d[3], hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
    } catch {
      return undefined;
    }
  }
  return receiptInstant(cell, timeZone);
}

/**
 * Reads closed requests of the past from the rows of the requests list's
 * export (request-list.sheet.ts): its headings and coded values in any of the
 * dashboard's languages (or the codes), instants in the controller's time
 * zone. Pure. Every problem names its row and column; a file with a problem
 * imports nothing.
 */
export function parseRequestHistory(rows: string[][], timeZone: string, now: Date, t: HistoryWords): ParsedHistory {
  const headings = vocabulary(REQUEST_EXPORT_COLUMNS, (c) => `requestExport.columns.${c}`, t);
  const headerAt = rows.findIndex((r) => REQUIRED_HISTORY_COLUMNS.every((c) => r.some((cell) => headings.get(norm(cell)) === c)));
  if (headerAt < 0) {
    const first = rows.findIndex((r) => r.some((c) => c.trim()));
    return { requests: [], problems: [{ row: Math.max(first, 0) + 1, column: 1, code: 'no-header' }] };
  }
  const at = new Map<RequestExportColumn, number>();
  rows[headerAt].forEach((cell, i) => {
    const c = headings.get(norm(cell));
    if (c && !at.has(c)) at.set(c, i);
  });
  const types = vocabulary(Object.keys(REQUEST_TYPES) as RequestType[], (c) => `types.${c}`, t);
  const states = vocabulary(REQUEST_STATES, (c) => `states.${c}`, t);
  const channels = vocabulary(HISTORIC_CHANNELS, (c) => `requestExport.channels.${c}`, t);
  const methods = vocabulary(IDENTITY_METHODS, (c) => `identity.${c}`, t);
  const yesNo = vocabulary(['yes', 'no'] as const, (c) => `requestExport.${c}`, t);

  const problems: HistoryProblem[] = [];
  const requests: ParsedHistory['requests'] = [];
  const seen = new Map<string, number>();
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row.some((c) => c.trim())) continue;
    const line = r + 1;
    const before = problems.length;
    const cell = (c: RequestExportColumn) => (at.has(c) ? (row[at.get(c)!] ?? '').trim() : '');
    const col = (c: RequestExportColumn) => (at.get(c) ?? 0) + 1;
    const problem = (c: RequestExportColumn, code: HistoryProblemCode, params?: HistoryProblem['params']) => problems.push({ row: line, column: col(c), code, params });
    const coded = <C extends string>(c: RequestExportColumn, words: Map<string, C>, code: HistoryProblemCode): C | undefined => {
      const v = cell(c);
      if (!v) return void problem(c, 'required');
      const found = words.get(norm(v));
      if (!found) problem(c, code, { value: v });
      return found;
    };
    const instant = (c: RequestExportColumn, required: boolean): Date | null | undefined => {
      const v = cell(c);
      if (!v) return required ? void problem(c, 'required') : null;
      const d = instantOf(v, timeZone);
      if (!d) return void problem(c, 'date', { value: v });
      if (d.getTime() > now.getTime()) return void problem(c, 'future', { value: v });
      return d;
    };

    let reference: string | null = null;
    if (cell('reference')) {
      reference = normaliseReference(cell('reference'));
      if (!reference) problem('reference', 'reference', { value: cell('reference') });
      else if (seen.has(reference)) problem('reference', 'reference-twice', { row: seen.get(reference)! });
      else seen.set(reference, line);
    }
    const receivedAt = instant('received', true);
    const channel = coded('channel', channels, 'channel');
    const type = coded('type', types, 'type');
    const identityMethod = coded('identityMethod', methods, 'identity-method') as IdentityMethod | undefined;
    const stateAny = coded('state', states, 'state');
    const state = stateAny && (HISTORIC_STATES as readonly string[]).includes(stateAny) ? (stateAny as HistoricState) : undefined;
    if (stateAny && !state) problem('state', 'not-closed', { value: cell('state') });
    const closedAt = instant('answeredAt', true);
    const identityVerifiedAt = instant('identityConfirmedAt', false);
    const extendedAt = instant('extendedAt', false);
    const extendedWord = cell('extended');
    const extended = extendedWord ? yesNo.get(norm(extendedWord)) : undefined;
    if (extendedWord && !extended) problem('extended', 'yes-no', { value: extendedWord });
    if (extended === 'yes' && !cell('extendedAt')) problem(at.has('extendedAt') ? 'extendedAt' : 'extended', 'extended-without-date');
    if (extended === 'no' && extendedAt) problem('extendedAt', 'date-without-extended');
    if (receivedAt && closedAt && closedAt < receivedAt) problem('answeredAt', 'before-received');
    for (const c of ['identityConfirmedAt', 'extendedAt'] as const) {
      const d = c === 'extendedAt' ? extendedAt : identityVerifiedAt;
      if (d && receivedAt && d < receivedAt) problem(c, 'before-received');
      if (d && closedAt && d > closedAt) problem(c, 'after-answered');
    }
    if (problems.length > before || !receivedAt || !closedAt || !channel || !type || !identityMethod || !state) continue;
    requests.push({ row: line, reference, type, channel, identityMethod, receivedAt, identityVerifiedAt: identityVerifiedAt ?? null, state, closedAt, extendedAt: extendedAt ?? null });
  }
  if (!requests.length && !problems.length) problems.push({ row: headerAt + 1, column: 1, code: 'no-rows' });
  return { requests, problems };
}
